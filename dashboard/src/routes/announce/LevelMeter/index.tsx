// The microphone's level as a bar (RMS in dBFS, −60 empty to 0 full) with its number and what it means:
// nothing heard, quiet, good or too loud. data-db carries the number for tests and support staff.
import { announceText } from '../../../lib/messages/announce';
import { levelPercent, levelVerdict, METER_FLOOR_DB } from '../../../lib/mic';
import styles from './style.module.css';

export function LevelMeter({ db }: { db: number }) {
  const { t, tf } = announceText;
  const verdict = levelVerdict(db);
  const shown = db <= METER_FLOOR_DB ? `< ${METER_FLOOR_DB}` : db.toFixed(0);
  return (
    <div class={styles.meter}>
      <div
        class={`${styles.track} ${styles[verdict]}`}
        role="meter"
        aria-label={t('meter.label')}
        aria-valuemin={METER_FLOOR_DB}
        aria-valuemax={0}
        aria-valuenow={Math.max(METER_FLOOR_DB, Math.round(db))}
        aria-valuetext={tf('meter.value', { db: shown })}
        data-testid="mic-level"
        data-db={db.toFixed(1)}
        data-verdict={verdict}
      >
        <div class={styles.bar} style={{ width: `${levelPercent(db).toFixed(1)}%` }} />
      </div>
      <p class={styles.readout}>
        <span class={styles.value}>{tf('meter.value', { db: shown })}</span> <span>{t(`meter.${verdict}`)}</span>
      </p>
    </div>
  );
}
