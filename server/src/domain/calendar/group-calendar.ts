// RFC 5545 iCalendar writer for the schedules that target one group (pure: the entries, the zone and the
// instant of writing are parameters). Calendar entries become one weekly-recurring VEVENT per daily window;
// RRULE entries keep their rule. Times carry TZID=<zone> with a VTIMEZONE giving that zone's current fixed
// offset (right for Vietnam, which has no DST; a zone with DST would need its transition rules here).
import type { CalendarWhen, RruleWhen, ScheduleClass } from '../schedule/types';
import { DAY_MS, ZoneCalendar, isoDayOfWeek, parseClock, parseDate } from '../schedule/zone';

/** What the feed shows of one schedule entry. */
export type CalendarEntry = {
  id: number;
  name: string;
  class: ScheduleClass;
  contentId: number | null;
  playlistId: number | null;
  when: CalendarWhen | RruleWhen;
};

const CLASS_VI: Record<CalendarEntry['class'], string> = { priority: 'Ưu tiên', normal: 'Thường', ads: 'Quảng cáo', fallback: 'Dự phòng' };
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// RFC 5545 §3.3.11: every line break (CRLF, LF or a bare CR) becomes \n, and no other control character may
// appear in TEXT — a bare CR left in a name would start a new content line for parsers that split on it.
const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/** Octets of one code point in UTF-8. */
const utf8Length = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dayStamp = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
const offsetText = (ms: number) => {
  const m = Math.round(ms / 60_000);
  return `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}${pad(Math.abs(m) % 60)}`;
};

function eventsOf(s: CalendarEntry, tz: string, cal: ZoneCalendar): string[][] {
  const summary = `${CLASS_VI[s.class]}: ${s.name || `Lịch phát #${s.id}`}`;
  const what = s.contentId !== null ? `nội dung #${s.contentId}` : `danh sách phát #${s.playlistId}`;
  const common = (i: number) => [
    `UID:schedule-${s.id}-${i}@bantin`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(`Lịch phát #${s.id}: ${what}`)}`,
    `CATEGORIES:${s.class}`,
  ];
  const w = s.when;
  if ('rrule' in w) {
    const dt = /DTSTART[^:\n]*:(\d{8}T\d{6})(Z?)/.exec(w.rrule);
    if (!dt) return [];
    const rules = w.rrule
      .split(/\r?\n/)
      .filter((l) => /^(RRULE|EXRULE|RDATE|EXDATE)[:;]/.test(l.trim()))
      .map((l) => l.trim());
    const start = dt[2] ? `DTSTART:${dt[1]}Z` : `DTSTART;TZID=${tz}:${dt[1]}`;
    return [[...common(0), start, `DURATION:PT${Math.round(w.durationMin)}M`, ...rules]];
  }
  const first = parseDate(w.dateFrom);
  const last = parseDate(w.dateTo);
  if (first === null || last === null) return [];
  let day = first;
  while (day <= last && !w.daysOfWeek.includes(isoDayOfWeek(day))) day++;
  if (day > last) return [];
  const byday = [...new Set(w.daysOfWeek)]
    .sort()
    .map((d) => BYDAY[d - 1])
    .join(',');
  const until = utcStamp(cal.toEpoch(last, 1440) - 1000);
  return w.windows.map((win, i) => {
    const startMin = parseClock(win.start) ?? 0;
    const len = (parseClock(win.end) ?? 0) - startMin;
    return [
      ...common(i),
      `DTSTART;TZID=${tz}:${dayStamp(day)}T${pad(Math.floor(startMin / 60))}${pad(startMin % 60)}00`,
      `DURATION:PT${len}M`,
      `RRULE:FREQ=WEEKLY;BYDAY=${byday};UNTIL=${until}`,
    ];
  });
}

/** The whole feed (lịch phát của một nhóm) as CRLF-terminated, folded content lines. */
export function writeGroupCalendar(input: { groupName: string; tz: string; now: number; entries: readonly CalendarEntry[] }): string {
  const cal = new ZoneCalendar(input.tz);
  const offset = offsetText(cal.offsetAt(input.now));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//bantin//lich-phat//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Lịch phát – ${input.groupName}`)}`,
    `X-WR-TIMEZONE:${input.tz}`,
    'BEGIN:VTIMEZONE',
    `TZID:${input.tz}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${offset.slice(0, 3)}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const s of input.entries) {
    for (const ev of eventsOf(s, input.tz, cal)) lines.push('BEGIN:VEVENT', `DTSTAMP:${utcStamp(input.now)}`, ...ev, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
