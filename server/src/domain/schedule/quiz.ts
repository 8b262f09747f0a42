// The quiz questions a kiosk may offer (câu hỏi tìm hiểu Bộ Quy tắc), compiled beside its segments: each
// approved quiz version scheduled to the kiosk, with the times it may be asked (its schedules' occurrences in
// [from, to), cut to the version's validity). Quiz schedules never enter the segment compiler, so a question
// is never played as a slide. Pure: the range and zone are parameters.
import type { QuizQuestion } from './protocol';
import { dayRange, scheduleOccurrences, unionIntervals } from './occurrences';
import { targetsDevice } from './targeting';
import type { CompileOptions, ContentState, DeviceInput, Interval, ScheduleInput } from './types';
import { DEFAULT_TZ, ZoneCalendar } from './zone';

/** One quiz version as the compiler sees it; only `approved` ever reaches a kiosk. */
export type QuizVersionInput = Omit<QuizQuestion, 'windows'> & {
  state: ContentState;
  /** Epoch ms; null = no bound; validTo is exclusive. */
  validFrom: number | null;
  validTo: number | null;
};

/** The quiz questions of one device over [opts.from, opts.to): none unless it is a kiosk; sorted by content id. */
export function compileQuiz(
  device: DeviceInput,
  schedules: readonly ScheduleInput[],
  versions: readonly QuizVersionInput[],
  opts: CompileOptions,
): QuizQuestion[] {
  if (device.kind !== 'kiosk') return [];
  const cal = new ZoneCalendar(opts.tz ?? DEFAULT_TZ);
  const { fromDay, toDay } = dayRange(cal, opts.from, opts.to);
  const byContent = new Map(versions.filter((v) => v.state === 'approved').map((v) => [v.contentId, v]));
  const windows = new Map<string, Interval[]>();
  for (const s of schedules) {
    if (!('contentId' in s.what) || !targetsDevice(s.target, device)) continue;
    const v = byContent.get(s.what.contentId);
    if (!v) continue;
    const lo = Math.max(opts.from, v.validFrom ?? -Infinity);
    const hi = Math.min(opts.to, v.validTo ?? Infinity);
    const cut = scheduleOccurrences(s, cal, fromDay, toDay)
      .map((o) => ({ start: Math.max(o.start, lo), end: Math.min(o.end, hi) }))
      .filter((o) => o.end > o.start);
    if (cut.length) windows.set(v.contentId, [...(windows.get(v.contentId) ?? []), ...cut]);
  }
  return [...windows.entries()]
    .sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([contentId, list]) => {
      const { state: _s, validFrom: _f, validTo: _t, ...q } = byContent.get(contentId)!;
      return { ...q, windows: unionIntervals(list) };
    });
}
