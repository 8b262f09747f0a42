// "What plays at instant t" from a device timeline: the player calls it offline and sets one timer for
// `nextChangeAt`; the server calls it for previews. Pure; time is a parameter.
import type { DeviceTimeline, Segment, TimelineItem } from './timeline';

export interface PlayingNow {
  /** null = nothing plays (outside the timeline, in a gap, or in the silence after a once-through slot). */
  item: TimelineItem | null;
  segment: Segment | null;
  /** How far into `item` playback is at t (0 when no item). */
  offsetMs: number;
  /** The next instant at which this answer changes: item boundary, segment boundary or timeline end. */
  nextChangeAt: number | null;
}

/** Index of the last segment whose start is <= t, or -1. Segments are sorted and disjoint. */
export function findSegmentIndex(segments: readonly Segment[], t: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function itemAt(segment: Segment, t: number): { index: number; offsetMs: number } | null {
  const items = segment.items;
  let total = 0;
  for (const it of items) total += it.durationMs;
  if (total === 0) return null;
  let pos = (segment.phaseMs ?? 0) + (t - segment.start);
  if (segment.mode === 'loop') pos %= total;
  else if (pos >= total) return null;
  for (let i = 0; i < items.length; i++) {
    const d = items[i]!.durationMs;
    if (pos < d) return { index: i, offsetMs: pos };
    pos -= d;
  }
  return null;
}

export function whatPlaysAt(timeline: DeviceTimeline, t: number): PlayingNow {
  const segs = timeline.segments;
  if (t >= timeline.to) return { item: null, segment: null, offsetMs: 0, nextChangeAt: null };
  if (t < timeline.from) {
    const first = segs[0];
    return { item: null, segment: null, offsetMs: 0, nextChangeAt: first ? first.start : timeline.to };
  }
  const i = findSegmentIndex(segs, t);
  const seg = i >= 0 ? segs[i]! : null;
  if (!seg || t >= seg.end) {
    const next = segs[i + 1];
    return { item: null, segment: null, offsetMs: 0, nextChangeAt: next ? next.start : timeline.to };
  }
  const end = Math.min(seg.end, timeline.to);
  const at = itemAt(seg, t);
  if (!at) return { item: null, segment: seg, offsetMs: 0, nextChangeAt: end };
  const item = seg.items[at.index]!;
  return {
    item,
    segment: seg,
    offsetMs: at.offsetMs,
    nextChangeAt: Math.min(t - at.offsetMs + item.durationMs, end),
  };
}
