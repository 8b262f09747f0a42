// The loudspeaker groups one may speak to, as checkboxes: name, how many loudspeakers, a "Vùng phát" badge when
// the group is also a stream zone, and — when someone is on air there already — who and since when, disabled.
import { lang } from '../../../lib/i18n';
import { announceText } from '../../../lib/messages/announce';
import type { LiveTarget } from '../live-api';
import { timeOf } from '../live-format';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  groups: readonly LiveTarget[];
  picked: readonly number[];
  onChange: (next: number[]) => void;
  error: boolean;
  disabled?: boolean;
}

export function LiveTargets({ groups, picked, onChange, error, disabled }: Props) {
  const { t, tf } = announceText;
  const toggle = (id: number, on: boolean) => onChange(on ? [...new Set([...picked, id])] : picked.filter((x) => x !== id));
  return (
    <fieldset
      class={styles.targets}
      disabled={disabled}
      aria-describedby={error ? 'live-targets-error' : undefined}
      data-testid="live-targets"
    >
      <legend class={styles.legend}>{t('live.targets')}</legend>
      {groups.length === 0 && <p class={controls.muted}>{t('live.targets.none')}</p>}
      <ul class={`${controls.stack} ${styles.list}`}>
        {groups.map((g) => (
          <li key={g.id}>
            <label class={controls.choice}>
              <input
                type="checkbox"
                checked={!g.busy && picked.includes(g.id)}
                disabled={g.busy !== null}
                onChange={(e) => toggle(g.id, e.currentTarget.checked)}
                data-testid="live-target"
                data-id={g.id}
              />
              <span class={styles.name}>{g.name}</span>
              <span class={controls.muted}>{tf('live.targets.speakers', { n: g.speakers })}</span>
              {g.zone && <span class={styles.badge}>{t('live.targets.zone')}</span>}
            </label>
            {g.busy && (
              <p class={styles.busy} data-testid="live-target-busy">
                {tf('live.targets.busy', { by: g.busy.by, time: timeOf(g.busy.since, lang.value) })}
              </p>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p id="live-targets-error" class={styles.error} role="alert" data-testid="live-targets-error">
          {t('live.targets.required')}
        </p>
      )}
    </fieldset>
  );
}
