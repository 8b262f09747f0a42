// What a player shows before it is paired with the ward's bantin server.
import { strings } from '../../lib/strings';
import styles from './style.module.css';

export function UnpairedScreen() {
  return (
    <main class={styles.screen} data-testid="player-unpaired">
      <h1 class={styles.title}>{strings.unpairedVi}</h1>
      <p class={styles.hint}>{strings.unpairedHintVi}</p>
      <p class={styles.english} lang="en">
        {strings.unpairedEn}
      </p>
    </main>
  );
}
