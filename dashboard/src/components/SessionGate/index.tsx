// Decides between the sign-in page and the signed-in shell: asks the server once for the current
// session, then follows sign-in and sign-out.
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { currentSession, logout } from '../../lib/api';
import { t } from '../../lib/i18n';
import { session } from '../../lib/session';
import { AppRoutes } from '../../routes';
import { LoginPage } from '../LoginPage';
import { Shell } from '../Shell';
import styles from './style.module.css';

export function SessionGate() {
  const { route } = useLocation();

  useEffect(() => {
    currentSession()
      .then((s) => (session.value = s))
      // Unreachable server: show the sign-in page, whose submit reports the network error.
      .catch(() => (session.value = null));
  }, []);

  async function signOut() {
    const current = session.value;
    try {
      if (current) await logout(current.csrfToken);
    } catch {
      // An expired session or a lost network must not trap the person in the shell.
    }
    session.value = null;
    route('/');
  }

  const current = session.value;
  if (current === undefined) {
    return (
      <p class={styles.loading} role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (current === null) return <LoginPage onLoggedIn={(s) => (session.value = s)} />;
  return (
    <Shell session={current} onLogout={signOut}>
      <AppRoutes roles={current.user.roles} />
    </Shell>
  );
}
