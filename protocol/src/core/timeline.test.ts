// The pure timeline operations: the version hash, cutting, merging and joining segments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertItemId,
  canonicalJson,
  clipSegment,
  computeTimelineVersion,
  fnv1a64,
  joinTimelines,
  normalizeSegments,
  withoutAlertItems,
  type DeviceTimeline,
  type Segment,
  type TimelineItem,
} from './timeline';

const sha = 'a'.repeat(64);
function item(id: string, durationMs: number): TimelineItem {
  return { id, contentId: id, versionId: `${id}.v1`, sha256: sha, kind: 'image', durationMs, reason: { scheduleId: null, rule: 'test' } };
}
const A = item('a', 1000);
const B = item('b', 2000);

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('hashes UTF-8 bytes, so Vietnamese text is stable', () => {
    expect(fnv1a64('Bản tin')).not.toBe(fnv1a64('Ban tin'));
    expect(fnv1a64('Bản tin')).toBe(fnv1a64('Bản tin'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
  });
});

describe('computeTimelineVersion', () => {
  it('hashes the canonical JSON of the segments with each item replaced by its own hash', () => {
    const segs: Segment[] = [
      { start: 0, end: 10, class: 'normal', mode: 'loop', items: [A, B, A] },
      { start: 10, end: 20, class: 'fallback', mode: 'once', items: [B], phaseMs: 3 },
    ];
    const digest = segs.map((s) => ({ ...s, items: s.items.map((i) => fnv1a64(canonicalJson(i))) }));
    expect(computeTimelineVersion(segs)).toBe('fnv1a64:' + fnv1a64(canonicalJson(digest)));
  });
  it('does not depend on object identity or key order', () => {
    const segs: Segment[] = [{ start: 0, end: 10, class: 'normal', mode: 'loop', items: [A] }];
    const copy = JSON.parse(JSON.stringify({ items: [A], mode: 'loop', class: 'normal', end: 10, start: 0 })) as Segment;
    expect(computeTimelineVersion([copy])).toBe(computeTimelineVersion(segs));
  });
  it('changes when any item changes', () => {
    const s1: Segment[] = [{ start: 0, end: 10, class: 'normal', mode: 'loop', items: [A] }];
    const s2: Segment[] = [{ start: 0, end: 10, class: 'normal', mode: 'loop', items: [{ ...A, durationMs: 999 }] }];
    expect(computeTimelineVersion(s1)).not.toBe(computeTimelineVersion(s2));
  });
});

describe('clipSegment', () => {
  it('keeps the loop position of a cut loop segment', () => {
    const s: Segment = { start: 0, end: 10_000, class: 'normal', mode: 'loop', items: [A, B] };
    expect(clipSegment(s, 4_500, 9_000)).toEqual({ ...s, start: 4_500, end: 9_000, phaseMs: 1_500 });
  });
  it('keeps the absolute position of a cut once segment', () => {
    const s: Segment = { start: 0, end: 10_000, class: 'normal', mode: 'once', items: [A, B] };
    expect(clipSegment(s, 4_500, 20_000)).toEqual({ ...s, start: 4_500, phaseMs: 4_500 });
  });
  it('returns null when the segment lies outside the range', () => {
    expect(clipSegment({ start: 0, end: 10, class: 'normal', mode: 'loop', items: [A] }, 10, 20)).toBeNull();
  });
});

describe('normalizeSegments', () => {
  it('merges a segment with its continuation but not with a restart', () => {
    const s: Segment = { start: 0, end: 3_000, class: 'normal', mode: 'loop', items: [A, B] };
    const cont: Segment = { ...s, start: 3_000, end: 4_000 };
    expect(normalizeSegments([s, cont])).toEqual([{ ...s, end: 4_000 }]);
    const restart: Segment = { ...s, start: 3_000, end: 4_000, phaseMs: 500 };
    expect(normalizeSegments([s, restart])).toHaveLength(2);
  });
});

describe('joinTimelines', () => {
  const seg: Segment = { start: 0, end: 100_000, class: 'normal', mode: 'loop', items: [A, B] };
  const tl = (from: number, to: number): DeviceTimeline => {
    const segments = normalizeSegments([clipSegment(seg, from, to)].filter((s): s is Segment => !!s));
    return { deviceId: 'd', from, to, version: computeTimelineVersion(segments), segments, media: [] };
  };
  it('joins any cut of a timeline back into the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (b) => {
        expect(joinTimelines(tl(0, b), tl(b, 100_000))).toEqual(tl(0, 100_000));
      }),
    );
  });
  it('rejects timelines that are not consecutive', () => {
    expect(() => joinTimelines(tl(0, 10), tl(20, 30))).toThrow(/not consecutive/);
  });
});

describe('withoutAlertItems', () => {
  const storm = item(alertItemId(7, 12), 5000);
  const other = item(alertItemId(70, 1), 5000);
  const tl: DeviceTimeline = {
    deviceId: 'd',
    from: 0,
    to: 30_000,
    version: 'v',
    media: [],
    segments: [
      { start: 0, end: 10_000, class: 'normal', mode: 'loop', items: [A] },
      { start: 10_000, end: 20_000, class: 'emergency', mode: 'loop', items: [storm] },
      { start: 20_000, end: 30_000, class: 'emergency', mode: 'loop', items: [storm, other], phaseMs: 2000 },
    ],
  };

  it('drops the items of the given alerts only, and the segments they leave empty', () => {
    const out = withoutAlertItems(tl, new Set(['7']));
    expect(out.segments.map((s) => [s.start, s.items.map((i) => i.id)])).toEqual([
      [0, ['a']],
      [20_000, ['alert:70:1']],
    ]);
    expect(out.segments[1]!.phaseMs).toBeUndefined();
  });

  it('returns the very timeline when it holds none of them', () => {
    expect(withoutAlertItems(tl, new Set(['8']))).toBe(tl);
    expect(withoutAlertItems(tl, new Set())).toBe(tl);
  });
});
