// Create or edit a schedule entry: what (approved content or a playlist), where (groups, kinds, devices),
// when (a recurrence preset, custom days and windows, or an RRULE) and the class — with the plain sentence
// that says what the rule will do, updated as the person types. Server refusals are shown as sent.
import { useState } from 'preact/hooks';
import type { Content } from '../../../lib/content-api';
import { DEVICE_KINDS, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { schedulesText } from '../../../lib/messages/schedules';
import { describeRecurrence } from '../../../lib/recurrence-text';
import { checkForm, inputOf, whenOf, type FormState } from '../../../lib/schedule-form';
import { createSchedule, patchSchedule, SCHEDULE_CLASSES, type Playlist, type Schedule } from '../../../lib/schedules-api';
import { summarizeTargets } from '@bantin/protocol/core';
import { CheckboxGroup } from '../../../components/CheckboxGroup/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field } from '../../../components/Field/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { RecurrenceFields } from '../RecurrenceFields/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  initial: FormState;
  editing: Schedule | null;
  contents: readonly Content[];
  playlists: readonly Playlist[];
  devices: readonly Device[];
  groups: readonly DeviceGroup[];
  onSaved: (s: Schedule) => void;
  onCancel: () => void;
}

export function ScheduleEditor({ initial, editing, contents, playlists, devices, groups, onSaved, onCancel }: Props) {
  const { t } = schedulesText;
  const [f, setF] = useState<FormState>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<FormState>) => setF((old) => ({ ...old, ...patch }));
  const approved = contents.filter((c) => c.playing !== null);
  const sentence = describeRecurrence(
    { when: whenOf(f) },
    summarizeTargets({ groupIds: f.groupIds, kinds: f.kinds, deviceIds: f.deviceIds }, devices, groups),
    lang.value,
  );

  async function save(e: Event) {
    e.preventDefault();
    const bad = checkForm(f);
    setProblem(bad ? t(bad) : null);
    if (bad) return;
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
    <form class={styles.editor} onSubmit={save} aria-labelledby="schedule-editor-title" data-testid="schedule-editor" noValidate>
      <h2 id="schedule-editor-title" class={controls.heading}>
        {t(editing ? 'editor.titleEdit' : 'editor.titleNew')}
      </h2>
      <div class={controls.grid}>
        <Field id="sch-name" label={t('editor.name')} hint={t('editor.nameHint')}>
          <input
            id="sch-name"
            class={controls.input}
            value={f.name}
            maxLength={200}
            onInput={(e) => set({ name: e.currentTarget.value })}
            aria-describedby="sch-name-hint"
          />
        </Field>
        <Field id="sch-class" label={t('editor.class')}>
          <select
            id="sch-class"
            class={controls.input}
            value={f.cls}
            onChange={(e) => set({ cls: e.currentTarget.value as FormState['cls'] })}
          >
            {SCHEDULE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`class.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        {f.cls === 'ads' && (
          <Field id="sch-adshare" label={t('editor.adShare')}>
            <input
              id="sch-adshare"
              type="number"
              min={1}
              max={100}
              class={controls.input}
              value={f.adSharePct}
              onInput={(e) => set({ adSharePct: Number(e.currentTarget.value) })}
            />
          </Field>
        )}
      </div>

      <fieldset class={styles.fieldset}>
        <legend>{t('editor.whatKind')}</legend>
        <div class={controls.row}>
          {(['content', 'playlist'] as const).map((k) => (
            <label key={k} class={styles.choice}>
              <input type="radio" name="sch-what" checked={f.whatKind === k} onChange={() => set({ whatKind: k })} />
              {t(k === 'content' ? 'editor.content' : 'editor.playlist')}
            </label>
          ))}
        </div>
        {f.whatKind === 'content' ? (
          <Field id="sch-content" label={t('editor.pickContent')} hint={approved.length === 0 ? t('editor.noContent') : undefined}>
            <select
              id="sch-content"
              class={controls.input}
              value={f.contentId === null ? '' : String(f.contentId)}
              onChange={(e) => set({ contentId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              data-testid="sch-content"
            >
              <option value="">—</option>
              {approved.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.playing?.title ?? `#${c.id}`}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field id="sch-playlist" label={t('editor.pickPlaylist')}>
            <select
              id="sch-playlist"
              class={controls.input}
              value={f.playlistId === null ? '' : String(f.playlistId)}
              onChange={(e) => set({ playlistId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            >
              <option value="">—</option>
              {playlists.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </fieldset>

      <fieldset class={styles.fieldset}>
        <legend>{t('editor.targets')}</legend>
        <CheckboxGroup
          legend={t('editor.groups')}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          selected={f.groupIds}
          onChange={(groupIds) => set({ groupIds })}
          testId="sch-group"
        />
        <CheckboxGroup
          legend={t('editor.kinds')}
          options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          selected={f.kinds}
          onChange={(kinds) => set({ kinds })}
        />
        <CheckboxGroup
          legend={t('editor.devices')}
          options={devices.map((d) => ({ value: d.id, label: d.name }))}
          selected={f.deviceIds}
          onChange={(deviceIds) => set({ deviceIds })}
        />
      </fieldset>

      <RecurrenceFields form={f} set={set} />

      <p class={styles.sentence} aria-live="polite">
        <span class={controls.muted}>{t('editor.sentence')}: </span>
        <strong data-testid="recurrence-sentence">{sentence}</strong>
      </p>
      {problem && (
        <p role="alert" class={styles.problem} data-testid="editor-problem">
          {problem}
        </p>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {saving && <ProgressBar label={t('editor.saving')} value={null} />}
      <div class={controls.row}>
        <button type="submit" class={controls.primary} disabled={saving} data-testid="schedule-save">
          {saving ? t('editor.saving') : t('editor.save')}
        </button>
        <button type="button" class={controls.button} onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
