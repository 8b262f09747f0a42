// A reviewer's decision on a waiting relay source: the exact address being approved, a reason (required to
// reject), and the confirmation. The address seen is sent along, so a change made meanwhile is refused.
import { useState } from 'preact/hooks';
import { relaysText } from '../../../lib/messages/relays';
import { decideRelaySource, type RelaySource } from '../../../lib/relays-api';
import { t as common } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { TextAreaField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  source: RelaySource;
  decision: 'approve' | 'reject';
  onDecided: (s: RelaySource) => void;
  onCancel: () => void;
}

export function DecisionPanel({ source, decision, onDecided, onCancel }: Props) {
  const { t, tf } = relaysText;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function decide(e: Event) {
    e.preventDefault();
    if (decision === 'reject' && !reason.trim()) return setMissing(true);
    setBusy(true);
    setError(null);
    try {
      onDecided(await decideRelaySource(source.id, { decision, url: source.url, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form class={styles.panel} onSubmit={decide} noValidate data-testid="relay-source-decision" data-decision={decision} aria-labelledby="relay-decision-h">
      <h2 id="relay-decision-h" class={controls.heading}>
        {tf('review.title', { name: source.name })}
      </h2>
      <p class={styles.label}>{t('review.url')}</p>
      <code class={styles.url} data-testid="relay-source-decision-url">
        {source.url}
      </code>
      {source.allowPrivate && <p class={styles.warning}>{t('form.allowPrivateWarning')}</p>}
      <TextAreaField
        id="relay-source-reason"
        label={t('review.reason')}
        rows={3}
        maxLength={500}
        error={missing && !reason.trim() ? t('review.needReason') : null}
        value={reason}
        onValue={setReason}
        testId="relay-source-reason"
      />
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} testId="relay-source-decision-error" />}
      <FormActions
        label={busy ? t('review.busy') : t(decision === 'approve' ? 'review.confirmApprove' : 'review.confirmReject')}
        disabled={busy}
        testId="relay-source-decide"
        cancelLabel={common('common.cancel')}
        onCancel={onCancel}
        cancelTestId="relay-source-decide-cancel"
      />
    </form>
  );
}
