// Loudspeakers (loa truyền thanh): once-through runs per broadcast slot (slots minus quiet hours), each entry
// from the start of its own window:
// the jingle, then the priority entries, then the normal ones, each entry's items in its own order (a
// bulletin must not be shuffled), entries in program order. A slot with nothing scheduled plays the
// fallback once. Outside slots: silence. Emergencies cut in anywhere, quiet hours included; the slot then
// resumes where it would have been.
import type { Segment, TimelineItem } from './protocol';
import type { PlannedPlay } from './items';
import { playableOn } from './items';
import type { DeviceProgram } from './program';
import { occurrencesIn } from './program';
import type { BuildContext } from './screen';
import { FALLBACK_RULE, alertBounds, alertItems } from './screen';
import { subtractIntervals } from './occurrences';
import type { Interval, ScheduleClass } from './types';

export const JINGLE_RULE = 'jingle: nhạc hiệu đầu buổi phát';

interface Source {
  plan: readonly PlannedPlay[];
  scheduleId: string | null;
  rule: string;
  cls: ScheduleClass | 'jingle';
  /** The part of the slot the entry's own window covers: its items start inside it, never before. */
  window: Interval;
}

function entrySources(p: DeviceProgram, slot: Interval, cls: ScheduleClass, ctx: BuildContext): Source[] {
  return p.entries.flatMap((e) => {
    if (e.schedule.class !== cls) return [];
    const o = occurrencesIn(e, slot.start, slot.end)[0];
    if (!o) return [];
    const window = { start: Math.max(o.start, slot.start), end: Math.min(o.end, slot.end) };
    // A relay in dead air (or whose source is no longer approved) is not on: its window plays the fallback.
    if (e.schedule.live && !e.plan.some((pl) => ctx.catalog.version(pl.contentId, window.start, window.start + 1))) return [];
    return [{ plan: e.plan, scheduleId: e.schedule.id, rule: `${cls}: lịch #${e.schedule.id} ${o.label}`, cls, window }];
  });
}

/** The fallback of a slot: its fallback-class entries, else the speaker's built-in loop. */
function fallbackSources(p: DeviceProgram, slot: Interval, ctx: BuildContext): Source[] {
  const own = entrySources(p, slot, 'fallback', ctx);
  return own.length > 0 ? own : [{ plan: ctx.fallback.speaker ?? [], scheduleId: null, rule: FALLBACK_RULE, cls: 'fallback', window: slot }];
}

/** Everything a slot plays: the jingle, then the priority and normal entries (or the fallback). */
function sourcesFor(p: DeviceProgram, slot: Interval, ctx: BuildContext): Source[] {
  const jingle: Source = { plan: ctx.jingle, scheduleId: null, rule: JINGLE_RULE, cls: 'jingle', window: slot };
  const programme = [...entrySources(p, slot, 'priority', ctx), ...entrySources(p, slot, 'normal', ctx)];
  return [jingle, ...(programme.length > 0 ? programme : fallbackSources(p, slot, ctx))];
}

/** Airtime the slot's programme asks for (jingle included), counting each content's approved version. */
export function slotDemandMs(p: DeviceProgram, slot: Interval, ctx: BuildContext): number {
  let total = 0;
  for (const src of sourcesFor(p, slot, ctx)) {
    for (const pl of src.plan) {
      const v = ctx.catalog.version(pl.contentId, slot.start, slot.start + 1);
      if (v && playableOn('speaker', v)) total += pl.durationMs && pl.durationMs > 0 ? pl.durationMs : v.durationMs;
    }
  }
  return total;
}

/**
 * The once-through runs of one slot. Each entry starts where its own window starts (never earlier), so a
 * slot is cut into runs at those starts; entries sharing a start play in one run, in program order. The
 * jingle opens the slot; time before the first entry plays the fallback. An entry's items start only inside
 * its window; approval and validity are checked at each item's own play time.
 */
export function slotSegments(p: DeviceProgram, slot: Interval, ctx: BuildContext): Segment[] {
  const [jingle, ...rest] = sourcesFor(p, slot, ctx);
  const programme = rest.filter((s) => s.cls === 'priority' || s.cls === 'normal');
  // Dead air: a relay that should be on here is not, and nothing else is scheduled. The fallback loops through
  // the slot (a once-through run would be over long before a relay's half hour is).
  if (programme.length === 0 && deadRelayIn(p, slot, ctx)) {
    const seg = runSegment(rest, slot, ctx);
    return seg ? [{ ...seg, mode: 'loop' }] : [];
  }
  const starts = [...new Set(programme.map((s) => s.window.start))].sort((x, y) => x - y);
  const runs: Source[][] = [];
  if (programme.length === 0) runs.push([jingle!, ...rest]);
  else if (starts[0]! > slot.start) runs.push([jingle!, ...fallbackSources(p, slot, ctx)]);
  for (const start of starts) {
    const group = programme.filter((s) => s.window.start === start);
    runs.push(start === slot.start ? [jingle!, ...group] : group);
  }
  const bounds = [slot.start, ...starts.filter((x) => x > slot.start), slot.end];
  const out: Segment[] = [];
  runs.forEach((group, k) => {
    const seg = runSegment(group, { start: bounds[k]!, end: bounds[k + 1]! }, ctx);
    const last = out[out.length - 1];
    // A run with nothing playable here leaves the run before it to go on.
    if (seg) out.push(seg);
    else if (last) last.end = bounds[k + 1]!;
  });
  return out;
}

