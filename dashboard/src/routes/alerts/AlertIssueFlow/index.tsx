// "Phát cảnh báo khẩn": a deliberate two-step flow. Step 1 composes the text, the target, the repeat and
// the expiry; step 2 restates who will hear or see it, where and until when, and issues it only after an
// explicit confirmation (a ticked box and a separate button).
import { useEffect, useRef, useState } from 'preact/hooks';
import { alertInput, checkDraft, EMPTY_DRAFT, reachedDevices, type AlertDraft } from '../../../lib/alert-draft';
import { issueAlert, type Alert } from '../../../lib/alerts-api';
import { playsTimeline, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { alertsText } from '../../../lib/messages/alerts';
import { describeTargets } from '../../../lib/recurrence-text';
import { summarizeTargets } from '@bantin/protocol/core';
import { ComposeStep } from './compose-step';
import { ConfirmStep } from './confirm-step';

interface Props {
  devices: readonly Device[];
  groups: readonly DeviceGroup[];
  onIssued: (a: Alert) => void;
  onCancel: () => void;
}

export function AlertIssueFlow({ devices, groups, onIssued, onCancel }: Props) {
  const { t } = alertsText;
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

  const targetable = devices.filter(playsTimeline);
  const reached = reachedDevices(draft, targetable);
  const where = describeTargets(summarizeTargets({ ...draft, deviceIds: [] }, reached, groups), lang.value);

  function next(e: Event) {
    e.preventDefault();
    const bad = checkDraft(draft, targetable);
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
    const step2 = { draft, where, heading, checked, onChecked: setChecked, problem, error, sending };
    return <ConfirmStep {...step2} onDismissError={() => setError(null)} onConfirm={() => void confirm()} onBack={() => setStep(1)} />;
  }
  return (
    <ComposeStep
      draft={draft}
      set={set}
      groups={groups}
      where={where}
      heading={heading}
      problem={problem}
      onNext={next}
      onCancel={onCancel}
    />
  );
}
