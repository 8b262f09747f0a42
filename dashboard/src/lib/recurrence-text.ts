// The plain sentence that says what a schedule's rule does, in Vietnamese or English, e.g.
// "Hằng ngày, 06:00–06:30, trên 12 loa của tổ dân phố 3–5". Pure: the language is a parameter.
import type { Lang } from './i18n';
import type { DeviceKind } from './devices-api';
import type { CalendarWhen, ClockWindow, RruleWhen, ScheduleWhen } from './schedules-api';
import { formatClock, parseRrule, type ParsedRrule } from './recurrence';
import type { TargetsSummary } from '@bantin/protocol/core';

const WORDS = {
  vi: {
    days: ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'],
    and: ' và ',
    daily: 'hằng ngày',
    weekly: (days: string) => `${days} hằng tuần`,
    range: (a: string, b: string) => `từ ${a} đến ${b}`,
    onDate: (d: string) => `ngày ${d}`,
    allDay: 'cả ngày',
    at: (t: string) => `lúc ${t}`,
    dates: (a: string, b: string) => (a === b ? `ngày ${a}` : `từ ${a} đến ${b}`),
    never: (d: string) => `Ngày ${d} không thuộc các ngày đã chọn trong tuần, nên lịch này sẽ không phát`,
    everyNDays: (n: number) => `cứ ${n} ngày một lần`,
    everyNWeeks: (days: string, n: number) => `${days}, cách ${n} tuần một lần`,
    monthly: (d: string) => `ngày ${d} hằng tháng`,
    everyNMonths: (d: string, n: number) => `ngày ${d}, cách ${n} tháng một lần`,
    yearly: (d: string) => `ngày ${d} hằng năm`,
    everyNHours: (n: number) => (n === 1 ? 'mỗi giờ' : `cứ ${n} giờ một lần`),
    everyNMinutes: (n: number) => `cứ ${n} phút một lần`,
    startFrom: (d: string) => `bắt đầu từ ${d}`,
    until: (d: string) => `đến hết ${d}`,
    times: (n: number) => `${n} lần`,
    forMin: (n: number) => `trong ${n} phút`,
    custom: 'Theo quy tắc RRULE riêng',
    kinds: { led: 'màn hình LED', kiosk: 'kiosk', speaker: 'loa' } as Record<DeviceKind, string>,
    devices: (n: number) => `${n} thiết bị`,
    on: (what: string) => `trên ${what}`,
    of: (who: string) => `của ${who}`,
    allOf: (what: string) => `trên tất cả ${what} của phường`,
    listed: (what: string) => `trên ${what} đã chọn`,
    noDevice: 'nhưng chưa tới thiết bị nào',
    groupsN: (n: number) => `${n} nhóm`,
  },
  en: {
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    and: ' and ',
    daily: 'every day',
    weekly: (days: string) => `every ${days}`,
    range: (a: string, b: string) => `${a} to ${b}`,
    onDate: (d: string) => `on ${d}`,
    allDay: 'all day',
    at: (t: string) => `at ${t}`,
    dates: (a: string, b: string) => (a === b ? `on ${a}` : `from ${a} to ${b}`),
    never: (d: string) => `${d} is not one of the chosen days of the week, so this schedule will not play`,
    everyNDays: (n: number) => `every ${n} days`,
    everyNWeeks: (days: string, n: number) => `every ${n} weeks on ${days}`,
    monthly: (d: string) => `on day ${d} of every month`,
    everyNMonths: (d: string, n: number) => `on day ${d} every ${n} months`,
    yearly: (d: string) => `every year on ${d}`,
    everyNHours: (n: number) => (n === 1 ? 'every hour' : `every ${n} hours`),
    everyNMinutes: (n: number) => `every ${n} minutes`,
    startFrom: (d: string) => `starting ${d}`,
    until: (d: string) => `until ${d}`,
    times: (n: number) => (n === 1 ? 'once' : `${n} times`),
    forMin: (n: number) => `for ${n} minutes`,
    custom: 'By a custom RRULE',
    kinds: { led: 'LED screen', kiosk: 'kiosk', speaker: 'loudspeaker' } as Record<DeviceKind, string>,
    devices: (n: number) => (n === 1 ? '1 device' : `${n} devices`),
    on: (what: string) => `on ${what}`,
    of: (who: string) => `of ${who}`,
    allOf: (what: string) => `on all ${what} of the ward`,
    listed: (what: string) => `on ${what} chosen by hand`,
    noDevice: 'but it reaches no device yet',
    groupsN: (n: number) => `${n} groups`,
  },
};
type Words = (typeof WORDS)['vi'];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a", "a và b", "a, b và c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${WORDS[lang].and}${items[items.length - 1]}`;
}

/** "2026-03-01" → "01/03/2026" (the date order of both Vietnam and British English). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** ISO day of week (1 = Monday) of a YYYY-MM-DD date. */
export function isoWeekday(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Runs of consecutive days: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** "thứ Hai đến thứ Sáu", "thứ Hai, thứ Tư và thứ Sáu" (runs of three or more become a range). */
function dayList(days: readonly number[], w: Words, lang: Lang): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const parts = runs(sorted).flatMap(([a, b]) =>
    b - a >= 2 ? [w.range(w.days[a - 1]!, w.days[b - 1]!)] : a === b ? [w.days[a - 1]!] : [w.days[a - 1]!, w.days[b - 1]!],
  );
  return joinList(parts, lang);
}

function windowText(win: ClockWindow, w: Words): string {
  return win.start === '00:00' && win.end === '24:00' ? w.allDay : `${win.start}–${win.end}`;
}

/** The parts of a sentence: what comes before the target (when, at what times) and after it (dates). */
interface Parts {
  lead: string[];
  tail: string[];
  /** A complete sentence that replaces everything (a rule that can never play). */
  whole?: string;
}

function calendarParts(when: CalendarWhen, lang: Lang, withDates: boolean): Parts {
  const w = WORDS[lang];
  const windows = joinList(
    when.windows.map((x) => windowText(x, w)),
    lang,
  );
  if (when.dateFrom === when.dateTo) {
    const d = formatDate(when.dateFrom);
    if (!when.daysOfWeek.includes(isoWeekday(when.dateFrom))) return { lead: [], tail: [], whole: `${w.never(d)}.` };
    return { lead: [w.onDate(d), windows], tail: [] };
  }
  const days = new Set(when.daysOfWeek);
  const freq = days.size === 7 ? w.daily : w.weekly(dayList(when.daysOfWeek, w, lang));
  return { lead: [freq, windows], tail: withDates ? [w.dates(formatDate(when.dateFrom), formatDate(when.dateTo))] : [] };
}

function rruleFrequency(r: ParsedRrule, w: Words, lang: Lang): string {
  const startDay = r.start ? Number(r.start.slice(8, 10)) : null;
  const monthDays = r.byMonthDay.length > 0 ? r.byMonthDay : startDay ? [startDay] : [];
  switch (r.freq) {
    case 'DAILY':
      return r.interval === 1 ? w.daily : w.everyNDays(r.interval);
    case 'WEEKLY': {
      const days = r.byDay.length > 0 ? r.byDay : r.start ? [isoWeekday(r.start)] : [];
      const list = dayList(days, w, lang);
      return r.interval === 1 ? w.weekly(list) : w.everyNWeeks(list, r.interval);
    }
    case 'MONTHLY': {
      const list = joinList(monthDays.map(String), lang);
      return r.interval === 1 ? w.monthly(list) : w.everyNMonths(list, r.interval);
    }
    case 'YEARLY': {
      const month = r.byMonth[0] ?? (r.start ? Number(r.start.slice(5, 7)) : 1);
      const day = monthDays[0] ?? 1;
      return w.yearly(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`);
    }
    case 'HOURLY':
      return w.everyNHours(r.interval);
    case 'MINUTELY':
      return w.everyNMinutes(r.interval);
  }
}

