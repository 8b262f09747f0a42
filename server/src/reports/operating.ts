// A device's operating time (giờ hoạt động) inside a report range, as epoch windows: the base of the uptime
// share. Pure: the clock and the zone are parameters.
import { ZoneCalendar, parseClock } from '../domain/schedule/zone';

export type Window = { s: number; e: number };
export type OperatingDevice = { operating_hours: string | null; created_at: number; deleted_at: number | null };

function parseHours(json: string | null): { start: number; end: number } | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as { start?: unknown; end?: unknown } | null;
    if (!v || typeof v.start !== 'string' || typeof v.end !== 'string') return null;
    const start = parseClock(v.start);
    const end = parseClock(v.end);
    // Equal ends (00:00–24:00 style or a typo) mean the screen runs all day.
    return start === null || end === null || start === end % 1440 ? null : { start, end };
  } catch {
    return null;
  }
}

/**
 * Windows where the device was expected to run: its daily operating hours (always on when unset), limited to
 * [from, min(to, now)] and to its own lifetime (created … deleted). Sorted and non-overlapping.
 */
export function operatingWindows(cal: ZoneCalendar, d: OperatingDevice, from: number, to: number, now: number): Window[] {
  const lo = Math.max(from, d.created_at);
  const hi = Math.min(to, now, d.deleted_at ?? Infinity);
  if (hi <= lo) return [];
  const hours = parseHours(d.operating_hours);
  if (!hours) return [{ s: lo, e: hi }];
  const out: Window[] = [];
  // A window crossing midnight starts on the previous day, so begin one day early.
  for (let day = cal.dayOf(lo) - 1; day <= cal.dayOf(hi); day++) {
    const w = cal.windowOn(day, hours.start, hours.end);
    const s = Math.max(w.start, lo);
    const e = Math.min(w.end, hi);
    if (e > s) out.push({ s, e });
  }
  return out;
}

export const totalMs = (ws: readonly Window[]) => ws.reduce((sum, w) => sum + (w.e - w.s), 0);
