// The frame around every screen after sign-in: product and ward name, language switch, the current
// user, sign-out, the navigation, and the main area the router fills.
import type { ComponentChildren } from 'preact';
import type { Session } from '../../lib/api';
import { t } from '../../lib/i18n';
import { LangSwitch } from '../LangSwitch';
import { NavMenu } from '../NavMenu';
import styles from './style.module.css';

interface Props {
  session: Session;
  onLogout: () => void;
  children: ComponentChildren;
}

export function Shell({ session, onLogout, children }: Props) {
  return (
    <div class={styles.shell} data-testid="shell">
      <a class={styles.skip} href="#main">
        {t('shell.skip')}
      </a>
      <header class={styles.header}>
        <p class={styles.brand}>
          <span class={styles.product}>{t('app.name')}</span>
          <span class={styles.ward}>{t('app.ward')}</span>
        </p>
        <div class={styles.actions}>
          <LangSwitch />
          <span class={styles.user} title={t('shell.user')} data-testid="current-user">
            {session.user.displayName || session.user.username}
          </span>
          <button type="button" class={styles.logout} onClick={onLogout} data-testid="logout">
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <div class={styles.body}>
        <NavMenu roles={session.user.roles} />
        <main id="main" class={styles.main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
