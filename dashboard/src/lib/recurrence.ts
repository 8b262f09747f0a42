// Recurrence presets of the schedule editor and a small reader of RRULE text. Presets are the everyday
// patterns of a ward (hằng ngày, ngày làm việc, khung phát thanh 06:00–06:30 + 17:00–17:30); anything else
// is "custom" (days and windows by hand) or a raw RRULE. Pure: no clock, no DOM.
import type { CalendarWhen, ClockWindow, ScheduleWhen } from './schedules-api';

export type RecurrencePreset = 'daily' | 'weekdays' | 'broadcast' | 'custom' | 'rrule';
export const RECURRENCE_PRESETS: readonly RecurrencePreset[] = ['daily', 'weekdays', 'broadcast', 'custom', 'rrule'];

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** The loudspeakers' customary morning and afternoon slots. */
export const BROADCAST_WINDOWS: readonly ClockWindow[] = [
  { start: '06:00', end: '06:30' },
  { start: '17:00', end: '17:30' },
];

/** The calendar rule a preset stands for, over the given dates; `windows` is kept for daily/weekdays. */
export function presetWhen(
  preset: 'daily' | 'weekdays' | 'broadcast',
  dateFrom: string,
  dateTo: string,
  windows: readonly ClockWindow[],
): CalendarWhen {
  if (preset === 'broadcast') return { dateFrom, dateTo, daysOfWeek: [...ALL_DAYS], windows: BROADCAST_WINDOWS.map((w) => ({ ...w })) };
  const days = preset === 'daily' ? ALL_DAYS : WEEKDAYS;
  return { dateFrom, dateTo, daysOfWeek: [...days], windows: windows.map((w) => ({ ...w })) };
}

const sameDays = (a: readonly number[], b: readonly number[]) => {
  const s = [...new Set(a)].sort();
  return s.length === b.length && s.every((d, i) => d === b[i]);
};
const sameWindows = (a: readonly ClockWindow[], b: readonly ClockWindow[]) =>
  a.length === b.length && a.every((w, i) => w.start === b[i]!.start && w.end === b[i]!.end);

/** Which preset an existing rule matches, so the editor opens on the right choice. */
export function detectPreset(when: ScheduleWhen): RecurrencePreset {
  if ('rrule' in when) return 'rrule';
  if (sameDays(when.daysOfWeek, ALL_DAYS) && sameWindows(when.windows, BROADCAST_WINDOWS)) return 'broadcast';
  if (sameDays(when.daysOfWeek, ALL_DAYS)) return 'daily';
  if (sameDays(when.daysOfWeek, WEEKDAYS)) return 'weekdays';
  return 'custom';
}

/** "06:00" → 360; anything else (including "24:00" → 1440) that is not a clock time → null. */
export function clockMinutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}

export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const whole = Math.round(minutes) === 1440 ? 1440 : m;
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

const BYDAY: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

/** What the dashboard understands of an RRULE (RFC 5545) with its DTSTART. */
export interface ParsedRrule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'HOURLY' | 'MINUTELY';
  interval: number;
  /** ISO days 1 = Monday … 7 = Sunday. */
  byDay: number[];
  byMonthDay: number[];
  byMonth: number[];
  /** Start times of the occurrences in minutes after midnight (from BYHOUR/BYMINUTE, else DTSTART). */
  times: number[];
  /** YYYY-MM-DD of DTSTART, when present. */
  start: string | null;
  until: string | null;
  count: number | null;
}

function numbers(v: string | undefined): number[] {
  return v
    ? v
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n))
    : [];
}

function isoDate(compact: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(compact);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Reads the RRULE and DTSTART lines; null when there is no rule the dashboard can put into words. */
export function parseRrule(text: string): ParsedRrule | null {
  const dt = /DTSTART[^:\n]*:(\d{8})(?:T(\d{2})(\d{2}))?/.exec(text);
  const line = /(?:^|\n|RRULE:)((?:FREQ|INTERVAL|BYDAY|COUNT|UNTIL|BYHOUR|BYMINUTE|BYMONTHDAY|BYMONTH|WKST|BYSETPOS|BYSECOND)=[^\n]*)/.exec(
    text,
  );
  if (!line) return null;
  const parts = new Map<string, string>();
  for (const p of line[1]!.trim().split(';')) {
    const eq = p.indexOf('=');
    if (eq > 0) parts.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).trim());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY' && freq !== 'HOURLY' && freq !== 'MINUTELY')
    return null;
  // Positional BYDAY (1MO, -1FR) and BYSETPOS are beyond a one-line sentence.
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (days.some((d) => !(d.toUpperCase() in BYDAY)) || parts.has('BYSETPOS')) return null;
  const hours = numbers(parts.get('BYHOUR'));
  const mins = numbers(parts.get('BYMINUTE'));
  const startMin = dt?.[2] !== undefined ? Number(dt[2]) * 60 + Number(dt[3]) : null;
  let times: number[] = [];
  if (hours.length > 0)
    times = hours.flatMap((h) => (mins.length > 0 ? mins : [startMin === null ? 0 : startMin % 60]).map((m) => h * 60 + m));
  else if (startMin !== null) times = [startMin];
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  return {
    freq,
    interval: Math.max(1, Number(parts.get('INTERVAL') ?? 1) || 1),
    byDay: [...new Set(days.map((d) => BYDAY[d.toUpperCase()]!))].sort(),
    byMonthDay: numbers(parts.get('BYMONTHDAY')),
    byMonth: numbers(parts.get('BYMONTH')),
    times: [...new Set(times)].sort((a, b) => a - b),
    start: dt ? isoDate(dt[1]!) : null,
    until: parts.has('UNTIL') ? isoDate(parts.get('UNTIL')!) : null,
    count: count !== null && Number.isInteger(count) ? count : null,
  };
}

/** The text of a simple weekly RRULE for the editor's "RRULE" choice, starting at a date and time. */
export function buildRrule(dateFrom: string, time: string, byDay: readonly number[]): string {
  const names = Object.keys(BYDAY);
  const days = [...byDay]
    .sort()
    .map((d) => names[d - 1])
    .join(',');
  return `DTSTART:${dateFrom.replace(/-/g, '')}T${time.replace(':', '')}00\nRRULE:FREQ=WEEKLY;BYDAY=${days}`;
}
