// When a schedule is active: its calendar windows or RRULE expanded into epoch intervals. Expansion is a
// function of the schedule and the local dates only (never of the requested range's exact bounds), which is
// what lets [a,b] + [b,c] compile exactly like [a,c]. Results are cached per schedule object and shared by
// every device the schedule targets.
import rrulePkg from 'rrule';
import type { RRule, RRuleSet } from 'rrule';
import type { ClockWindow, Interval, Occurrence, RruleWhen, ScheduleInput } from './types';
import { DAY_MS, MINUTE_MS, ZoneCalendar, formatClock, isoDayOfWeek, parseClock, parseDate } from './zone';

const { rrulestr } = rrulePkg;

/** More occurrences than this in one day is refused by validation and capped by the compiler. */
export const MAX_OCCURRENCES_PER_DAY = 10_000;

/** Local days [fromDay, toDay] (inclusive) whose windows may touch [from, to). */
export function dayRange(cal: ZoneCalendar, from: number, to: number): { fromDay: number; toDay: number } {
  return { fromDay: cal.dayOf(from) - 1, toDay: cal.dayOf(to) + 1 };
}

/** A clock window on each local day of a range, as sorted epoch intervals. */
export function dailyWindows(cal: ZoneCalendar, w: ClockWindow, fromDay: number, toDay: number): Interval[] {
  const s = parseClock(w.start);
  const e = parseClock(w.end);
  if (s === null || e === null) return [];
  const out: Interval[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const iv = cal.windowOn(d, s, e);
    if (iv.end > iv.start) out.push(iv);
  }
  return out;
}

function calendarOccurrences(s: ScheduleInput, cal: ZoneCalendar, fromDay: number, toDay: number): Occurrence[] {
  if (!('windows' in s.when)) return [];
  const w = s.when;
  const first = parseDate(w.dateFrom);
  const last = parseDate(w.dateTo);
  if (first === null || last === null) return [];
  const wins = w.windows
    .map((win) => ({ s: parseClock(win.start), e: parseClock(win.end) }))
    .filter((x): x is { s: number; e: number } => x.s !== null && x.e !== null && x.e > x.s);
  const out: Occurrence[] = [];
  for (let d = Math.max(first, fromDay); d <= Math.min(last, toDay); d++) {
    if (!w.daysOfWeek.includes(isoDayOfWeek(d))) continue;
    for (const win of wins) {
      const start = cal.toEpoch(d, win.s);
      const end = cal.toEpoch(d, win.e);
      if (end > start) out.push({ start, end, label: `cửa sổ ${formatClock(win.s)}–${formatClock(win.e)}` });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Parse an RRULE; TZID is dropped because times are wall clock in the configured zone. */
export function parseRrule(text: string): RRule | RRuleSet {
  return rrulestr(text.replace(/;TZID=[^:;]+/g, ''), { forceset: false });
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * False when BYMONTH × BYMONTHDAY can never match (e.g. 30 February). rrule.js would otherwise scan to
 * year 9999 looking for an occurrence (seconds to minutes), so such rules are refused before expansion.
 */
export function rruleFeasible(rule: RRule | RRuleSet): boolean {
  if ('rrules' in rule) return rule.rdates().length > 0 || rule.rrules().some(rruleFeasible);
  const o = rule.origOptions;
  const list = (v: number | number[] | null | undefined) => (v == null ? null : Array.isArray(v) ? v : [v]);
  const days = list(o.bymonthday);
  if (!days || days.length === 0) return true;
  const months = list(o.bymonth) ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.some((m) => days.some((d) => d !== 0 && Math.abs(d) <= (MONTH_DAYS[m - 1] ?? 0)));
}

/** True when the rule's DTSTART is given in UTC ('…Z'): its instants are then absolute. */
function isUtcRule(text: string): boolean {
  return /DTSTART[^:\n]*:\d{8}T\d{6}Z/.test(text);
}

function rruleOccurrences(id: string, when: RruleWhen, cal: ZoneCalendar, fromDay: number, toDay: number): Occurrence[] {
  let rule: RRule | RRuleSet;
  try {
    if (!/DTSTART/.test(when.rrule)) return []; // without DTSTART rrule would use the current time
    rule = parseRrule(when.rrule);
  } catch {
    return [];
  }
  if (!rruleFeasible(rule)) return [];
  const durMs = Math.round(when.durationMin * MINUTE_MS);
  if (!(durMs > 0)) return [];
  const utc = isUtcRule(when.rrule);
  const cap = MAX_OCCURRENCES_PER_DAY * (toDay - fromDay + 1);
  // Floating times: rrule returns wall clock as if it were UTC.
  const after = new Date(fromDay * DAY_MS - durMs - DAY_MS);
  const before = new Date((toDay + 2) * DAY_MS);
  const dates = rule.between(after, before, true, (_d, i) => i < cap);
  const out: Occurrence[] = [];
  const mins = Math.round(when.durationMin);
  for (const d of dates) {
    const wall = d.getTime();
    const day = Math.floor(wall / DAY_MS);
    // Seconds of DTSTART are kept (a play-now entry starts within the second), the label shows the minute.
    const exact = (wall - day * DAY_MS) / MINUTE_MS;
    const minute = Math.round(exact);
    const start = utc ? wall : cal.toEpoch(day, exact);
    const label = `RRULE ${formatClock(minute)} (${mins} phút)`;
    out.push({ start, end: start + durMs, label });
  }
  void id;
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** All occurrences of a schedule on local days [fromDay, toDay], sorted by start. */
export function scheduleOccurrences(s: ScheduleInput, cal: ZoneCalendar, fromDay: number, toDay: number): Occurrence[] {
  return 'rrule' in s.when ? rruleOccurrences(s.id, s.when, cal, fromDay, toDay) : calendarOccurrences(s, cal, fromDay, toDay);
}

/** Caches expansions per schedule object, so an edit to one schedule re-expands only that one. */
export class OccurrenceCache {
  private readonly byObject = new WeakMap<ScheduleInput, { key: string; occ: Occurrence[] }>();

  get(s: ScheduleInput, cal: ZoneCalendar, fromDay: number, toDay: number): Occurrence[] {
    const key = `${cal.tz}|${fromDay}|${toDay}`;
    const hit = this.byObject.get(s);
    if (hit && hit.key === key) return hit.occ;
    const occ = scheduleOccurrences(s, cal, fromDay, toDay);
    this.byObject.set(s, { key, occ });
    return occ;
  }
}

/** Sorted, merged union of intervals. */
export function unionIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

/** `a` minus the union of `b`; both sorted. */
export function subtractIntervals(a: Interval[], b: Interval[]): Interval[] {
  const cut = unionIntervals(b);
  const out: Interval[] = [];
  for (const iv of a) {
    let cur = iv.start;
    for (const c of cut) {
      if (c.end <= cur || c.start >= iv.end) continue;
      if (c.start > cur) out.push({ start: cur, end: c.start });
      cur = Math.max(cur, c.end);
    }
    if (cur < iv.end) out.push({ start: cur, end: iv.end });
  }
  return out;
}
