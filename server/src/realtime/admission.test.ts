import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission';

describe('createAdmission', () => {
  it('admits a burst, then refuses until tokens refill at the given rate', () => {
    const a = createAdmission({ ratePerSec: 10, burst: 3 });
    expect([a.take(0), a.take(0), a.take(0)]).toEqual([0, 0, 0]);
    expect(a.take(0)).toBe(100);
    expect(a.take(50)).toBeGreaterThan(0);
    expect(a.take(100)).toBe(0);
  });
  it('never holds more than the burst', () => {
    const a = createAdmission({ ratePerSec: 1000, burst: 2 });
    a.take(0);
    expect([a.take(60_000), a.take(60_000), a.take(60_000)].filter((w) => w === 0)).toHaveLength(2);
  });
});
