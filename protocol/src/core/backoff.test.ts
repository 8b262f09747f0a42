import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelayMs, fullJitterDelay } from './backoff';

describe('backoffCeiling', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map((a) => backoffCeiling(a))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('honours custom base and cap', () => {
    expect(backoffCeiling(3, { baseMs: 100, capMs: 500 })).toBe(500);
    expect(backoffCeiling(1, { baseMs: 100, capMs: 500 })).toBe(200);
  });
});

describe('fullJitterDelay', () => {
  it('spans the whole window from zero to just under the ceiling', () => {
    expect(fullJitterDelay(2, () => 0)).toBe(0);
    expect(fullJitterDelay(2, () => 0.5)).toBe(2000);
    expect(fullJitterDelay(2, () => 0.999999)).toBe(3999);
    expect(fullJitterDelay(40, () => 0.999999)).toBeLessThan(60_000);
  });

  it('stays within [0, ceiling) for many random draws', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let i = 0; i < 200; i++) {
        const d = fullJitterDelay(attempt);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(backoffCeiling(attempt));
      }
    }
  });

  it('grows the ceiling no faster than the outage: at most half of it, never under the base', () => {
    expect(backoffCeiling(6, { downForMs: 0 })).toBe(1000);
    expect(backoffCeiling(6, { downForMs: 5000 })).toBe(2500);
    expect(backoffCeiling(2, { downForMs: 60_000 })).toBe(4000); // the attempts still bound it
    expect(backoffCeiling(20, { downForMs: 3_600_000 })).toBe(60_000); // and the cap
    expect(backoffCeiling(6)).toBe(60_000); // without an outage given: attempts only
  });
});

describe('backoffDelayMs', () => {
  it('stays within [0, min(60 s, 1 s·2^n)) for every attempt', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = backoffDelayMs(n, r);
        return d >= 0 && d < Math.min(60_000, 1000 * 2 ** n);
      }),
    );
    expect(backoffDelayMs(0, 0.5)).toBe(500);
    expect(backoffDelayMs(20, 0.5)).toBe(30_000);
  });

  it('grows no faster than the outage: below max(1 s, outage/2)', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3_600_000), (n, r, down) => {
        const d = backoffDelayMs(n, r, 1000, 60_000, down);
        return d >= 0 && d < Math.min(60_000, 1000 * 2 ** n, Math.max(1000, down / 2)) + 1e-9;
      }),
    );
    expect(backoffDelayMs(10, 0.999, 1000, 60_000, 3000)).toBe(1498);
    expect(backoffDelayMs(10, 0.5, 1000, 60_000, 10 * 60_000)).toBe(30_000);
  });
});
