// The colours of the priority classes (emergency red, priority orange, normal blue, ads purple, fallback
// grey), shared by the week calendar and the device timeline. Colour is never the only cue: every block
// also names its class in text.
import { schedulesText } from '../../../lib/messages/schedules';
import styles from './style.module.css';

const CLASSES = ['emergency', 'priority', 'normal', 'ads', 'fallback'] as const;
type ClassName = (typeof CLASSES)[number];

/** The CSS class that colours a block of this priority class. */
export function classColour(c: ClassName): string {
  return styles[c] ?? '';
}

export function ClassLegend({ classes = CLASSES }: { classes?: readonly ClassName[] }) {
  const { t } = schedulesText;
  return (
    <ul class={styles.legend} aria-label={t('legend')}>
      {classes.map((c) => (
        <li key={c}>
          <span class={`${styles.swatch} ${styles[c]}`} aria-hidden="true" />
          {t(`class.${c}`)}
        </li>
      ))}
    </ul>
  );
}
