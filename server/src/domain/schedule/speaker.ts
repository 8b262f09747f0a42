// Loudspeakers (loa truyền thanh): one once-through segment per broadcast slot (slots minus quiet hours):
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
import type { Interval, ScheduleClass } from './types';

export const JINGLE_RULE = 'jingle: nhạc hiệu đầu buổi phát';

interface Source {
  plan: readonly PlannedPlay[];
  scheduleId: string | null;
  rule: string;
  cls: ScheduleClass | 'jingle';
}

function sourcesFor(p: DeviceProgram, slot: Interval, ctx: BuildContext): Source[] {
  const pick = (cls: ScheduleClass): Source[] =>
    p.entries.flatMap((e) => {
      if (e.schedule.class !== cls) return [];
      const o = occurrencesIn(e, slot.start, slot.end)[0];
      return o ? [{ plan: e.plan, scheduleId: e.schedule.id, rule: `${cls}: lịch #${e.schedule.id} ${o.label}`, cls }] : [];
    });
  const jingle: Source = { plan: ctx.jingle, scheduleId: null, rule: JINGLE_RULE, cls: 'jingle' };
  const programme = [...pick('priority'), ...pick('normal')];
  if (programme.length > 0) return [jingle, ...programme];
  const fallback = pick('fallback');
  if (fallback.length > 0) return [jingle, ...fallback];
  return [jingle, { plan: ctx.fallback.speaker ?? [], scheduleId: null, rule: FALLBACK_RULE, cls: 'fallback' }];
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

/** The once-through segment of one slot, checking approval and validity at each item's own play time. */
export function slotSegment(p: DeviceProgram, slot: Interval, ctx: BuildContext): Segment | null {
  const cat = ctx.catalog;
  const items: TimelineItem[] = [];
  let t = slot.start;
  let best: Segment['class'] = 'fallback';
  for (const src of sourcesFor(p, slot, ctx)) {
    src.plan.forEach((pl, i) => {
      if (t >= slot.end) return;
      const dur0 = pl.durationMs && pl.durationMs > 0 ? pl.durationMs : undefined;
      const v = cat.version(pl.contentId, t, Math.min(slot.end, t + (dur0 ?? 1)));
      if (!v || !playableOn('speaker', v) || v.isAd) return;
      const dur = dur0 ?? v.durationMs;
      if (dur0 === undefined && !cat.version(pl.contentId, t, Math.min(slot.end, t + dur))) return;
      const prefix = src.cls === 'jingle' ? 'jingle' : (src.scheduleId ?? 'fallback');
      items.push(cat.item(`${prefix}:${i}:${v.versionId}`, v, dur, false, { scheduleId: src.scheduleId, rule: src.rule }));
      t += dur;
      if (src.cls === 'priority') best = 'priority';
      else if (src.cls === 'normal' && best !== 'priority') best = 'normal';
    });
  }
  if (items.length === 0) return null;
  return { start: slot.start, end: slot.end, class: best, mode: 'once', items };
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

/** Unclipped speaker segments touching [from, to): slots (cut around emergencies, keeping their position) and emergencies. */
export function speakerPieces(p: DeviceProgram, from: number, to: number, ctx: BuildContext): Segment[] {
  const emergencies = emergencySegments(p, ctx);
  const out: Segment[] = emergencies.filter((s) => s.end > from && s.start < to);
  for (const slot of p.available ?? []) {
    if (slot.end <= from || slot.start >= to) continue;
    const seg = slotSegment(p, slot, ctx);
    if (!seg) continue;
    let cur = slot.start;
    const push = (end: number) => {
      if (end <= cur) return;
      const { phaseMs: _none, ...rest } = seg;
      out.push(cur > slot.start ? { ...rest, start: cur, end, phaseMs: cur - slot.start } : { ...rest, start: cur, end });
    };
    for (const em of emergencies) {
      if (em.end <= cur || em.start >= slot.end) continue;
      push(em.start);
      cur = Math.max(cur, em.end);
    }
    push(slot.end);
  }
  return out.sort((a, b) => a.start - b.start);
}
