// Report periods and local-time bucketing in BANTIN_TZ: pure calendar math (no I/O, time is a parameter).
// SQL groups rows by local day through "offset segments" (stretches of time with one UTC offset), so the
// database adds one offset per row instead of joining every row against a table of days.
import { DAY_MS, HOUR_MS, ZoneCalendar, parseDate } from '../domain/schedule/zone';

export type PeriodKind = 'month' | 'quarter';
export type Period = { period: PeriodKind; year: number; index: number };
export type Range = { from: number; to: number };
/** A stretch [s, e) of time during which the zone's offset is o (ms). */
export type OffsetSegment = { s: number; e: number; o: number };

/** Longest range the ad-hoc reports accept, in local days (a little over a year, for year-on-year views). */
export const MAX_RANGE_DAYS = 400;

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Local dates [fromDate, toDate], both included, as an epoch range [from, to). */
export function dateRange(cal: ZoneCalendar, fromDate: string, toDate: string): Range | null {
  const a = parseDate(fromDate);
  const b = parseDate(toDate);
  if (a === null || b === null || b < a) return null;
  return { from: cal.toEpoch(a, 0), to: cal.toEpoch(b + 1, 0) };
}

/** First local day and the day after the last day of a month or quarter. */
function periodDays(p: Period): { first: number; next: number } {
  const m0 = p.period === 'month' ? p.index - 1 : (p.index - 1) * 3;
  const months = p.period === 'month' ? 1 : 3;
  return { first: Date.UTC(p.year, m0, 1) / DAY_MS, next: Date.UTC(p.year, m0 + months, 1) / DAY_MS };
}

export function periodRange(cal: ZoneCalendar, p: Period): Range & { firstDay: string; lastDay: string } {
  const { first, next } = periodDays(p);
  return { from: cal.toEpoch(first, 0), to: cal.toEpoch(next, 0), firstDay: formatDay(first), lastDay: formatDay(next - 1) };
}

export function isValidPeriod(p: Period): boolean {
  return Number.isInteger(p.index) && p.index >= 1 && p.index <= (p.period === 'month' ? 12 : 4);
}

/** Human label: "Tháng 11/2026", "Quý IV/2026" (Vietnamese administrative style), and English. */
export function periodLabel(p: Period): { vi: string; en: string } {
  if (p.period === 'month') {
    const en = new Date(Date.UTC(p.year, p.index - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    return { vi: `Tháng ${p.index}/${p.year}`, en: `${en} ${p.year}` };
  }
  const roman = ['I', 'II', 'III', 'IV'][p.index - 1];
  return { vi: `Quý ${roman}/${p.year}`, en: `Q${p.index} ${p.year}` };
}

/** The last complete month or quarter before the local date of `now` (what a scheduled job reports on). */
export function previousPeriod(cal: ZoneCalendar, period: PeriodKind, now: number): Period {
  const today = new Date(cal.dayOf(now) * DAY_MS);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based current month
  if (period === 'month') return m === 0 ? { period, year: y - 1, index: 12 } : { period, year: y, index: m };
  const q = Math.floor(m / 3); // 0-based current quarter
  return q === 0 ? { period, year: y - 1, index: 4 } : { period, year: y, index: q };
}

/** Constant-offset stretches covering [from, to). Zones without DST give one segment. */
export function offsetSegments(cal: ZoneCalendar, from: number, to: number): OffsetSegment[] {
  // Transitions are months apart, so sampling every 6 h finds each one and bisection pins it to the ms.
  const step = 6 * HOUR_MS;
  const out: OffsetSegment[] = [];
  let s = from;
  let o = cal.offsetAt(from);
  for (let t = from; t < to; ) {
    const next = Math.min(t + step, to);
    const on = cal.offsetAt(next);
    if (on !== o) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (cal.offsetAt(mid) === o) lo = mid;
        else hi = mid;
      }
      out.push({ s, e: hi, o });
      s = hi;
      o = on;
    }
    t = next;
  }
  out.push({ s, e: to, o });
  return out;
}

/** The Monday (day number) of the ISO week a day belongs to. */
export function weekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Local wall time of an instant as 'YYYY-MM-DD HH:mm'. */
export function localDateTime(cal: ZoneCalendar, epoch: number): string {
  return new Date(epoch + cal.offsetAt(epoch)).toISOString().slice(0, 16).replace('T', ' ');
}

/** A Date whose UTC fields show the local wall time: what a spreadsheet date cell should display. */
export function wallClockDate(cal: ZoneCalendar, epoch: number): Date {
  return new Date(epoch + cal.offsetAt(epoch));
}
