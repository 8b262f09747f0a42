// A device's day as a Gantt chart: the compiled timeline's segments clipped to one local day of the ward
// and positioned as percentages of the day, each with the reasons (lý do phát) of its items, plus the
// hour ticks under the bars. Pure: the day and the zone offset are parameters.
import { dayBounds, localClock, VN_OFFSET_MIN } from './local-day';

export type PriorityClass = 'emergency' | 'priority' | 'normal' | 'ads' | 'fallback';

/** The part of a timeline segment the chart reads (see protocol/src/core/timeline.ts). */
export interface SegmentLike {
  start: number;
  end: number;
  class: PriorityClass;
  mode: 'loop' | 'once';
  items: readonly { contentId: string; kind: string; text?: { title: string }; reason: { scheduleId: string | null; rule: string } }[];
}

interface GanttBar {
  key: string;
  start: number;
  end: number;
  class: PriorityClass;
  mode: 'loop' | 'once';
  /** Position and size in percent of the day. */
  left: number;
  width: number;
  /** Local clock times; the end of the day reads 24:00. */
  startLabel: string;
  endLabel: string;
  /** Distinct rules that put the items here, in order of first appearance. */
  reasons: string[];
  /** The same reasons as the timeline gives them (schedule id and rule), to be put into words. */
  why: { scheduleId: string | null; rule: string }[];
  scheduleIds: string[];
  contentIds: string[];
  /** Titles of text items (other items have only a content id here). */
  titles: string[];
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Bars for the local day `date`; segments outside it are dropped and those crossing midnight are cut. */
export function layoutDay(segments: readonly SegmentLike[], date: string, offsetMin = VN_OFFSET_MIN): GanttBar[] {
  const { from, to } = dayBounds(date, offsetMin);
  const span = to - from;
  const bars: GanttBar[] = [];
  for (const s of segments) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start) continue;
    bars.push({
      key: `${s.start}-${s.class}`,
      start,
      end,
      class: s.class,
      mode: s.mode,
      left: ((start - from) / span) * 100,
      width: ((end - start) / span) * 100,
      startLabel: localClock(start, offsetMin),
      endLabel: end === to ? '24:00' : localClock(end, offsetMin),
      reasons: distinct(s.items.map((i) => i.reason.rule)),
      why: distinct(s.items.map((i) => i.reason.rule)).map((rule) => ({
        scheduleId: s.items.find((i) => i.reason.rule === rule)!.reason.scheduleId,
        rule,
      })),
      scheduleIds: distinct(s.items.map((i) => i.reason.scheduleId).filter((x): x is string => x !== null)),
      contentIds: distinct(s.items.map((i) => i.contentId)),
      titles: distinct(s.items.flatMap((i) => (i.text?.title ? [i.text.title] : []))),
    });
  }
  return bars.sort((a, b) => a.start - b.start);
}

/** Hour marks every `stepHours` from 00:00 to 24:00 inclusive, as percent positions. */
export function hourTicks(stepHours = 3): { left: number; label: string }[] {
  const out: { left: number; label: string }[] = [];
  for (let h = 0; h <= 24; h += stepHours) out.push({ left: (h / 24) * 100, label: `${String(h).padStart(2, '0')}:00` });
  return out;
}

/** Percent position of an instant within the day (for the "now" line); null outside the day. */
export function positionInDay(t: number, date: string, offsetMin = VN_OFFSET_MIN): number | null {
  const { from, to } = dayBounds(date, offsetMin);
  return t < from || t >= to ? null : ((t - from) / (to - from)) * 100;
}
