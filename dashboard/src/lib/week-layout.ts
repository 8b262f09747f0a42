// A group's week as a calendar: seven day columns (Monday first) of schedule blocks, positioned by clock
// time in percent of the day, overlapping blocks side by side in lanes. Calendar rules and the simple RRULEs
// (daily, weekly, monthly, yearly) are drawn; hourly or unreadable RRULEs are returned as `undrawn`.
import type { ScheduleClass, ScheduleWhen } from './schedules-api';
import { addDays, daysBetween } from './local-day';
import { clockMinutes, parseRrule, type ParsedRrule } from './recurrence';
import { isoWeekday } from './recurrence-text';

export interface ScheduleLike {
  id: number;
  name: string;
  class: ScheduleClass;
  when: ScheduleWhen;
}

interface WeekBlock {
  key: string;
  scheduleId: number;
  name: string;
  class: ScheduleClass;
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  startMin: number;
  endMin: number;
  top: number;
  height: number;
  lane: number;
  lanes: number;
}

/** Does a readable RRULE start an occurrence on this local date? COUNT is honoured by counting from DTSTART. */
export function rruleOccursOn(r: ParsedRrule, date: string): boolean {
  if (!r.start || date < r.start || (r.until && date > r.until)) return false;
  const matches = (d: string): boolean => {
    const days = daysBetween(r.start!, d);
    switch (r.freq) {
      case 'DAILY':
        return days % r.interval === 0;
      case 'WEEKLY': {
        const weeks = Math.floor((daysBetween(r.start!, d) + isoWeekday(r.start!) - 1) / 7);
        const byDay = r.byDay.length > 0 ? r.byDay : [isoWeekday(r.start!)];
        return weeks % r.interval === 0 && byDay.includes(isoWeekday(d));
      }
      case 'MONTHLY': {
        const months = (Number(d.slice(0, 4)) - Number(r.start!.slice(0, 4))) * 12 + Number(d.slice(5, 7)) - Number(r.start!.slice(5, 7));
        const monthDays = r.byMonthDay.length > 0 ? r.byMonthDay : [Number(r.start!.slice(8, 10))];
        return months % r.interval === 0 && monthDays.includes(Number(d.slice(8, 10)));
      }
      case 'YEARLY': {
        const month = r.byMonth[0] ?? Number(r.start!.slice(5, 7));
        const day = r.byMonthDay[0] ?? Number(r.start!.slice(8, 10));
        return Number(d.slice(5, 7)) === month && Number(d.slice(8, 10)) === day;
      }
      default:
        return false;
    }
  };
  if (!matches(date)) return false;
  if (r.count === null) return true;
  let seen = 0;
  for (let d = r.start; d < date; d = addDays(d, 1)) if (matches(d)) seen += Math.max(1, r.times.length);
  return seen < r.count;
}

/** Clock intervals [start, end) in minutes of one schedule on one local date. */
export function intervalsOn(when: ScheduleWhen, date: string): [number, number][] {
  if ('rrule' in when) {
    const r = parseRrule(when.rrule);
    if (!r || !rruleOccursOn(r, date)) return [];
    const dur = Math.max(1, Math.round(when.durationMin));
    return r.times.map((t) => [t, Math.min(1440, t + dur)] as [number, number]);
  }
  if (date < when.dateFrom || date > when.dateTo || !when.daysOfWeek.includes(isoWeekday(date))) return [];
  return when.windows.flatMap((w) => {
    const s = clockMinutes(w.start);
    const e = clockMinutes(w.end);
    return s !== null && e !== null && e > s ? [[s, e] as [number, number]] : [];
  });
}

/** Can this rule be drawn on a calendar at all? */
function drawable(when: ScheduleWhen): boolean {
  if (!('rrule' in when)) return true;
  const r = parseRrule(when.rrule);
  return !!r && r.freq !== 'HOURLY' && r.freq !== 'MINUTELY' && r.times.length > 0 && r.start !== null;
}

/** Side-by-side lanes for the blocks of one day: overlapping blocks share a cluster and split its width. */
function assignLanes(blocks: WeekBlock[]): void {
  blocks.sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin || a.scheduleId - b.scheduleId);
  let cluster: WeekBlock[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((b) => b.lane + 1));
    for (const b of cluster) b.lanes = lanes;
    cluster = [];
  };
  for (const b of blocks) {
    if (b.startMin >= clusterEnd && cluster.length > 0) close();
    const laneEnds: number[] = [];
    for (const c of cluster) laneEnds[c.lane] = Math.max(laneEnds[c.lane] ?? -1, c.endMin);
    let lane = laneEnds.findIndex((end) => end <= b.startMin);
    if (lane === -1) lane = laneEnds.length;
    b.lane = lane;
    cluster.push(b);
    clusterEnd = Math.max(clusterEnd, b.endMin);
  }
  if (cluster.length > 0) close();
}

/** The blocks of the week starting on `monday`, and the schedules that cannot be drawn. */
export function layoutWeek(schedules: readonly ScheduleLike[], monday: string): { blocks: WeekBlock[]; undrawn: ScheduleLike[] } {
  const blocks: WeekBlock[] = [];
  const undrawn = schedules.filter((s) => !drawable(s.when));
  for (let day = 0; day < 7; day++) {
    const date = addDays(monday, day);
    const ofDay: WeekBlock[] = [];
    for (const s of schedules) {
      for (const [startMin, endMin] of intervalsOn(s.when, date)) {
        ofDay.push({
          key: `${s.id}-${date}-${startMin}`,
          scheduleId: s.id,
          name: s.name,
          class: s.class,
          day,
          startMin,
          endMin,
          top: (startMin / 1440) * 100,
          height: ((endMin - startMin) / 1440) * 100,
          lane: 0,
          lanes: 1,
        });
      }
    }
    assignLanes(ofDay);
    blocks.push(...ofDay);
  }
  return { blocks, undrawn };
}
