// Emergency alert on a screen: full-screen red banner with the Vietnamese text, over everything.
import type { AlertMessage } from '@bantin/protocol/core';
import { strings } from '../../lib/strings';
import styles from './style.module.css';

export function AlertBanner({ alert }: { alert: AlertMessage }) {
  return (
    <div class={styles.banner} role="alert" data-testid="alert-banner" data-alert-id={alert.id}>
      <p class={styles.heading}>
        {strings.alertTitleVi} <span lang="en">· {strings.alertTitleEn}</span>
      </p>
      <p class={styles.text} lang="vi">
        {alert.text}
      </p>
    </div>
  );
}
