// A device program: everything one device's timeline depends on, gathered once. Devices whose programs
// have the same key (kind, hours, slots, the schedules and alerts that reach them) get the same timeline,
// so the compiler builds it once and shares it.
import type { Catalog, PlannedPlay } from './items';
import type { OccurrenceCache } from './occurrences';
import { dailyWindows, subtractIntervals, unionIntervals } from './occurrences';
import type { TargetIndex } from './targeting';
import type { AlertInput, AnnouncementInput, ClockWindow, DeviceInput, DeviceKind, Interval, Occurrence, PowerOverride, ScheduleInput } from './types';
import type { ZoneCalendar } from './zone';

export const DEFAULT_QUIET_HOURS: ClockWindow = { start: '21:00', end: '06:00' };
export const DEFAULT_BROADCAST_SLOTS: ClockWindow[] = [
  { start: '06:00', end: '06:30' },
  { start: '17:00', end: '17:30' },
];

export interface Entry {
  schedule: ScheduleInput;
  occ: Occurrence[];
  /** Longest occurrence, to bound the backward search for occurrences overlapping a time. */
  maxLen: number;
  plan: PlannedPlay[];
  bounds: number[];
}

export interface DeviceProgram {
  key: string;
  kind: DeviceKind;
  /** Screens: a ticker track is compiled too. */
  ticker: boolean;
  /**
   * Screens: operating-hours intervals with the power override applied (null = always on). Speakers: slots
   * minus quiet hours.
   */
  available: Interval[] | null;
  /** Applicable schedules, sorted by (order, id): the documented merge order of equal classes. */
  entries: Entry[];
  alerts: AlertInput[];
  /** Speakers: live announcements on air that reach the device. */
  announcements: AnnouncementInput[];
  /** Speakers: quiet hours (a priority announcement is silent in them). */
  quiet: Interval[];
}

export interface ProgramContext {
  cal: ZoneCalendar;
  fromDay: number;
  toDay: number;
  catalog: Catalog;
  occurrences: OccurrenceCache;
  schedules: TargetIndex<ScheduleInput>;
  alerts: TargetIndex<AlertInput>;
  announcements: TargetIndex<AnnouncementInput>;
  entryCache: Map<ScheduleInput, Entry>;
}

function entryFor(s: ScheduleInput, ctx: ProgramContext): Entry {
  let e = ctx.entryCache.get(s);
  if (!e) {
    const occ = ctx.occurrences.get(s, ctx.cal, ctx.fromDay, ctx.toDay);
    let maxLen = 0;
    for (const o of occ) maxLen = Math.max(maxLen, o.end - o.start);
    const plan = ctx.catalog.plan(s);
    e = { schedule: s, occ, maxLen, plan, bounds: ctx.catalog.validityBounds(plan) };
    ctx.entryCache.set(s, e);
  }
  return e;
}

function windowsKey(w: ClockWindow | null | undefined): string {
  return w ? `${w.start}-${w.end}` : '-';
}

function powerKey(p: PowerOverride | undefined): string {
  return p ? `|${p.state}:${p.from}-${p.until}` : '';
}

export function programKey(d: DeviceInput, schedules: ScheduleInput[], alerts: AlertInput[], announcements: AnnouncementInput[] = []): string {
  const hours =
    d.kind === 'speaker'
      ? `${windowsKey(d.quietHours === undefined ? DEFAULT_QUIET_HOURS : d.quietHours)}|${(d.broadcastSlots ?? DEFAULT_BROADCAST_SLOTS).map(windowsKey).join(',')}`
      : windowsKey(d.operatingHours) + powerKey(d.power);
  return `${d.kind}${d.ticker && d.kind !== 'speaker' ? '+ticker' : ''}|${hours}|${schedules.map((s) => s.id).join(',')}|${alerts.map((a) => a.id).join(',')}${announcements.length ? `|live:${announcements.map((a) => `${a.id}@${a.from}-${a.to}`).join(',')}` : ''}`;
}

