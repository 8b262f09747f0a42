// What a player shows before it is paired with the ward's bantin server: the pairing code, big, for staff to
// type into the dashboard (Vietnamese first, English second).
import { formatPairingCode, strings } from '../../lib/strings';
import styles from './style.module.css';

export function UnpairedScreen({ code }: { code?: string | null }) {
  return (
    <main class={styles.screen} data-testid="player-unpaired">
      <h1 class={styles.title}>{strings.unpairedVi}</h1>
      {code ? (
        <>
          <p class={styles.code}>
            {strings.pairingCodeVi}:{' '}
            <span data-testid="pairing-code" data-code={code}>
              {formatPairingCode(code)}
            </span>
          </p>
          <p class={styles.english} lang="en">
            {strings.pairingCodeEn}: {formatPairingCode(code)}
          </p>
          <p class={styles.hint}>{strings.pairingHintVi}</p>
          <p class={styles.english} lang="en">
            {strings.pairingHintEn}
          </p>
        </>
      ) : (
        <p class={styles.hint}>{strings.unpairedHintVi}</p>
      )}
      <p class={styles.english} lang="en">
        {strings.unpairedEn}
      </p>
    </main>
  );
}
