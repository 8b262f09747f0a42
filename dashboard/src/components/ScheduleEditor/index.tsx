// Create or edit a schedule entry: what (approved content or a playlist), where (groups, kinds, devices),
// when (a recurrence preset, custom days and windows, or an RRULE) and the class — with the plain sentence
// that says what the rule will do, updated as the person types. Server refusals are shown as sent.
import { useState } from 'preact/hooks';
import type { Content } from '../../lib/content-api';
import { DEVICE_KINDS, type Device, type DeviceGroup } from '../../lib/devices-api';
import { lang } from '../../lib/i18n';
import { schedulesText } from '../../lib/messages/schedules';
import { RECURRENCE_PRESETS } from '../../lib/recurrence';
import { describeRecurrence } from '../../lib/recurrence-text';
import { checkForm, inputOf, whenOf, type FormState } from '../../lib/schedule-form';
import { createSchedule, patchSchedule, SCHEDULE_CLASSES, type Playlist, type Schedule } from '../../lib/schedules-api';
import { summarizeTargets } from '../../lib/targeting';
import { ErrorNotice } from '../ErrorNotice';
import { Field } from '../Field';
import { ProgressBar } from '../ProgressBar';
import controls from '../controls.module.css';
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

const toggle = <T,>(list: readonly T[], v: T, on: boolean): T[] => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));

