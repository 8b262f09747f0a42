// A group's week: seven day columns (Monday first) × 24 hours, schedule blocks coloured by class. Blocks
// are buttons: Tab reaches each one, its name and times are read out, Enter opens it in the editor.
import { useMemo, useState } from 'preact/hooks';
import type { Device, DeviceGroup } from '../../../lib/devices-api';
import type { Schedule } from '../../../lib/schedules-api';
import { addDays, localDate, mondayOf } from '../../../lib/local-day';
import { formatClock } from '../../../lib/recurrence';
import { formatDate } from '../../../lib/recurrence-text';
import { targetsDevice } from '@bantin/protocol/core';
import { layoutWeek } from '../../../lib/week-layout';
import { schedulesText } from '../../../lib/messages/schedules';
import { ClassLegend, classColour } from '../ClassLegend/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  schedules: readonly Schedule[];
  groups: readonly DeviceGroup[];
  devices: readonly Device[];
  now: number;
  onOpen?: (id: number) => void;
}

/** Schedules that reach at least one device of the group, or name the group itself. */
function schedulesOfGroup(schedules: readonly Schedule[], group: DeviceGroup, devices: readonly Device[]): Schedule[] {
  const members = devices.filter((d) => group.deviceIds.includes(d.id));
  return schedules.filter((s) => s.target.groupIds.includes(group.id) || members.some((d) => targetsDevice(s.target, d)));
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function WeekCalendar({ schedules, groups, devices, now, onOpen }: Props) {
  const { t, tf } = schedulesText;
  const [groupId, setGroupId] = useState<number | null>(groups[0]?.id ?? null);
  const today = localDate(now);
  const [monday, setMonday] = useState(mondayOf(today));
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  const mine = useMemo(() => (group ? schedulesOfGroup(schedules, group, devices) : []), [schedules, group, devices]);
  const { blocks, undrawn } = useMemo(() => layoutWeek(mine, monday), [mine, monday]);

  if (!group) return <p class={controls.muted}>{t('week.noGroup')}</p>;
  return (
    <div data-testid="week-calendar">
      <div class={controls.row}>
        <label class={styles.inline}>
          {t('week.group')}{' '}
          <select
            class={controls.input}
            value={String(group.id)}
            onChange={(e) => setGroupId(Number(e.currentTarget.value))}
            data-testid="week-group"
          >
            {groups.map((g) => (
              <option key={g.id} value={String(g.id)}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class={controls.button} onClick={() => setMonday(addDays(monday, -7))}>
          {t('week.prev')}
        </button>
        <button type="button" class={controls.button} onClick={() => setMonday(mondayOf(today))}>
          {t('week.this')}
        </button>
        <button type="button" class={controls.button} onClick={() => setMonday(addDays(monday, 7))}>
          {t('week.next')}
        </button>
        <span aria-live="polite">{tf('week.range', { from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}</span>
      </div>
      <ClassLegend classes={['priority', 'normal', 'ads', 'fallback']} />
      <div class={styles.scroll}>
        <div class={styles.grid}>
          <div class={styles.gutter} aria-hidden="true">
            <div class={styles.head} />
            <div class={styles.body}>
              {HOURS.map((h) => (
                <span key={h} class={styles.hour} style={{ top: `${(h / 24) * 100}%` }}>
                  {formatClock(h * 60)}
                </span>
              ))}
            </div>
          </div>
          {[0, 1, 2, 3, 4, 5, 6].map((day) => {
            const date = addDays(monday, day);
            const label = `${t(`day.${day + 1}` as 'day.1')} ${formatDate(date).slice(0, 5)}`;
            return (
              <div key={day} class={styles.column} role="group" aria-label={label}>
                <div class={`${styles.head} ${date === today ? styles.today : ''}`}>{label}</div>
                <div class={styles.body}>
                  {blocks
                    .filter((b) => b.day === day)
                    .map((b) => (
                      <button
                        key={b.key}
                        type="button"
                        class={`${styles.block} ${classColour(b.class)}`}
                        style={{
                          top: `${b.top}%`,
                          height: `${b.height}%`,
                          left: `${(b.lane / b.lanes) * 100}%`,
                          width: `${100 / b.lanes}%`,
                        }}
                        title={tf('week.block', {
                          name: b.name || `#${b.scheduleId}`,
                          cls: t(`class.${b.class}`),
                          day: label,
                          start: formatClock(b.startMin),
                          end: formatClock(b.endMin),
                        })}
                        aria-label={tf('week.block', {
                          name: b.name || `#${b.scheduleId}`,
                          cls: t(`class.${b.class}`),
                          day: label,
                          start: formatClock(b.startMin),
                          end: formatClock(b.endMin),
                        })}
                        onClick={() => onOpen?.(b.scheduleId)}
                        data-testid="week-block"
                      >
                        <span class={styles.blockText}>
                          {formatClock(b.startMin)} {b.name || `#${b.scheduleId}`}
                        </span>
                      </button>
                    ))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {blocks.length === 0 && <p class={controls.muted}>{t('week.empty')}</p>}
      {undrawn.length > 0 && (
        <p class={controls.muted}>
          {t('week.undrawn')} {undrawn.map((s) => s.name || `#${s.id}`).join(', ')}
        </p>
      )}
    </div>
  );
}
