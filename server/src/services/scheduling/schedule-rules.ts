// Validation of a schedule's "when" and of speaker slot fit, with refusals that say why (bilingual codes in
// http/messages.ts). The compiler silently skips what cannot play; these rules refuse it at the door.
import type { CalendarWhen, ClockWindow, DeviceInput, RruleWhen } from '../../domain/schedule/index';
import { MAX_OCCURRENCES_PER_DAY, parseRrule } from '../../domain/schedule/occurrences';
import { DEFAULT_BROADCAST_SLOTS } from '../../domain/schedule/program';
import { DAY_MS, MINUTE_MS, parseClock } from '../../domain/schedule/zone';
import { AppError } from '../app-error';

/** Searching further for a first occurrence costs seconds for sub-daily rules that never match. */
const SEARCH_YEARS = 20;

const clockLen = (w: ClockWindow) => {
  const s = parseClock(w.start) ?? 0;
  const e = parseClock(w.end) ?? 0;
  return e > s ? e - s : e + 1440 - s;
};

function checkCalendar(w: CalendarWhen) {
  if (w.dateTo < w.dateFrom) throw new AppError(400, 'schedule_end_before_start', { start: w.dateFrom, end: w.dateTo });
  for (const win of w.windows) {
    if (win.start === win.end) throw new AppError(400, 'schedule_zero_window', { window: `${win.start}–${win.end}` });
    // Schedule windows stay inside one day (use 24:00 for midnight); the compiler would drop the rest.
    if ((parseClock(win.end) ?? 0) < (parseClock(win.start) ?? 0)) {
      throw new AppError(400, 'schedule_end_before_start', { start: win.start, end: win.end });
    }
  }
}

/** Wall-clock starts (as fake-UTC dates, the way rrule returns floating times) of the first occurrences. */
export function rruleStarts(w: RruleWhen, limit: number): Date[] {
  const rule = parseRrule(w.rrule);
  const first = rule.between(new Date(-8.64e15), new Date(8.64e15), true, (_d, i) => i < 1)[0];
  if (!first) return [];
  return rule.between(first, new Date(first.getTime() + 366 * DAY_MS), true, (_d, i) => i < limit);
}

function checkRrule(w: RruleWhen) {
  if (!/DTSTART/.test(w.rrule)) throw new AppError(400, 'schedule_rrule_invalid', { details: 'thiếu DTSTART / DTSTART missing' });
  if (!(w.durationMin > 0)) throw new AppError(400, 'schedule_zero_window', { window: `RRULE ${w.durationMin} phút/min` });
  let rule: ReturnType<typeof parseRrule>;
  try {
    rule = parseRrule(w.rrule);
  } catch (err) {
    throw new AppError(400, 'schedule_rrule_invalid', { details: err instanceof Error ? err.message : String(err) });
  }
  const dtstart = 'options' in rule ? rule.options.dtstart : null;
  const from = dtstart ?? new Date(0);
  const until = new Date(from.getTime() + SEARCH_YEARS * 365 * DAY_MS);
  const first = rule.between(new Date(from.getTime() - 1), until, true, (_d, i) => i < 1)[0];
  if (!first) throw new AppError(400, 'schedule_rrule_empty');
  const inDay = rule.between(first, new Date(first.getTime() + DAY_MS - 1), true, (_d, i) => i <= MAX_OCCURRENCES_PER_DAY).length;
  if (inDay > MAX_OCCURRENCES_PER_DAY) throw new AppError(400, 'schedule_too_many_occurrences', { count: `> ${MAX_OCCURRENCES_PER_DAY}` });
}

export function checkWhen(w: CalendarWhen | RruleWhen) {
  if ('rrule' in w) checkRrule(w);
  else checkCalendar(w);
}

/** Daily minute ranges [start, end) the entry is active in (RRULE: from its first occurrences). */
function activeMinutes(w: CalendarWhen | RruleWhen): [number, number][] {
  if (!('rrule' in w)) return w.windows.map((x) => [parseClock(x.start) ?? 0, parseClock(x.end) ?? 0]);
  return rruleStarts(w, 500).map((d) => {
    const m = Math.round((d.getTime() % DAY_MS) / MINUTE_MS);
    return [m, m + Math.round(w.durationMin)];
  });
}

function overlapsDaily(a: [number, number], w: ClockWindow): boolean {
  const s = parseClock(w.start) ?? 0;
  const len = clockLen(w);
  // Compare on a two-day line so windows that cross midnight still count.
  return [s - 1440, s, s + 1440].some((x) => a[0] < x + len && x < a[1]);
}

const slotsOf = (d: DeviceInput) => d.broadcastSlots ?? DEFAULT_BROADCAST_SLOTS;
const fmt = (slots: ClockWindow[]) => slots.map((s) => `${s.start}–${s.end}`).join(', ');

/**
 * A speaker plays an entry once, inside a broadcast slot, after the jingle. Refuse an entry that no targeted
 * speaker could ever play: windows overlapping none of its slots, or items longer than its longest slot.
 * Slot length here ignores quiet hours that cut a slot (the defaults do not overlap).
 */
export function checkSpeakerFit(speakers: DeviceInput[], when: CalendarWhen | RruleWhen, neededMs: number) {
  const active = activeMinutes(when);
  for (const d of speakers) {
    const slots = slotsOf(d);
    if (!active.some((a) => slots.some((s) => overlapsDaily(a, s)))) {
      throw new AppError(422, 'schedule_speaker_outside_slots', { device: d.name, slots: fmt(slots) });
    }
    const longest = Math.max(0, ...slots.map(clockLen)) * MINUTE_MS;
    if (neededMs > longest) {
      throw new AppError(422, 'schedule_speaker_too_long', { device: d.name, needed: Math.ceil(neededMs / 1000), available: longest / 1000 });
    }
  }
}