function rruleParts(when: RruleWhen, lang: Lang, withDates: boolean): Parts {
  const w = WORDS[lang];
  const r = parseRrule(when.rrule);
  if (!r) return { lead: [w.custom], tail: [] };
  const lead = [rruleFrequency(r, w, lang)];
  const dur = Math.round(when.durationMin);
  if (r.freq === 'HOURLY' || r.freq === 'MINUTELY' || r.times.length === 0) {
    if (dur > 0) lead.push(w.forMin(dur));
  } else if (dur <= 0) {
    lead.push(w.at(joinList(r.times.map(formatClock), lang)));
  } else {
    lead.push(
      joinList(
        r.times.map((t) => (t === 0 && dur === 1440 ? w.allDay : `${formatClock(t)}–${formatClock(Math.min(1440, t + dur))}`)),
        lang,
      ),
    );
  }
  const tail: string[] = [];
  if (r.start && withDates) tail.push(w.startFrom(formatDate(r.start)));
  if (r.until) tail.push(w.until(formatDate(r.until)));
  if (r.count !== null) tail.push(w.times(r.count));
  return { lead, tail };
}

const LOWER_VI = /^(Tổ dân phố|Tổ|Khu phố|Khu|Thôn|Xóm|Ấp|Phường|Cụm)(\s|$)/;

