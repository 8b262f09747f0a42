// Small timeline builders for the player's unit tests.
import { computeTimelineVersion, type DeviceTimeline, type MediaKind, type Segment, type TimelineItem } from '@bantin/protocol/core';

export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function item(id: string, durationMs: number, kind: MediaKind = 'image', n = id.length): TimelineItem {
  return {
    id,
    contentId: `c-${id}`,
    versionId: `v-${id}`,
    sha256: sha(n),
    kind,
    durationMs,
    reason: { scheduleId: null, rule: 'test' },
  };
}

export function segment(start: number, end: number, items: TimelineItem[], extra: Partial<Segment> = {}): Segment {
  return { start, end, class: 'normal', mode: 'loop', items, ...extra };
}

export function timeline(from: number, to: number, segments: Segment[]): DeviceTimeline {
  const media = segments
    .flatMap((s) => s.items)
    .map((i) => ({ sha256: i.sha256, size: 1, mime: 'image/png', url: `/api/device/media/${i.sha256}` }));
  const unique = [...new Map(media.map((m) => [m.sha256, m])).values()];
  return { deviceId: 'dev-1', from, to, version: computeTimelineVersion(segments), segments, media: unique };
}
