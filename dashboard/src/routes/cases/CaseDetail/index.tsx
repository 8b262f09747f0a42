// One case: what the citizen reported (the link as plain text), the phone while its retention lasts, and —
// for reviewers — only the workflow steps its status allows: take on, forward to the ward police with a
// note, close with an outcome. The server checks every step again (409 for one that does not exist).
import { useState } from 'preact/hooks';
import { CASE_OUTCOMES, CASE_TRANSITIONS, type CaseOutcome, type CaseStatus } from '@bantin/protocol/core';
import { moveCase, type Case } from '../../../lib/cases-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { casesText } from '../../../lib/messages/cases';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';

interface Props {
  item: Case;
  canHandle: boolean;
  onClose(): void;
  onChanged(c: Case): void;
}

const STEP_LABEL = { handling: 'step.handle', forwarded: 'step.forward', closed: 'step.close', new: 'step.handle' } as const;

export function CaseDetail({ item, canHandle, onClose, onChanged }: Props) {
  const { t, tf } = casesText;
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const l = lang.value;
  const next = CASE_TRANSITIONS[item.status];

  async function go(to: CaseStatus) {
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const moved = await moveCase(item.id, {
        to,
        ...(trimmed ? { note: trimmed } : {}),
        ...(to === 'closed' && outcome ? { outcome } : {}),
      });
      setNote('');
      onChanged(moved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class={controls.panel} aria-labelledby="case-detail" data-testid="case-detail">
      <h2 id="case-detail" class={controls.heading}>
        {tf('detail.title', { id: item.id })} — {t(`status.${item.status}`)}
      </h2>
      <dl>
        <dt>{t('col.category')}</dt>
        <dd>{t(`category.${item.category}`)}</dd>
        <dt>{t('col.received')}</dt>
        <dd>{formatDateTime(item.receivedAt, l)}</dd>
        {item.platform && (
          <>
            <dt>{t('col.where')}</dt>
            <dd>{t(`platform.${item.platform}`)}</dd>
          </>
        )}
        {item.link && (
          <>
            <dt>{t('detail.link')}</dt>
            <dd class={controls.mono} data-testid="case-link">
              {item.link}
            </dd>
          </>
        )}
        <dt>{t('col.description')}</dt>
        <dd data-testid="case-description">{item.description}</dd>
        <dt>{item.phone && item.retainUntil ? tf('detail.phone', { until: formatDateTime(item.retainUntil, l) }) : t('detail.noPhone')}</dt>
        <dd data-testid="case-phone">{item.phone ?? '—'}</dd>
        {item.forwardNote && (
          <>
            <dt>{t('detail.note')}</dt>
            <dd data-testid="case-note">{item.forwardNote}</dd>
          </>
        )}
        {item.outcome && (
          <>
            <dt>{t('detail.outcome')}</dt>
            <dd data-testid="case-outcome">{t(`outcome.${item.outcome}`)}</dd>
          </>
        )}
      </dl>
      {canHandle && next.length > 0 && (
        <div class={controls.stack}>
          <Field id="case-note" label={t('step.note')} hint={t('step.noteHint')}>
            <textarea
              id="case-note"
              class={controls.input}
              rows={2}
              maxLength={1000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </Field>
          {next.includes('closed') && (
            <Field id="case-outcome-select" label={t('step.outcome')}>
              <select
                id="case-outcome-select"
                class={controls.input}
                value={outcome}
                onChange={(e) => setOutcome(e.currentTarget.value as CaseOutcome | '')}
              >
                <option value="">{t('step.chooseOutcome')}</option>
                {CASE_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcome.${o}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <div class={controls.row}>
            {next.map((to) => (
              <button
                key={to}
                type="button"
                class={controls.primary}
                disabled={busy}
                onClick={() => void go(to)}
                data-testid={`case-step-${to}`}
              >
                {t(STEP_LABEL[to])}
              </button>
            ))}
          </div>
        </div>
      )}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} testId="case-error" /> : null}
      <button type="button" class={controls.button} onClick={onClose}>
        {t('detail.close')}
      </button>
    </section>
  );
}