export function ScheduleEditor({ initial, editing, contents, playlists, devices, groups, onSaved, onCancel }: Props) {
  const { t, tf } = schedulesText;
  const [f, setF] = useState<FormState>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<FormState>) => setF((old) => ({ ...old, ...patch }));
  const approved = contents.filter((c) => c.playing !== null);
  const sentence = describeRecurrence({ when: whenOf(f) }, summarizeTargets({ groupIds: f.groupIds, kinds: f.kinds, deviceIds: f.deviceIds }, devices, groups), lang.value);

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

  const calendarPreset = f.preset !== 'rrule';
  return (
    <form class={styles.editor} onSubmit={save} aria-labelledby="schedule-editor-title" data-testid="schedule-editor" noValidate>
      <h2 id="schedule-editor-title" class={controls.heading}>
        {t(editing ? 'editor.titleEdit' : 'editor.titleNew')}
      </h2>
      <div class={controls.grid}>
        <Field id="sch-name" label={t('editor.name')} hint={t('editor.nameHint')}>
          <input id="sch-name" class={controls.input} value={f.name} maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} aria-describedby="sch-name-hint" />
        </Field>
        <Field id="sch-class" label={t('editor.class')}>
          <select id="sch-class" class={controls.input} value={f.cls} onChange={(e) => set({ cls: e.currentTarget.value as FormState['cls'] })}>
            {SCHEDULE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`class.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        {f.cls === 'ads' && (
          <Field id="sch-adshare" label={t('editor.adShare')}>
            <input id="sch-adshare" type="number" min={1} max={100} class={controls.input} value={f.adSharePct} onInput={(e) => set({ adSharePct: Number(e.currentTarget.value) })} />
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
            <select id="sch-content" class={controls.input} value={f.contentId === null ? '' : String(f.contentId)} onChange={(e) => set({ contentId: e.currentTarget.value ? Number(e.currentTarget.value) : null })} data-testid="sch-content">
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
            <select id="sch-playlist" class={controls.input} value={f.playlistId === null ? '' : String(f.playlistId)} onChange={(e) => set({ playlistId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
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
        <fieldset class={styles.inner}>
          <legend>{t('editor.groups')}</legend>
          <div class={styles.checks}>
            {groups.map((g) => (
              <label key={g.id} class={styles.choice}>
                <input type="checkbox" checked={f.groupIds.includes(g.id)} onChange={(e) => set({ groupIds: toggle(f.groupIds, g.id, e.currentTarget.checked) })} data-testid="sch-group" />
                {g.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class={styles.inner}>
          <legend>{t('editor.kinds')}</legend>
          <div class={styles.checks}>
            {DEVICE_KINDS.map((k) => (
              <label key={k} class={styles.choice}>
                <input type="checkbox" checked={f.kinds.includes(k)} onChange={(e) => set({ kinds: toggle(f.kinds, k, e.currentTarget.checked) })} />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class={styles.inner}>
          <legend>{t('editor.devices')}</legend>
          <div class={styles.checks}>
            {devices.map((d) => (
              <label key={d.id} class={styles.choice}>
                <input type="checkbox" checked={f.deviceIds.includes(d.id)} onChange={(e) => set({ deviceIds: toggle(f.deviceIds, d.id, e.currentTarget.checked) })} />
                {d.name}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset class={styles.fieldset}>
        <legend>{t('editor.recurrence')}</legend>
        <div class={styles.presets}>
          {RECURRENCE_PRESETS.map((p) => (
            <label key={p} class={styles.choice}>
              <input type="radio" name="sch-preset" value={p} checked={f.preset === p} onChange={() => set({ preset: p })} data-testid={`preset-${p}`} />
              {t(`preset.${p}`)}
            </label>
          ))}
        </div>
        {calendarPreset && (
          <div class={controls.grid}>
            <Field id="sch-from" label={t('editor.dateFrom')}>
              <input id="sch-from" type="date" class={controls.input} value={f.dateFrom} onInput={(e) => set({ dateFrom: e.currentTarget.value })} />
            </Field>
            <Field id="sch-to" label={t('editor.dateTo')}>
              <input id="sch-to" type="date" class={controls.input} value={f.dateTo} onInput={(e) => set({ dateTo: e.currentTarget.value })} />
            </Field>
          </div>
        )}
        {f.preset === 'custom' && (
          <fieldset class={styles.inner}>
            <legend>{t('editor.days')}</legend>
            <div class={styles.checks}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} class={styles.choice}>
                  <input type="checkbox" checked={f.days.includes(d)} onChange={(e) => set({ days: toggle(f.days, d, e.currentTarget.checked) })} />
                  {t(`day.${d}` as 'day.1')}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {calendarPreset && f.preset !== 'broadcast' && (
          <fieldset class={styles.inner}>
            <legend>{t('editor.windows')}</legend>
            {f.windows.map((w, i) => (
              <div key={i} class={controls.row}>
                <input type="time" class={`${controls.input} ${styles.time}`} value={w.start} aria-label={tf('editor.windowStart', { n: i + 1 })} onInput={(e) => set({ windows: f.windows.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)) })} data-testid="window-start" />
                <span aria-hidden="true">–</span>
                <input type="time" class={`${controls.input} ${styles.time}`} value={w.end} aria-label={tf('editor.windowEnd', { n: i + 1 })} onInput={(e) => set({ windows: f.windows.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)) })} data-testid="window-end" />
                {f.windows.length > 1 && (
                  <button type="button" class={controls.button} onClick={() => set({ windows: f.windows.filter((_, j) => j !== i) })}>
                    {tf('editor.removeWindow', { n: i + 1 })}
                  </button>
                )}
              </div>
            ))}
            <button type="button" class={controls.button} onClick={() => set({ windows: [...f.windows, { start: '17:00', end: '17:30' }] })}>
              {t('editor.addWindow')}
            </button>
          </fieldset>
        )}
        {f.preset === 'rrule' && (
          <div class={controls.grid}>
            <Field id="sch-rrule" label={t('editor.rrule')} hint={t('editor.rruleHint')}>
              <textarea id="sch-rrule" class={`${controls.input} ${controls.mono}`} value={f.rrule} onInput={(e) => set({ rrule: e.currentTarget.value })} aria-describedby="sch-rrule-hint" />
            </Field>
            <Field id="sch-duration" label={t('editor.duration')}>
              <input id="sch-duration" type="number" min={0} max={1440} class={controls.input} value={f.durationMin} onInput={(e) => set({ durationMin: Number(e.currentTarget.value) })} />
            </Field>
          </div>
        )}
      </fieldset>

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
