import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from './protocol';
import { effectiveAdShare, interleave, interleaveAds } from './items';
import { schedule } from '../../../test/factories/schedule';

function item(id: string, durationMs: number): TimelineItem {
  return { id, contentId: id, versionId: id, sha256: 'c'.repeat(64), kind: 'image', durationMs, reason: { scheduleId: null, rule: id } };
}
const ids = (xs: TimelineItem[]) => xs.map((x) => x.id);

describe('interleave', () => {
  it('takes one item of each list in turn, wrapping the shorter lists', () => {
    const a = [item('a1', 1), item('a2', 1), item('a3', 1)];
    const b = [item('b1', 1)];
    expect(ids(interleave([a, b, []]))).toEqual(['a1', 'b1', 'a2', 'b1', 'a3', 'b1']);
  });
});

describe('interleaveAds', () => {
  const items = (prefix: string) =>
    fc
      .array(fc.integer({ min: 1_000, max: 60_000 }), { minLength: 1, maxLength: 5 })
      .map((ds) => ds.map((d, i) => item(`${prefix}${i}`, d)));

  it('keeps every prefix of the loop within the share, so any hour starting at the loop start is too', () => {
    fc.assert(
      fc.property(items('b'), items('ad'), fc.double({ min: 0.01, max: 1, noNaN: true }), (base, ads, share) => {
        const cycle = interleaveAds(base, ads, share);
        let t = 0;
        let ad = 0;
        for (const it of [...cycle, ...cycle]) {
          t += it.durationMs;
          if (it.id.startsWith('ad')) ad += it.durationMs;
          expect(ad).toBeLessThanOrEqual(share * t + 1e-6);
        }
        // The base plays in whole passes, in order, and the loop starts with it.
        const baseOnly = ids(cycle.filter((i) => i.id.startsWith('b')));
        const passes = baseOnly.length / base.length;
        expect(Number.isInteger(passes) && passes >= 1).toBe(true);
        expect(baseOnly).toEqual(Array.from({ length: passes }, () => ids(base)).flat());
        expect(cycle[0]).toBe(base[0]);
      }),
    );
  });

  it('plays every ad at least once per loop when the share allows it within the hour', () => {
    const cycle = interleaveAds([item('b', 10_000)], [item('ad1', 15_000), item('ad2', 15_000)], 0.2);
    expect(ids(cycle).filter((i) => i.startsWith('ad'))).toEqual(['ad1', 'ad2']);
    expect(ids(cycle)[0]).toBe('b');
  });

  it('leaves the loop alone without ads or share', () => {
    const base = [item('b', 10_000)];
    expect(interleaveAds(base, [], 0.5)).toEqual(base);
    expect(interleaveAds(base, [item('ad', 1_000)], 0)).toEqual(base);
  });
});

describe('effectiveAdShare', () => {
  it('takes the strictest share and caps it by plays per hour', () => {
    const ads = [item('ad', 30_000)];
    expect(effectiveAdShare([schedule('a', { adShare: 0.3 }), schedule('b', { adShare: 0.1 })], ads, 0.2)).toBeCloseTo(0.1);
    expect(effectiveAdShare([schedule('a')], ads, 0.2)).toBeCloseTo(0.2);
    expect(effectiveAdShare([schedule('a', { adShare: 0.5, adPlaysPerHour: 12 })], ads, 0.2)).toBeCloseTo(0.1);
  });
});
