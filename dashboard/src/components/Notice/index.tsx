// A message box for the outcome of an action: success and information are polite status messages,
// errors are alerts so screen readers announce them at once.
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import styles from './style.module.css';

interface Props {
  tone: 'success' | 'info' | 'error';
  children: ComponentChildren;
  onDismiss?: () => void;
  testId?: string;
}

export function Notice({ tone, children, onDismiss, testId }: Props) {
  return (
    <div class={`${styles.notice} ${styles[tone]}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div class={styles.body}>{children}</div>
      {onDismiss && (
        <button type="button" class={styles.dismiss} onClick={onDismiss} aria-label={t('common.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
