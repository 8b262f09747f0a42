// The server's word that a file's name says another type than its content (an image named .mp4): the
// content decided how it was stored; the editor and the reviewer read why the name looks wrong.
import { lang } from '../../lib/i18n';
import type { NameWarning as Warning } from '../../lib/content-api';
import styles from './style.module.css';

export function NameWarning({ warning }: { warning: Warning | null | undefined }) {
  if (!warning) return null;
  return (
    <p class={styles.warning} data-testid="name-warning">
      <span aria-hidden="true">⚠ </span>
      {lang.value === 'vi' ? warning.vi : warning.en}
    </p>
  );
}
