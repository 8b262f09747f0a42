// The simplest re-derivation, from compiler inputs alone, of what must hold at an instant: the oracle of the
// compiler's property tests (the day of schedule-arbitraries, in Asia/Ho_Chi_Minh, UTC+7).
import { targetsDevice } from '../../src/domain/schedule/targeting';
import type { ClockWindow, CompileInput, ContentVersionInput, DeviceInput, ScheduleInput } from '../../src/domain/schedule/types';
import { parseClock } from '../../src/domain/schedule/zone';

const H = 3_600_000;

export function local(t: number) {
  const d = new Date(t + 7 * H);
  return { date: d.toISOString().slice(0, 10), min: d.getUTCHours() * 60 + d.getUTCMinutes(), dow: ((d.getUTCDay() + 6) % 7) + 1 };
}
export function inWindow(w: ClockWindow, min: number): boolean {
  const s = parseClock(w.start)!;
  const e = parseClock(w.end)!;
  return e > s ? s <= min && min < e : min >= s || min < e;
}
export function versionsById(input: CompileInput): Map<string, ContentVersionInput> {
  const m = new Map(input.contents.map((c) => [c.versionId, c]));
  for (const a of input.alerts) for (const v of [a.item, a.speechItem]) if (v) m.set(v.versionId, v);
  return m;
}
export function playable(v: ContentVersionInput, d: DeviceInput, t: number, ads: boolean): boolean {
  const kindOk = d.kind === 'speaker' ? v.kind === 'audio' || v.kind === 'speech' : ['image', 'video', 'text'].includes(v.kind);
  return (
    v.state === 'approved' &&
    (v.validFrom ?? -Infinity) <= t &&
    t < (v.validTo ?? Infinity) &&
    kindOk &&
    v.isAd === ads &&
    (!ads || d.kind === 'led')
  );
}
/** Daily RRULEs only (what the arbitraries make): active from each day's DTSTART time for durationMin. */
function rruleActive(when: { rrule: string; durationMin: number }, t: number): boolean {
  const m = /DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(when.rrule)!;
  const first = `${m[1]}-${m[2]}-${m[3]}`;
  return [0, 1].some((back) => {
    const day = local(t - back * 86_400_000).date;
    const start = Date.parse(`${day}T${m[4]}:${m[5]}:00+07:00`);
    return day >= first && start <= t && t < start + when.durationMin * 60_000;
  });
}
/** Whether schedule `s` plays on d at t: it targets d, its time rule is on, and one of its contents passes `ok`. */
export function activeAt(
  s: ScheduleInput,
  input: CompileInput,
  d: DeviceInput,
  t: number,
  ok: (c: ContentVersionInput) => boolean = (c) => playable(c, d, t, s.class === 'ads'),
): boolean {
  if (!targetsDevice(s.target, d)) return false;
  const { date, min, dow } = local(t);
  const w = s.when;
  if ('rrule' in w) {
    if (!rruleActive(w, t)) return false;
  } else if (date < w.dateFrom || date > w.dateTo || !w.daysOfWeek.includes(dow) || !w.windows.some((x) => inWindow(x, min))) return false;
  const ids =
    'contentId' in s.what
      ? [s.what.contentId]
      : (input.playlists.find((p) => p.id === (s.what as { playlistId: string }).playlistId)?.items ?? []).map((i) => i.contentId);
  return input.contents.some((c) => ids.includes(c.contentId) && ok(c));
}
