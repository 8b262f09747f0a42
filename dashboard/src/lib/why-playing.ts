// "Why is this playing" (lý do phát) as a sentence for staff, built from structured data: the segment's
// class, the item's schedule id, and that schedule's name and rule (GET /api/schedules), e.g.
// "Thông thường · lịch #4 «Tuyên truyền» · cả ngày". The raw rule string of the timeline is only a last
// resort for a reason with no schedule the dashboard knows. Pure: the language is a parameter.
import type { Lang } from './i18n';
import { schedulesText } from './messages/schedules';
import type { PriorityClass } from './gantt-layout';

/** The part of a schedule the sentence reads. */
export interface ScheduleLike {
  id: number;
  name: string;
  when: { windows: readonly { start: string; end: string }[] } | { rrule: string };
}

export interface WhyPlaying {
  /** The class in words: "Thông thường". */
  cls: string;
  /** The schedule that put the item here, when there is one; name null when the dashboard does not know it. */
  schedule: { id: string; name: string | null } | null;
  /** When the rule plays: "cả ngày", "06:00–06:30", "theo quy tắc lặp"; or what plays without a schedule. */
  when: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The window of a calendar rule that holds the local clock time `at` (a window may cross midnight). */
function windowAt(windows: readonly { start: string; end: string }[], at: string) {
  const t = minutes(at);
  return windows.find((w) => {
    const s = minutes(w.start);
    const e = minutes(w.end);
    return e > s ? t >= s && t < e : t >= s || t < e;
  });
}

const allDay = (w: { start: string; end: string }) => w.start === '00:00' && (w.end === '24:00' || w.end === '23:59');

/**
 * The reason of one item of a segment of class `cls` that starts at local clock `at`, in `lang`.
 * `schedules` maps schedule ids (as the timeline writes them) to the schedules the dashboard loaded.
 */
export function whyPlaying(
  reason: { scheduleId: string | null; rule: string },
  cls: PriorityClass,
  at: string,
  schedules: ReadonlyMap<string, ScheduleLike>,
  lang: Lang,
): WhyPlaying {
  const tl = (key: Parameters<typeof schedulesText.tl>[1]) => schedulesText.tl(lang, key);
  const clsText = tl(`class.${cls}`);
  if (reason.scheduleId === null) {
    const when = cls === 'emergency' ? tl('why.alert') : cls === 'fallback' ? tl('why.fallback') : reason.rule;
    return { cls: clsText, schedule: null, when };
  }
  const s = schedules.get(reason.scheduleId);
  if (!s) return { cls: clsText, schedule: { id: reason.scheduleId, name: null }, when: reason.rule };
  let when = tl('why.rrule');
  if ('windows' in s.when) {
    const w = windowAt(s.when.windows, at);
    when = !w ? at : allDay(w) ? tl('why.allDay') : `${w.start}–${w.end}`;
  }
  return { cls: clsText, schedule: { id: reason.scheduleId, name: s.name || null }, when };
}
