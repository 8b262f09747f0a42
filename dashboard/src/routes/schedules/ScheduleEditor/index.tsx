// Create or edit a schedule entry: what (approved content or a playlist), where (groups, kinds, devices),
// when (a recurrence preset, custom days and windows, or an RRULE) and the class — with the plain sentence
// that says what the rule will do, updated as the person types. Server refusals are shown as sent.
import type { RelaySource } from '../../../lib/relays-api';
import { useState } from 'preact/hooks';
import type { Content } from '../../../lib/content-api';
import type { Device, DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { schedulesText } from '../../../lib/messages/schedules';
import { describeRecurrence } from '../../../lib/recurrence-text';
import { checkForm, inputOf, speakerWindowProblem, whenOf, type FormState } from '../../../lib/schedule-form';
import { createSchedule, patchSchedule, type Playlist, type Schedule } from '../../../lib/schedules-api';
import { summarizeTargets } from '@bantin/protocol/core';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { RecurrenceFields } from '../RecurrenceFields/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import { NameClassFields, TargetFields, WhatFields } from './fields';
import styles from './style.module.css';

interface Props {
  initial: FormState;
  editing: Schedule | null;
  contents: readonly Content[];
  playlists: readonly Playlist[];
  /** Relay sources (only the approved ones can be chosen). */
  relays: readonly RelaySource[];
  devices: readonly Device[];
  groups: readonly DeviceGroup[];
  onSaved: (s: Schedule) => void;
  onCancel: () => void;
}

export function ScheduleEditor({ initial, editing, contents, playlists, relays, devices, groups, onSaved, onCancel }: Props) {
  const { t, tf } = schedulesText;
  const [f, setF] = useState<FormState>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<FormState>) => setF((old) => ({ ...old, ...patch }));
  const sentence = describeRecurrence(
    { when: whenOf(f) },
    summarizeTargets({ groupIds: f.groupIds, kinds: f.kinds, deviceIds: f.deviceIds }, devices, groups),
    lang.value,
  );
  const speakerIssue = speakerWindowProblem(f, devices, groups);

  async function save(e: Event) {
    e.preventDefault();
    const bad = checkForm(f);
    const speaker = bad ? null : speakerIssue;
    setProblem(bad ? t(bad) : speaker ? tf(speaker.key, speaker.params) : null);
    if (bad || speaker) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(editing ? await patchSchedule(editing.id, inputOf(f)) : await createSchedule(inputOf(f)));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class={controls.panel} onSubmit={save} aria-labelledby="schedule-editor-title" data-testid="schedule-editor" noValidate>
      <h2 id="schedule-editor-title" class={controls.heading}>
        {t(editing ? 'editor.titleEdit' : 'editor.titleNew')}
      </h2>
      <NameClassFields f={f} set={set} />
      <WhatFields f={f} set={set} contents={contents} playlists={playlists} relays={relays} />
      <TargetFields f={f} set={set} devices={devices} groups={groups} />
      <RecurrenceFields form={f} set={set} />
      <p class={styles.sentence} aria-live="polite">
        <span class={controls.muted}>{t('editor.sentence')}: </span>
        <strong data-testid="recurrence-sentence">{sentence}</strong>
      </p>
      {speakerIssue && (
        <p class={styles.problem} data-testid="speaker-window-problem">
          {tf(speakerIssue.key, speakerIssue.params)}
        </p>
      )}
      <SaveBar problem={problem} error={error} onDismissError={() => setError(null)} saving={saving} onCancel={onCancel} />
    </form>
  );
}

interface SaveBarProps {
  problem: string | null;
  error: unknown;
  onDismissError: () => void;
  saving: boolean;
  onCancel: () => void;
}

function SaveBar({ problem, error, onDismissError, saving, onCancel }: SaveBarProps) {
  const { t } = schedulesText;
  return (
    <>
      {problem && (
        <p role="alert" class={styles.problem} data-testid="editor-problem">
          {problem}
        </p>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={onDismissError} />}
      {saving && <ProgressBar label={t('editor.saving')} value={null} />}
      <FormActions
        label={saving ? t('editor.saving') : t('editor.save')}
        disabled={saving}
        testId="schedule-save"
        cancelLabel={t('editor.cancel')}
        onCancel={onCancel}
      />
    </>
  );
}
