// Wall clock ↔ epoch in an IANA zone, per local date, with Intl only (no tz database of our own).
//
// DST (the default Asia/Ho_Chi_Minh has none, UTC+7 all year): windows are computed per local date. A wall
// time that does not exist (spring-forward gap) maps to the instant the gap ends, so a window on a skipped
// hour shrinks (possibly to nothing). A wall time that exists twice (fall-back) maps to its earlier instant,
// so a window inside the repeated hour is played once, in the first pass.
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

/** 'HH:MM' → minutes since local midnight (0..1440), or null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' → day number (days since 1970-01-01), or null when malformed. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

/** ISO day of week of a day number: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

interface DayInfo {
  /** Offset (ms) valid for the whole local day, or null when a transition falls on it. */
  uniformOffset: number | null;
}

/** Converts between local wall time and epoch ms in one zone, caching per local date. */
export class ZoneCalendar {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayInfo>();

  constructor(readonly tz: string = DEFAULT_TZ) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset (local − UTC) in ms at an instant. */
  offsetAt(epoch: number): number {
    const whole = Math.floor(epoch / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(whole)) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - whole;
  }

  /** The local day number an instant falls on. */
  dayOf(epoch: number): number {
    return Math.floor((epoch + this.offsetAt(epoch)) / DAY_MS);
  }

  private dayInfo(day: number): DayInfo {
    let info = this.days.get(day);
    if (!info) {
      // Every instant of a local day lies within [day - 14 h, day + 1 d + 12 h] of UTC midnight.
      const a = this.offsetAt(day * DAY_MS - 15 * HOUR_MS);
      const b = this.offsetAt((day + 1) * DAY_MS + 13 * HOUR_MS);
      info = { uniformOffset: a === b ? a : null };
      this.days.set(day, info);
    }
    return info;
  }

  /** Epoch of local `day` at `minutes` after midnight (may exceed 1440 to reach following days). */
  toEpoch(day: number, minutes: number): number {
    const d = day + Math.floor(minutes / 1440);
    const m = minutes - (d - day) * 1440;
    const off = this.dayInfo(d).uniformOffset;
    const wall = d * DAY_MS + m * MINUTE_MS;
    return off !== null ? wall - off : this.toEpochSlow(wall);
  }

  /** Transition days: the earliest instant showing `wall`, or the end of the gap when none does. */
  private toEpochSlow(wall: number): number {
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const valid = [wall - before, wall - after].filter((e) => this.offsetAt(e) === wall - e);
    if (valid.length > 0) return Math.min(...valid);
    let lo = Math.min(wall - before, wall - after);
    let hi = Math.max(wall - before, wall - after);
    const offLo = this.offsetAt(lo);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid) === offLo) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /** A clock window on a local day as an epoch interval; end <= start crosses midnight. */
  windowOn(day: number, startMin: number, endMin: number): { start: number; end: number } {
    const endAbs = endMin <= startMin ? endMin + 1440 : endMin;
    return { start: this.toEpoch(day, startMin), end: this.toEpoch(day, endAbs) };
  }
}
