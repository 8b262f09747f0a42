// The sign-in page. Errors come from the server's problem+json `detail`, already in the UI language
// because every request sends Accept-Language.
import { useSignal } from '@preact/signals';
import { login, type Session } from '../../lib/api';
import { t } from '../../lib/i18n';
import { ApiError, problemMessage } from '../../lib/problem';
import { LangSwitch } from '../LangSwitch';
import styles from './style.module.css';

interface Props {
  onLoggedIn: (session: Session) => void;
}

export function LoginPage({ onLoggedIn }: Props) {
  const username = useSignal('');
  const password = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      onLoggedIn(await login(username.value.trim(), password.value));
    } catch (err) {
      // No problem document means the request never reached bantin (network, proxy).
      const fallback = err instanceof ApiError ? t('login.failed') : t('login.network');
      error.value = problemMessage(err, fallback);
      password.value = '';
    } finally {
      busy.value = false;
    }
  }

  return (
    <div class={styles.page}>
      <div class={styles.lang}>
        <LangSwitch />
      </div>
      <main class={styles.card}>
        <p class={styles.brand}>
          <span class={styles.product}>{t('app.name')}</span>
          <span class={styles.ward}>{t('app.ward')}</span>
        </p>
        <h1 class={styles.title}>{t('login.title')}</h1>
        <form class={styles.form} onSubmit={submit} data-testid="login-form" noValidate>
          <label class={styles.field}>
            <span class={styles.label}>{t('login.username')}</span>
            <input
              class={styles.input}
              name="username"
              autocomplete="username"
              autoCapitalize="none"
              spellcheck={false}
              required
              autoFocus
              value={username.value}
              onInput={(e) => (username.value = e.currentTarget.value)}
              data-testid="login-username"
            />
          </label>
          <label class={styles.field}>
            <span class={styles.label}>{t('login.password')}</span>
            <input
              class={styles.input}
              type="password"
              name="password"
              autocomplete="current-password"
              required
              value={password.value}
              onInput={(e) => (password.value = e.currentTarget.value)}
              data-testid="login-password"
            />
          </label>
          {error.value && (
            <p class={styles.error} role="alert" data-testid="login-error">
              {error.value}
            </p>
          )}
          <button class={styles.submit} type="submit" disabled={busy.value} data-testid="login-submit">
            {busy.value ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
