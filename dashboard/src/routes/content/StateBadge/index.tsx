// A content state as a coloured badge with its Vietnamese name (Nháp, Chờ duyệt, Đã duyệt, …).
import type { ContentState } from '../../../lib/content-api';
import { t } from '../../../lib/i18n';
import styles from './style.module.css';

export function StateBadge({ state }: { state: ContentState }) {
  return (
    <span class={`${styles.badge} ${styles[state]}`} data-state={state} data-testid="state-badge">
      {t(`state.${state}`)}
    </span>
  );
}
