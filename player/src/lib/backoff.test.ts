import { describe, expect, it } from 'vitest';
import { backoffCeiling, fullJitterDelay } from './backoff';

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
