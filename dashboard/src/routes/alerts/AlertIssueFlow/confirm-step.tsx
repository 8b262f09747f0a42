// Step 2 of issuing an alert: restates where, what, how severe, how often and until when, and issues it
// only once the box is ticked and the separate button pressed.
import type { Ref } from 'preact';
import { expiresAt, type AlertDraft } from '../../../lib/alert-draft';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { alertsText } from '../../../lib/messages/alerts';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  draft: AlertDraft;
  where: string;
  heading: Ref<HTMLHeadingElement>;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  problem: string | null;
  error: unknown;
  onDismissError: () => void;
  sending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

export function ConfirmStep(p: Props) {
  const { t } = alertsText;
  return (
    <section class={styles.flow} aria-labelledby="alert-step" data-testid="alert-confirm">
      <h2 id="alert-step" ref={p.heading} tabIndex={-1} class={controls.heading}>
        {t('issue.step2')}
      </h2>
      <p class={styles.warning}>{t('confirm.intro')}</p>
      <ConfirmSummary draft={p.draft} where={p.where} />
      <label class={styles.check}>
        <input
          type="checkbox"
          checked={p.checked}
          onChange={(e) => p.onChecked(e.currentTarget.checked)}
          data-testid="alert-confirm-check"
        />
        {t('confirm.check')}
      </label>
      {p.problem && (
        <p role="alert" class={styles.problem}>
          {p.problem}
        </p>
      )}
      {p.error != null && <ErrorNotice error={p.error} onDismiss={p.onDismissError} />}
      {p.sending && <ProgressBar label={t('confirm.sending')} value={null} />}
      <div class={controls.row}>
        <button type="button" class={controls.danger} disabled={p.sending} onClick={p.onConfirm} data-testid="alert-confirm-submit">
          {p.sending ? t('confirm.sending') : t('confirm.submit')}
        </button>
        <button type="button" class={controls.button} disabled={p.sending} onClick={p.onBack} data-testid="alert-back">
          {t('issue.back')}
        </button>
      </div>
    </section>
  );
}

function ConfirmSummary({ draft, where }: { draft: AlertDraft; where: string }) {
  const { t, tf } = alertsText;
  const end = new Date(expiresAt(draft, Date.now())).toISOString();
  return (
    <dl class={styles.summary}>
      <dt>{t('confirm.where')}</dt>
      <dd data-testid="alert-confirm-where">{where}</dd>
      <dt>{t('confirm.what')}</dt>
      <dd>
        <blockquote class={styles.text} data-testid="alert-confirm-text">
          {draft.text.trim()}
        </blockquote>
      </dd>
      <dt>{t('confirm.severity')}</dt>
      <dd>{t(`severity.${draft.severity}`)}</dd>
      <dt>{t('confirm.repeat')}</dt>
      <dd>{draft.repeatMin > 0 ? tf('confirm.repeatEvery', { n: draft.repeatMin }) : t('confirm.once')}</dd>
      <dt>{t('confirm.until')}</dt>
      <dd>{tf('confirm.untilAt', { d: t(`expiry.${draft.expiryMin}`), at: formatDateTime(end, lang.value) })}</dd>
    </dl>
  );
}
