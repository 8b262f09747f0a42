// Local calendar days of the ward (Asia/Ho_Chi_Minh, UTC+07:00 all year, no daylight saving) as epoch
// ranges. The offset is a parameter so every function is pure and testable.

export const VN_OFFSET_MIN = 420;
const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/** [from, to) of a local date, in epoch ms. */
export function dayBounds(iso: string, offsetMin = VN_OFFSET_MIN): { from: number; to: number } {
  const d = dayNumber(iso);
  if (d === null) throw new Error(`not a date: ${iso}`);
  const from = d * DAY_MS - offsetMin * 60_000;
  return { from, to: from + DAY_MS };
}

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, offsetMin = VN_OFFSET_MIN): string {
  return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10);
}

/** Local clock time (HH:MM) of an instant. */
export function localClock(ms: number, offsetMin = VN_OFFSET_MIN): string {
  return new Date(ms + offsetMin * 60_000).toISOString().slice(11, 16);
}

export function addDays(iso: string, n: number): string {
  const d = dayNumber(iso);
  if (d === null) throw new Error(`not a date: ${iso}`);
  return new Date((d + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return (dayNumber(b) ?? 0) - (dayNumber(a) ?? 0);
}

/** The Monday of the week of a date (ISO weeks start on Monday). */
export function mondayOf(iso: string): string {
  const d = dayNumber(iso);
  if (d === null) throw new Error(`not a date: ${iso}`);
  const dow = (new Date(d * DAY_MS).getUTCDay() + 6) % 7;
  return addDays(iso, -dow);
}
