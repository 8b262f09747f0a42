import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packTimeline, unpackTimeline } from './packed';
import { PackedTimelineSchema } from '../timeline';
import { computeTimelineVersion, type DeviceTimeline, type Segment, type TimelineItem } from './timeline';
import { whatPlaysAt } from './resolve';

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const itemArb: fc.Arbitrary<TimelineItem> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  contentId: fc.constantFrom('1', '2', '3'),
  versionId: fc.constantFrom('1', '2'),
  sha256: hex,
  kind: fc.constantFrom('image', 'video', 'audio', 'text', 'speech'),
  durationMs: fc.integer({ min: 1, max: 60_000 }),
  reason: fc.record({ scheduleId: fc.option(fc.constantFrom('4', '5'), { nil: null }), rule: fc.constantFrom('bình thường', 'ưu tiên') }),
});

/** Timelines whose segments reuse a small pool of items and item lists, as compiled ones do. */
const timelineArb: fc.Arbitrary<DeviceTimeline> = fc
  .tuple(
    fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 5000 }),
        len: fc.integer({ min: 1, max: 100_000 }),
        cls: fc.constantFrom('emergency', 'priority', 'normal', 'ads', 'fallback'),
        mode: fc.constantFrom('loop', 'once'),
        pick: fc.array(fc.nat(), { maxLength: 5 }),
        phase: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
  )
  .map(([pool, specs]) => {
    let t = 1_700_000_000_000;
    const segments: Segment[] = specs.map((s) => {
      const start = t + s.gap;
      t = start + s.len;
      const seg: Segment = { start, end: t, class: s.cls as Segment['class'], mode: s.mode as Segment['mode'], items: s.pick.map((i) => pool[i % pool.length]!) };
      if (s.phase !== undefined) seg.phaseMs = s.phase;
      return seg;
    });
    return { deviceId: '9', from: 1_700_000_000_000, to: t + 1000, version: computeTimelineVersion(segments), segments, media: [] };
  });

describe('packTimeline / unpackTimeline', () => {
  it('round-trips any timeline exactly, and the packed form passes the message schema', () => {
    fc.assert(
      fc.property(timelineArb, (tl) => {
        const packed = packTimeline(tl);
        expect(PackedTimelineSchema.safeParse(JSON.parse(JSON.stringify(packed))).success).toBe(true);
        const back = unpackTimeline(JSON.parse(JSON.stringify(packed)), tl.deviceId);
        expect(back).toEqual(tl);
        expect(computeTimelineVersion(back!.segments)).toBe(tl.version);
        // The player resolves the unpacked one exactly like the original.
        for (const s of tl.segments) expect(whatPlaysAt(back!, s.start + 1)).toEqual(whatPlaysAt(tl, s.start + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('writes each distinct item and each distinct item list once', () => {
    const a: TimelineItem = { id: 'a', contentId: '1', versionId: '1', sha256: 'a'.repeat(64), kind: 'text', durationMs: 14_000, reason: { scheduleId: null, rule: 'r' }, text: { title: 'Lời nói tử tế', body: 'Trên mạng xã hội…', style: 'led' } };
    const b: TimelineItem = { ...a, id: 'b' };
    const copyOfA: TimelineItem = JSON.parse(JSON.stringify(a)) as TimelineItem;
    const hours = Array.from({ length: 48 }, (_, h): Segment => ({ start: h * 3_600_000, end: (h + 1) * 3_600_000, class: 'fallback', mode: 'loop', items: h % 2 ? [a, b] : [copyOfA, b] }));
    const tl: DeviceTimeline = { deviceId: '1', from: 0, to: 48 * 3_600_000, version: computeTimelineVersion(hours), segments: hours, media: [] };
    const packed = packTimeline(tl);
    expect(packed.items).toHaveLength(2);
    expect(packed.sequences).toEqual([[0, 1]]);
    expect(packed.segments.every((s) => s.seq === 0)).toBe(true);
    expect(JSON.stringify(packed).length * 5).toBeLessThan(JSON.stringify(tl).length);
  });

  it('answers null, never throws, for out-of-shape input', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => unpackTimeline(junk, '1')).not.toThrow();
      }),
    );
    expect(unpackTimeline(null, '1')).toBeNull();
    expect(packTimeline({ deviceId: '42', from: 0, to: 1, version: 'v', segments: [], media: [] })).not.toHaveProperty('deviceId');
    expect(unpackTimeline({ from: 0, to: 1, version: 'v', items: [], sequences: [[0]], segments: [], media: [] }, '1')).toBeNull();
    expect(PackedTimelineSchema.safeParse({ from: 0, to: 1, version: 'v', items: [], sequences: [[0]], segments: [], media: [] }).success).toBe(false);
  });
});