function availability(d: DeviceInput, ctx: ProgramContext, entries: readonly Entry[]): Interval[] | null {
  const { cal, fromDay, toDay } = ctx;
  if (d.kind !== 'speaker') {
    const hours = d.operatingHours ? unionIntervals(dailyWindows(cal, d.operatingHours, fromDay, toDay)) : null;
    const p = d.power;
    if (!p || !(p.until > p.from)) return hours;
    const span: Interval = { start: p.from, end: p.until };
    if (p.state === 'awake') return hours ? unionIntervals([...hours, span]) : null;
    // Always on but for the override: the rest of time stays on.
    return subtractIntervals(hours ?? [{ start: -Infinity, end: Infinity }], [span]);
  }
  const slots = (d.broadcastSlots ?? DEFAULT_BROADCAST_SLOTS).flatMap((w) => dailyWindows(cal, w, fromDay, toDay));
  // A relay's windows are slots of their own: the relay plays when it is scheduled (quiet hours still apply).
  const relays = entries.flatMap((e) => (e.schedule.live ? e.occ.map((o) => ({ start: o.start, end: o.end })) : []));
  const quiet = quietIntervals(d, ctx);
  // Each slot stays its own once-through run (overlapping slots are merged). A relay's window is cut out as a slot
  // of its own, so windows that touch (all day, every day) stay one run each: a run plays one window of an entry.
  const merged = subtractIntervals(unionIntervals([...slots, ...relays]), quiet);
  return relays.length === 0 ? merged : cutAt(merged, relays.flatMap((r) => [r.start, r.end]));
}

/** A speaker's quiet hours over the compile's days. */
function quietIntervals(d: DeviceInput, ctx: ProgramContext): Interval[] {
  const quietWin = d.quietHours === undefined ? DEFAULT_QUIET_HOURS : d.quietHours;
  return quietWin ? dailyWindows(ctx.cal, quietWin, ctx.fromDay - 1, ctx.toDay) : [];
}

/** The intervals split at every cut point strictly inside one of them. */
function cutAt(list: Interval[], cuts: number[]): Interval[] {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (const iv of list) {
    let start = iv.start;
    for (const p of points) {
      if (p <= start || p >= iv.end) continue;
      out.push({ start, end: p });
      start = p;
    }
    out.push({ start, end: iv.end });
  }
  return out;
}

/** What reaches a device and the key of its program; cheap, so devices can be grouped before building. */
export function programInputs(d: DeviceInput, ctx: ProgramContext) {
  const schedules = ctx.schedules.for(d);
  const alerts = ctx.alerts.for(d);
  const announcements = d.kind === 'speaker' ? ctx.announcements.for(d) : [];
  return { schedules, alerts, announcements, key: programKey(d, schedules, alerts, announcements) };
}

export function buildProgram(d: DeviceInput, ctx: ProgramContext, inputs = programInputs(d, ctx)): DeviceProgram {
  const { schedules, alerts, announcements, key } = inputs;
  const entries = schedules
    .map((s) => entryFor(s, ctx))
    .sort((a, b) => (a.schedule.order ?? 0) - (b.schedule.order ?? 0) || (a.schedule.id < b.schedule.id ? -1 : 1));
  const quiet = d.kind === 'speaker' && announcements.length > 0 ? quietIntervals(d, ctx) : [];
  return { key, kind: d.kind, ticker: d.kind !== 'speaker' && d.ticker === true, available: availability(d, ctx, entries), entries, alerts, announcements, quiet };
}

/** The first occurrence of an entry covering instant t, or null. */
export function occurrenceAt(e: Entry, t: number): Occurrence | null {
  const occ = e.occ;
  let lo = 0;
  let hi = occ.length;
  const from = t - e.maxLen;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < occ.length && occ[i]!.start <= t; i++) if (occ[i]!.end > t) return occ[i]!;
  return null;
}

/** Occurrences of an entry overlapping [a, b). */
export function occurrencesIn(e: Entry, a: number, b: number): Occurrence[] {
  const out: Occurrence[] = [];
  const occ = e.occ;
  let lo = 0;
  let hi = occ.length;
  const from = a - e.maxLen;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < occ.length && occ[i]!.start < b; i++) if (occ[i]!.end > a) out.push(occ[i]!);
  return out;
}