/** Whether a relay entry has a window in the slot but nothing on air (its source failed, or is no longer approved). */
function deadRelayIn(p: DeviceProgram, slot: Interval, ctx: BuildContext): boolean {
  return p.entries.some((e) => {
    if (!e.schedule.live) return false;
    const o = occurrencesIn(e, slot.start, slot.end)[0];
    if (!o) return false;
    const start = Math.max(o.start, slot.start);
    return !e.plan.some((pl) => ctx.catalog.version(pl.contentId, start, start + 1));
  });
}

function runSegment(sources: readonly Source[], run: Interval, ctx: BuildContext): Segment | null {
  const cat = ctx.catalog;
  const items: TimelineItem[] = [];
  let t = run.start;
  let best: Segment['class'] = 'fallback';
  for (const src of sources) {
    const until = src.cls === 'jingle' ? run.end : Math.min(run.end, src.window.end);
    src.plan.forEach((pl, i) => {
      if (t >= until) return;
      const dur0 = pl.durationMs && pl.durationMs > 0 ? pl.durationMs : undefined;
      const v = cat.version(pl.contentId, t, Math.min(run.end, t + (dur0 ?? 1)));
      if (!v || !playableOn('speaker', v) || v.isAd) return;
      const dur = dur0 ?? v.durationMs;
      if (dur0 === undefined && !cat.version(pl.contentId, t, Math.min(run.end, t + dur))) return;
      const prefix = src.cls === 'jingle' ? 'jingle' : (src.scheduleId ?? 'fallback');
      items.push(cat.item(`${prefix}:${i}:${v.versionId}`, v, dur, false, { scheduleId: src.scheduleId, rule: src.rule }));
      t += dur;
      if (src.cls === 'priority') best = 'priority';
      else if (src.cls === 'normal' && best !== 'priority') best = 'normal';
    });
  }
  if (items.length === 0) return null;
  return { start: run.start, end: run.end, class: best, mode: 'once', items };
}

/** Emergency loop segments of a speaker: cut wherever an alert starts, ends or changes validity. */
function emergencySegments(p: DeviceProgram, ctx: BuildContext): Segment[] {
  if (p.alerts.length === 0) return [];
  const cuts = [...new Set(alertBounds(p.alerts))].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const items = alertItems(p.alerts, 'speaker', a, b, ctx.catalog);
    if (items.length > 0) out.push({ start: a, end: b, class: 'emergency', mode: 'loop', items });
  }
  return out;
}

/**
 * Live announcements on air (phát trực tiếp): each its one live item from its start to its end, minus quiet
 * hours for `priority`. Two never overlap on one speaker (one announcement per target); if they did, the later
 * start wins from there.
 */
function announcementSegments(p: DeviceProgram, ctx: BuildContext): Segment[] {
  const out: Segment[] = [];
  const list = [...p.announcements].sort((a, b) => a.from - b.from || (a.id < b.id ? -1 : 1));
  list.forEach((a, i) => {
    const end = Math.min(a.to, list[i + 1]?.from ?? Infinity);
    if (!(end > a.from)) return;
    const spans = a.class === 'emergency' ? [{ start: a.from, end }] : subtractIntervals([{ start: a.from, end }], p.quiet);
    const rule = `${a.class}: phát trực tiếp #${a.id}`;
    for (const sp of spans) {
      const item = ctx.catalog.item(`live:${a.id}:${a.item.versionId}`, a.item, Math.max(a.item.durationMs, a.to - a.from), false, { scheduleId: null, rule });
      out.push({ start: sp.start, end: sp.end, class: a.class, mode: 'once', items: [item], ...(sp.start > a.from ? { phaseMs: sp.start - a.from } : {}) });
    }
  });
  return out;
}

/** `seg` minus the intervals of `cuts` (sorted), each piece keeping its playback position. */
function cutAround(seg: Segment, cuts: readonly Interval[], push: (s: Segment) => void) {
  let cur = seg.start;
  const piece = (end: number) => {
    if (end <= cur) return;
    const { phaseMs: phase, ...rest } = seg;
    const base = phase ?? 0;
    push(cur > seg.start || phase ? { ...rest, start: cur, end, phaseMs: base + cur - seg.start } : { ...rest, start: cur, end });
  };
  for (const c of cuts) {
    if (c.end <= cur || c.start >= seg.end) continue;
    piece(c.start);
    cur = Math.max(cur, c.end);
  }
  piece(seg.end);
}

/**
 * Unclipped speaker segments touching [from, to): slots (cut around emergencies and live announcements, keeping
 * their position), emergencies (cut around live announcements) and live announcements.
 */
export function speakerPieces(p: DeviceProgram, from: number, to: number, ctx: BuildContext): Segment[] {
  const live = announcementSegments(p, ctx);
  const out: Segment[] = live.filter((s) => s.end > from && s.start < to);
  const emergencies: Segment[] = [];
  for (const em of emergencySegments(p, ctx)) cutAround(em, live, (s) => emergencies.push(s));
  for (const em of emergencies) if (em.end > from && em.start < to) out.push(em);
  const interrupts = [...emergencies, ...live].sort((a, b) => a.start - b.start);
  for (const slot of p.available ?? []) {
    if (slot.end <= from || slot.start >= to) continue;
    for (const seg of slotSegments(p, slot, ctx)) cutAround(seg, interrupts, (s) => out.push(s));
  }
  return out.sort((a, b) => a.start - b.start);
}
