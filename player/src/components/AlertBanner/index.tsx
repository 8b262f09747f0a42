// Emergency alert on a screen: full-screen red banner with the Vietnamese text, over everything. An alert
// heard only (speech or a sound, no text) shows the heading alone.
import type { AlertMessage } from '@bantin/protocol/core';
import { strings } from '../../lib/strings';
import styles from './style.module.css';

export function AlertBanner({ alert }: { alert: AlertMessage }) {
  return (
    <div class={styles.banner} role="alert" data-testid="alert-banner" data-alert-id={alert.id}>
      {/* English on its own line under the Vietnamese: no separator to strand at a line end. */}
      <p class={styles.heading}>
        {strings.alertTitleVi}
        <span lang="en">{strings.alertTitleEn}</span>
      </p>
      {alert.text.trim() !== '' && (
        <p class={styles.text} lang="vi">
          {alert.text}
        </p>
      )}
    </div>
  );
}
