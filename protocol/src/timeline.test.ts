// The zod schemas of the timeline format accept what the core's operations produce and refuse bad shapes.
import { describe, expect, it } from 'vitest';
import { clipSegment, computeTimelineVersion, joinTimelines, normalizeSegments, type DeviceTimeline, type Segment, type TimelineItem } from './core/timeline';
import { DeviceTimelineSchema } from './timeline';

const sha = 'a'.repeat(64);
function item(id: string, durationMs: number): TimelineItem {
  return { id, contentId: id, versionId: `${id}.v1`, sha256: sha, kind: 'image', durationMs, reason: { scheduleId: null, rule: 'test' } };
}
const A = item('a', 1000);
const B = item('b', 2000);

describe('joinTimelines', () => {
  const seg: Segment = { start: 0, end: 100_000, class: 'normal', mode: 'loop', items: [A, B] };
  const tl = (from: number, to: number): DeviceTimeline => {
    const segments = normalizeSegments([clipSegment(seg, from, to)].filter((s): s is Segment => !!s));
    return { deviceId: 'd', from, to, version: computeTimelineVersion(segments), segments, media: [] };
  };
  it('produces a timeline that passes its schema', () => {
    const t = joinTimelines(tl(0, 5_000), tl(5_000, 9_000));
    expect(DeviceTimelineSchema.safeParse(t).success).toBe(true);
  });
});

describe('DeviceTimelineSchema', () => {
  it('rejects overlapping segments', () => {
    const bad = {
      deviceId: 'd',
      from: 0,
      to: 100,
      version: 'v',
      media: [],
      segments: [
        { start: 0, end: 60, class: 'normal', mode: 'loop', items: [A] },
        { start: 50, end: 100, class: 'normal', mode: 'loop', items: [A] },
      ],
    };
    expect(DeviceTimelineSchema.safeParse(bad).success).toBe(false);
  });
});
