// Any failure, said in the user's language with what to do next, plus a retry when one makes sense.
import { describeError } from '../../lib/error-advice';
import { t } from '../../lib/i18n';
import { Notice } from '../Notice';
import styles from './style.module.css';

interface Props {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
  testId?: string;
}

export function ErrorNotice({ error, onRetry, onDismiss, testId = 'error' }: Props) {
  const view = describeError(error);
  return (
    <Notice tone="error" onDismiss={onDismiss} testId={testId}>
      <p class={styles.detail}>{view.detail ?? t('common.network')}</p>
      <p>{t(view.next)}</p>
      {onRetry && (
        <button type="button" class={styles.retry} onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}
