import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSegmentIndex, whatPlaysAt } from './resolve';
import type { DeviceTimeline, Segment, TimelineItem } from './timeline';

const sha = 'b'.repeat(64);
function item(id: string, durationMs: number): TimelineItem {
  return { id, contentId: id, versionId: `${id}.v1`, sha256: sha, kind: 'image', durationMs, reason: { scheduleId: null, rule: 'test' } };
}
function timeline(segments: Segment[], from = 0, to = 1_000_000): DeviceTimeline {
  return { deviceId: 'd', from, to, version: 'v', segments, media: [] };
}
const A = item('a', 1_000);
const B = item('b', 2_000);

describe('whatPlaysAt', () => {
  it('loops items cyclically from the segment start', () => {
    const tl = timeline([{ start: 10_000, end: 20_000, class: 'normal', mode: 'loop', items: [A, B] }]);
    expect(whatPlaysAt(tl, 10_000)).toMatchObject({ item: A, offsetMs: 0, nextChangeAt: 11_000 });
    expect(whatPlaysAt(tl, 12_500)).toMatchObject({ item: B, offsetMs: 1_500, nextChangeAt: 13_000 });
    expect(whatPlaysAt(tl, 13_200)).toMatchObject({ item: A, offsetMs: 200 });
  });

  it('cuts the last item at the segment end', () => {
    const tl = timeline([{ start: 0, end: 2_500, class: 'normal', mode: 'loop', items: [B] }]);
    expect(whatPlaysAt(tl, 2_100)).toMatchObject({ item: B, offsetMs: 100, nextChangeAt: 2_500 });
  });

  it('plays a once segment through once, then is silent until its end', () => {
    const tl = timeline([{ start: 0, end: 10_000, class: 'normal', mode: 'once', items: [A, B] }]);
    expect(whatPlaysAt(tl, 2_999).item).toBe(B);
    const silent = whatPlaysAt(tl, 3_000);
    expect(silent.item).toBeNull();
    expect(silent.segment).not.toBeNull();
    expect(silent.nextChangeAt).toBe(10_000);
  });

  it('honours phaseMs of a cut segment', () => {
    const tl = timeline([{ start: 0, end: 10_000, class: 'normal', mode: 'loop', items: [A, B], phaseMs: 1_000 }]);
    expect(whatPlaysAt(tl, 0)).toMatchObject({ item: B, offsetMs: 0, nextChangeAt: 2_000 });
  });

  it('answers nothing in a gap, changing at the next segment', () => {
    const tl = timeline([
      { start: 0, end: 1_000, class: 'normal', mode: 'loop', items: [A] },
      { start: 5_000, end: 6_000, class: 'normal', mode: 'loop', items: [A] },
    ]);
    expect(whatPlaysAt(tl, 2_000)).toEqual({ item: null, segment: null, offsetMs: 0, nextChangeAt: 5_000 });
    expect(whatPlaysAt(tl, 7_000).nextChangeAt).toBe(1_000_000);
  });

  it('answers nothing outside the timeline, with no next change after its end', () => {
    const tl = timeline([{ start: 100, end: 200, class: 'normal', mode: 'loop', items: [A] }], 100, 200);
    expect(whatPlaysAt(tl, 50).nextChangeAt).toBe(100);
    expect(whatPlaysAt(tl, 200)).toEqual({ item: null, segment: null, offsetMs: 0, nextChangeAt: null });
  });
});

/** Random sorted, disjoint segments over [0, 100 000). */
const segmentsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 5_000 }),
      len: fc.integer({ min: 1, max: 20_000 }),
      mode: fc.constantFrom<'loop' | 'once'>('loop', 'once'),
      durs: fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 0, maxLength: 4 }),
      phase: fc.integer({ min: 0, max: 5_000 }),
    }),
    { maxLength: 8 },
  )
  .map((specs) => {
    let t = 0;
    return specs.map((s, i): Segment => {
      const start = t + s.gap;
      t = start + s.len;
      const items = s.durs.map((d, k) => item(`i${i}-${k}`, d));
      return { start, end: t, class: 'normal', mode: s.mode, items, ...(s.phase > 0 ? { phaseMs: s.phase } : {}) };
    });
  });

/** Walk the items from the segment start one by one: obviously right, slow. */
function naive(seg: Segment, t: number): { item: TimelineItem | null; offsetMs: number } {
  let pos = seg.start - (seg.phaseMs ?? 0);
  const total = seg.items.reduce((s, i) => s + i.durationMs, 0);
  if (total === 0) return { item: null, offsetMs: 0 };
  for (let k = 0; ; k++) {
    if (seg.mode === 'once' && k >= seg.items.length) return { item: null, offsetMs: 0 };
    const it = seg.items[k % seg.items.length]!;
    if (t < pos + it.durationMs) return { item: it, offsetMs: t - pos };
    pos += it.durationMs;
  }
}

describe('whatPlaysAt (properties)', () => {
  it('agrees with a naive item walk at every instant tried', () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: 0, max: 200_000 }), (segs, t) => {
        const tl = timeline(segs, 0, 200_000);
        const got = whatPlaysAt(tl, t);
        const seg = segs.find((s) => s.start <= t && t < s.end) ?? null;
        expect(got.segment).toBe(seg);
        const want = seg ? naive(seg, t) : { item: null, offsetMs: 0 };
        expect(got.item).toBe(want.item);
        expect(got.offsetMs).toBe(want.offsetMs);
      }),
    );
  });

  it('keeps its answer until nextChangeAt, and nextChangeAt is in the future', () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: 0, max: 199_999 }), (segs, t) => {
        const tl = timeline(segs, 0, 200_000);
        const a = whatPlaysAt(tl, t);
        expect(a.nextChangeAt).not.toBeNull();
        const n = a.nextChangeAt!;
        expect(n).toBeGreaterThan(t);
        const b = whatPlaysAt(tl, n - 1);
        expect(b.item).toBe(a.item);
        expect(b.segment).toBe(a.segment);
        if (a.item) expect(b.offsetMs).toBe(a.offsetMs + (n - 1 - t));
      }),
    );
  });

  it('finds segments by binary search like a linear scan', () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: -10, max: 200_000 }), (segs, t) => {
        let linear = -1;
        segs.forEach((s, i) => {
          if (s.start <= t) linear = i;
        });
        expect(findSegmentIndex(segs, t)).toBe(linear);
      }),
    );
  });
});
