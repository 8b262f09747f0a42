// One submission under review: the exact version (preview, sha256), the pre-check findings listed and
// marked in the title and text, the decision (approve, or reject with a required reason) and the
// history of decisions on this content.
import { useState } from 'preact/hooks';
import { contentHistory, decide, type QueueEntry } from '../../../lib/content-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang, t, tf } from '../../../lib/i18n';
import { canDecide } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, describedBy } from '../../../components/Field/index';
import { FindingsList } from '../../../components/FindingsList/index';
import { HighlightedText } from '../HighlightedText/index';
import { HistoryTable } from '../../../components/HistoryTable/index';
import { VersionPreview } from '../../../components/VersionPreview/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  entry: QueueEntry;
  onDecided: (message: string) => void;
}

export function ReviewPanel({ entry, onDecided }: Props) {
  const { kind, version } = entry;
  const findings = version.findings;
  const history = useResource(() => contentHistory(version.contentId), [version.contentId]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const allowed = canDecide(session.value?.user.roles ?? [], kind);

  async function send(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !reason.trim()) {
      setReasonError(t('review.reasonRequired'));
      document.getElementById('review-reason')?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    setError(null);
    try {
      await decide(version.id, decision, decision === 'reject' ? reason.trim() : undefined);
      onDecided(tf(decision === 'approve' ? 'review.approved' : 'review.rejected', { title: version.title }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <article class={styles.panel} aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" class={styles.title}>
        {version.title}
      </h2>
      <p class={controls.muted}>
        {t(`kind.${kind}`)} · {tf('content.versionN', { n: version.number })} ·{' '}
        {tf('review.submittedAt', { at: formatDateTime(version.submittedAt, lang.value) })} ·{' '}
        <a href={`/content/${version.contentId}`}>#{version.contentId}</a>
      </p>
      <p class={styles.sha}>
        {t('content.sha')}:{' '}
        <span class={controls.mono} data-testid="review-sha">
          {version.versionSha256}
        </span>
      </p>

      <VersionPreview kind={kind} version={version} />

      <section class={controls.section} aria-labelledby="findings-h">
        <h3 id="findings-h" class={styles.sub}>
          {t('review.findings')}
        </h3>
        <p class={controls.muted}>{t('review.findingsNote')}</p>
        <FindingsList findings={findings} />
        <h4 class={styles.subsub}>{t('review.inText')}</h4>
        <dl class={styles.texts}>
          <dt>{t('fieldname.title')}</dt>
          <dd>
            <HighlightedText text={version.title} findings={findings} field="title" testId="highlight-title" />
          </dd>
          {typeof version.fields.claim === 'string' && version.fields.claim && (
            <>
              <dt>{t('fieldname.claim')}</dt>
              <dd>
                <HighlightedText text={version.fields.claim} findings={findings} field="claim" testId="highlight-claim" />
              </dd>
            </>
          )}
          {version.body && (
            <>
              <dt>{t('fieldname.body')}</dt>
              <dd>
                <HighlightedText text={version.body} findings={findings} field="body" testId="highlight-body" />
              </dd>
            </>
          )}
        </dl>
      </section>

      {allowed && (
        <section class={`${controls.section} ${styles.decision}`} aria-labelledby="decision-h">
          <h3 id="decision-h" class={styles.sub}>
            {t('review.decision')}
          </h3>
          <Field id="review-reason" label={t('review.reason')} hint={t('review.reasonHint')} error={reasonError}>
            <textarea
              id="review-reason"
              class={controls.input}
              rows={3}
              value={reason}
              aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={describedBy('review-reason', t('review.reasonHint'), reasonError)}
              onInput={(e) => setReason(e.currentTarget.value)}
              data-testid="review-reason"
            />
          </Field>
          {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
          <div class={controls.row}>
            <button type="button" class={controls.primary} disabled={busy} onClick={() => send('approve')} data-testid="approve">
              {t('review.approve')}
            </button>
            <button type="button" class={controls.danger} disabled={busy} onClick={() => send('reject')} data-testid="reject">
              {t('review.reject')}
            </button>
            {busy && <span role="status">{t('review.deciding')}</span>}
          </div>
        </section>
      )}

      <section class={controls.section} aria-labelledby="rh-h">
        <h3 id="rh-h" class={styles.sub}>
          {t('review.history')}
        </h3>
        {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
        {history.data && <HistoryTable entries={history.data} caption={t('review.history')} />}
      </section>
    </article>
  );
}
