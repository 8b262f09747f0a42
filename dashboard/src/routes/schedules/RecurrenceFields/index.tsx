// The "when" of a schedule: a recurrence preset (hằng ngày, ngày làm việc, khung phát thanh, custom,
// RRULE), the date range, the days of a custom rule, the time windows, or the RRULE text and duration.
import type { FormState } from '../../../lib/schedule-form';
import { schedulesText } from '../../../lib/messages/schedules';
import { RECURRENCE_PRESETS } from '../../../lib/recurrence';
import { CheckboxGroup } from '../../../components/CheckboxGroup/index';
import { Field, NumberField } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function RecurrenceFields({ form: f, set }: Props) {
  const { t, tf } = schedulesText;
  const calendar = f.preset !== 'rrule';
  const setWindow = (i: number, patch: { start?: string; end?: string }) =>
    set({ windows: f.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <fieldset class={controls.fieldset}>
      <legend>{t('editor.recurrence')}</legend>
      <div class={styles.presets}>
        {RECURRENCE_PRESETS.map((p) => (
          <label key={p} class={controls.choice}>
            <input
              type="radio"
              name="sch-preset"
              value={p}
              checked={f.preset === p}
              onChange={() => set({ preset: p })}
              data-testid={`preset-${p}`}
            />
            {t(`preset.${p}`)}
          </label>
        ))}
      </div>
      {calendar && (
        <div class={controls.grid}>
          <Field id="sch-from" label={t('editor.dateFrom')}>
            <input
              id="sch-from"
              type="date"
              class={controls.input}
              value={f.dateFrom}
              onInput={(e) => set({ dateFrom: e.currentTarget.value })}
            />
          </Field>
          <Field id="sch-to" label={t('editor.dateTo')}>
            <input
              id="sch-to"
              type="date"
              class={controls.input}
              value={f.dateTo}
              onInput={(e) => set({ dateTo: e.currentTarget.value })}
            />
          </Field>
        </div>
      )}
      {f.preset === 'custom' && (
        <CheckboxGroup
          legend={t('editor.days')}
          options={DAYS.map((d) => ({ value: d, label: t(`day.${d}`) }))}
          selected={f.days}
          onChange={(days) => set({ days })}
        />
      )}
      {calendar && f.preset !== 'broadcast' && (
        <fieldset class={styles.windows}>
          <legend>{t('editor.windows')}</legend>
          {f.windows.map((w, i) => (
            <div key={i} class={controls.row}>
              <input
                type="time"
                class={`${controls.input} ${styles.time}`}
                value={w.start}
                aria-label={tf('editor.windowStart', { n: i + 1 })}
                onInput={(e) => setWindow(i, { start: e.currentTarget.value })}
                data-testid="window-start"
              />
              <span aria-hidden="true">–</span>
              <input
                type="time"
                class={`${controls.input} ${styles.time}`}
                value={w.end}
                aria-label={tf('editor.windowEnd', { n: i + 1 })}
                onInput={(e) => setWindow(i, { end: e.currentTarget.value })}
                data-testid="window-end"
              />
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
            <textarea
              id="sch-rrule"
              class={`${controls.input} ${controls.mono}`}
              value={f.rrule}
              onInput={(e) => set({ rrule: e.currentTarget.value })}
              aria-describedby="sch-rrule-hint"
            />
          </Field>
          <NumberField
            id="sch-duration"
            label={t('editor.duration')}
            min={0}
            max={1440}
            value={f.durationMin}
            onValue={(v) => set({ durationMin: Number(v) })}
          />
        </div>
      )}
    </fieldset>
  );
}