/** "Tổ dân phố 3", "Tổ dân phố 4", "Tổ dân phố 5" → "tổ dân phố 3–5" (lower case mid-sentence in Vietnamese). */
export function compressGroupNames(names: readonly string[], lang: Lang): string[] {
  const numbered = new Map<string, number[]>();
  const order: string[] = [];
  for (const name of names) {
    const m = /^(.*\D)\s*(\d+)$/.exec(name.trim());
    const key = m ? m[1]!.trim() : name.trim();
    if (!numbered.has(key)) {
      numbered.set(key, []);
      order.push(key);
    }
    if (m) numbered.get(key)!.push(Number(m[2]));
  }
  return order.map((prefix) => {
    const label = lang === 'vi' && LOWER_VI.test(prefix) ? prefix.charAt(0).toLowerCase() + prefix.slice(1) : prefix;
    const nums = [...new Set(numbered.get(prefix)!)].sort((a, b) => a - b);
    if (nums.length === 0) return label;
    const pieces = runs(nums).flatMap(([a, b]) => (b - a >= 2 ? [`${a}–${b}`] : a === b ? [String(a)] : [String(a), String(b)]));
    return `${label} ${joinList(pieces, lang)}`;
  });
}

function countText(n: number, kind: DeviceKind, w: Words, lang: Lang): string {
  const noun = w.kinds[kind];
  return lang === 'en' && n !== 1 ? `${n} ${noun}s` : `${n} ${noun}`;
}

/** Where a target reaches, e.g. "trên 12 loa của tổ dân phố 3–5" (also used by the alert confirmation). */
export function describeTargets(t: TargetsSummary, lang: Lang): string {
  const w = WORDS[lang];
  const kinds = (Object.keys(t.counts) as DeviceKind[]).filter((k) => (t.counts[k] ?? 0) > 0);
  const total = kinds.reduce((s, k) => s + (t.counts[k] ?? 0), 0);
  if (total === 0) return w.noDevice;
  const what =
    kinds.length === 1
      ? countText(total, kinds[0]!, w, lang)
      : `${w.devices(total)} (${joinList(
          kinds.map((k) => countText(t.counts[k]!, k, w, lang)),
          lang,
        )})`;
  if (t.wardWide) return w.allOf(what);
  if (t.listedOnly) return w.listed(what);
  const groups = compressGroupNames(t.groupNames, lang);
  const who = groups.length > 3 ? w.groupsN(t.groupNames.length) : joinList(groups, lang);
  return `${w.on(what)} ${w.of(who)}`;
}

/**
 * The sentence for a schedule's `when` and what it reaches. `withDates: false` leaves out the date range
 * (for places that show the dates beside it).
 */
export function describeRecurrence(
  schedule: { when: ScheduleWhen },
  targets: TargetsSummary,
  lang: Lang,
  opts: { withDates?: boolean } = {},
): string {
  const withDates = opts.withDates ?? true;
  const p = 'rrule' in schedule.when ? rruleParts(schedule.when, lang, withDates) : calendarParts(schedule.when, lang, withDates);
  if (p.whole) return p.whole;
  return capitalize([...p.lead, describeTargets(targets, lang), ...p.tail].join(', '));
}
