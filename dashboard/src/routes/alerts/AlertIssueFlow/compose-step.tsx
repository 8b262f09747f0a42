// Step 1 of issuing an alert: the text, the target (everything, or groups and kinds of device), the
// severity, the repeat and the expiry. "Next" checks the draft before step 2.
import type { Ref } from 'preact';
import { EXPIRY_CHOICES, type AlertDraft } from '../../../lib/alert-draft';
import { DEVICE_KINDS, type DeviceGroup } from '../../../lib/devices-api';
import { alertsText } from '../../../lib/messages/alerts';
import { devicesText } from '../../../lib/messages/devices';
import { NumberField, SelectField, TextAreaField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const SEVERITIES = ['extreme', 'severe', 'moderate', 'minor'] as const;

interface DraftProps {
  draft: AlertDraft;
  set: (patch: Partial<AlertDraft>) => void;
}

interface Props extends DraftProps {
  groups: readonly DeviceGroup[];
  where: string;
  heading: Ref<HTMLHeadingElement>;
  problem: string | null;
  onNext: (e: Event) => void;
  onCancel: () => void;
}

export function ComposeStep({ draft, set, groups, where, heading, problem, onNext, onCancel }: Props) {
  const { t } = alertsText;
  return (
    <form class={styles.flow} onSubmit={onNext} aria-labelledby="alert-step" data-testid="alert-compose" noValidate>
      <h2 id="alert-step" ref={heading} tabIndex={-1} class={controls.heading}>
        {t('issue.step1')}
      </h2>
      <TextAreaField
        id="alert-text"
        label={t('issue.text')}
        hint={t('issue.textHint')}
        maxLength={2000}
        value={draft.text}
        onValue={(text) => set({ text })}
        testId="alert-text"
      />
      <TargetFields draft={draft} set={set} groups={groups} where={where} />
      <OptionFields draft={draft} set={set} />
      {problem && (
        <p role="alert" class={styles.problem} data-testid="alert-problem">
          {problem}
        </p>
      )}
      <FormActions label={t('issue.next')} testId="alert-next" cancelLabel={t('issue.cancel')} onCancel={onCancel} />
    </form>
  );
}

function TargetFields({ draft, set, groups, where }: DraftProps & { groups: readonly DeviceGroup[]; where: string }) {
  const { t } = alertsText;
  return (
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
      {!draft.all && <SomeTargets draft={draft} set={set} groups={groups} />}
      <p class={controls.muted} aria-live="polite">
        {where}
      </p>
    </fieldset>
  );
}

function SomeTargets({ draft, set, groups }: DraftProps & { groups: readonly DeviceGroup[] }) {
  const { t } = alertsText;
  return (
    <>
      <fieldset class={`${controls.choices} ${styles.inner}`}>
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
      <fieldset class={`${controls.choices} ${styles.inner}`}>
        <legend>{t('issue.kinds')}</legend>
        {DEVICE_KINDS.map((k) => (
          <label key={k} class={styles.choice}>
            <input
              type="checkbox"
              checked={draft.kinds.includes(k)}
              onChange={(e) => set({ kinds: e.currentTarget.checked ? [...draft.kinds, k] : draft.kinds.filter((x) => x !== k) })}
            />
            {devicesText.t(`kind.${k}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function OptionFields({ draft, set }: DraftProps) {
  const { t } = alertsText;
  return (
    <div class={controls.grid}>
      <SelectField
        id="alert-severity"
        label={t('issue.severity')}
        value={draft.severity}
        choices={SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))}
        onValue={(severity) => severity && set({ severity })}
      />
      <NumberField
        id="alert-repeat"
        label={t('issue.repeat')}
        min={0}
        max={1440}
        value={draft.repeatMin}
        onValue={(v) => set({ repeatMin: Number(v) || 0 })}
      />
      <SelectField
        id="alert-expiry"
        label={t('issue.expiry')}
        value={String(draft.expiryMin)}
        choices={EXPIRY_CHOICES.map((m) => ({ value: String(m), label: t(`expiry.${m}`) }))}
        onValue={(v) => set({ expiryMin: Number(v) as AlertDraft['expiryMin'] })}
      />
    </div>
  );
}
