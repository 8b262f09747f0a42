// "Phát cảnh báo khẩn": a deliberate two-step flow. Step 1 composes the text, the target, the repeat and
// the expiry; step 2 restates who will hear or see it, where and until when, and issues it only after an
// explicit confirmation (a ticked box and a separate button).
import { useEffect, useRef, useState } from 'preact/hooks';
import { alertInput, checkDraft, EMPTY_DRAFT, EXPIRY_CHOICES, expiresAt, reachedDevices, type AlertDraft } from '../../../lib/alert-draft';
import { issueAlert, type Alert } from '../../../lib/alerts-api';
import { formatDateTime } from '../../../lib/datetime';
import { DEVICE_KINDS, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { alertsText } from '../../../lib/messages/alerts';
import { devicesText } from '../../../lib/messages/devices';
import { describeTargets } from '../../../lib/recurrence-text';
import { summarizeTargets } from '@bantin/protocol/core';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, describedBy } from '../../../components/Field/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  devices: readonly Device[];
  groups: readonly DeviceGroup[];
  onIssued: (a: Alert) => void;
  onCancel: () => void;
}

const SEVERITIES = ['extreme', 'severe', 'moderate', 'minor'] as const;

export function AlertIssueFlow({ devices, groups, onIssued, onCancel }: Props) {
  const { t, tf } = alertsText;
  const [draft, setDraft] = useState<AlertDraft>(EMPTY_DRAFT);
  const [step, setStep] = useState<1 | 2>(1);
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<AlertDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // A step change moves the focus to the step's heading so keyboard and screen-reader users follow.
  useEffect(() => heading.current?.focus(), [step]);

  const reached = reachedDevices(draft, devices);
  const where = describeTargets(summarizeTargets({ ...draft, deviceIds: [] }, reached, groups), lang.value);

  function next(e: Event) {
    e.preventDefault();
    const bad = checkDraft(draft, devices);
    setProblem(bad ? t(bad) : null);
    if (!bad) {
      setChecked(false);
      setStep(2);
    }
  }

  async function confirm() {
    if (!checked) return setProblem(t('confirm.needCheck'));
    setProblem(null);
    setSending(true);
    setError(null);
    try {
      onIssued(await issueAlert(alertInput(draft, Date.now())));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  }

  if (step === 2) {
    const end = new Date(expiresAt(draft, Date.now())).toISOString();
    return (
      <section class={styles.flow} aria-labelledby="alert-step" data-testid="alert-confirm">
        <h2 id="alert-step" ref={heading} tabIndex={-1} class={controls.heading}>
          {t('issue.step2')}
        </h2>
        <p class={styles.warning}>{t('confirm.intro')}</p>
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
        <label class={styles.check}>
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => setChecked(e.currentTarget.checked)}
            data-testid="alert-confirm-check"
          />
          {t('confirm.check')}
        </label>
        {problem && (
          <p role="alert" class={styles.problem}>
            {problem}
          </p>
        )}
        {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
        {sending && <ProgressBar label={t('confirm.sending')} value={null} />}
        <div class={controls.row}>
          <button
            type="button"
            class={controls.danger}
            disabled={sending}
            onClick={() => void confirm()}
            data-testid="alert-confirm-submit"
          >
            {sending ? t('confirm.sending') : t('confirm.submit')}
          </button>
          <button type="button" class={controls.button} disabled={sending} onClick={() => setStep(1)} data-testid="alert-back">
            {t('issue.back')}
          </button>
        </div>
      </section>
    );
  }

  const kindsT = devicesText.t;
  return (
    <form class={styles.flow} onSubmit={next} aria-labelledby="alert-step" data-testid="alert-compose" noValidate>
      <h2 id="alert-step" ref={heading} tabIndex={-1} class={controls.heading}>
        {t('issue.step1')}
      </h2>
      <Field id="alert-text" label={t('issue.text')} hint={t('issue.textHint')}>
        <textarea
          id="alert-text"
          class={controls.input}
          maxLength={2000}
          value={draft.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
          aria-describedby={describedBy('alert-text', t('issue.textHint'))}
          data-testid="alert-text"
        />
      </Field>
      <fieldset class={styles.fieldset}>
        <legend>{t('issue.target')}</legend>
        <label class={styles.choice}>
          <input type="radio" name="alert-scope" checked={draft.all} onChange={() => set({ all: true })} data-testid="alert-all" />
          {t('issue.all')}
        </label>
        <label class={styles.choice}>
          <input type="radio" name="alert-scope" checked={!draft.all} onChange={() => set({ all: false })} data-testid="alert-some" />
          {t('issue.some')}
        </label>
        {!draft.all && (
          <>
            <fieldset class={styles.inner}>
              <legend>{t('issue.groups')}</legend>
              {groups.map((g) => (
                <label key={g.id} class={styles.choice}>
                  <input
                    type="checkbox"
                    checked={draft.groupIds.includes(g.id)}
                    onChange={(e) =>
                      set({ groupIds: e.currentTarget.checked ? [...draft.groupIds, g.id] : draft.groupIds.filter((x) => x !== g.id) })
                    }
                    data-testid="alert-group"
                  />
                  {g.name}
                </label>
              ))}
            </fieldset>
            <fieldset class={styles.inner}>
              <legend>{t('issue.kinds')}</legend>
              {DEVICE_KINDS.map((k) => (
                <label key={k} class={styles.choice}>
                  <input
                    type="checkbox"
                    checked={draft.kinds.includes(k)}
                    onChange={(e) => set({ kinds: e.currentTarget.checked ? [...draft.kinds, k] : draft.kinds.filter((x) => x !== k) })}
                  />
                  {kindsT(`kind.${k}`)}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <p class={controls.muted} aria-live="polite">
          {where}
        </p>
      </fieldset>
      <div class={controls.grid}>
        <Field id="alert-severity" label={t('issue.severity')}>
          <select
            id="alert-severity"
            class={controls.input}
            value={draft.severity}
            onChange={(e) => set({ severity: e.currentTarget.value as AlertDraft['severity'] })}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="alert-repeat" label={t('issue.repeat')}>
          <input
            id="alert-repeat"
            type="number"
            min={0}
            max={1440}
            class={controls.input}
            value={draft.repeatMin}
            onInput={(e) => set({ repeatMin: Number(e.currentTarget.value) || 0 })}
          />
        </Field>
        <Field id="alert-expiry" label={t('issue.expiry')}>
          <select
            id="alert-expiry"
            class={controls.input}
            value={String(draft.expiryMin)}
            onChange={(e) => set({ expiryMin: Number(e.currentTarget.value) as AlertDraft['expiryMin'] })}
          >
            {EXPIRY_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {t(`expiry.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {problem && (
        <p role="alert" class={styles.problem} data-testid="alert-problem">
          {problem}
        </p>
      )}
      <div class={controls.row}>
        <button type="submit" class={controls.primary} data-testid="alert-next">
          {t('issue.next')}
        </button>
        <button type="button" class={controls.button} onClick={onCancel}>
          {t('issue.cancel')}
        </button>
      </div>
    </form>
  );
}
