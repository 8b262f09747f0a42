import { describe, expect, it } from 'vitest';
import { bandScale, linePath, linearScale, niceStep, niceTicks } from './chart-scale';

describe('linearScale', () => {
  it('maps the domain onto an inverted pixel range (SVG y grows downwards)', () => {
    const y = linearScale(0, 100, 200, 0);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });

  it('maps a zero-width domain to the start of the range instead of dividing by zero', () => {
    expect(linearScale(5, 5, 10, 90)(5)).toBe(10);
  });
});

describe('niceTicks', () => {
  it('chooses 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(87, 5)).toBe(20);
    expect(niceStep(0.42, 4)).toBe(0.2);
    expect(niceStep(1000, 4)).toBe(500);
  });

  it('covers the maximum with round ticks', () => {
    expect(niceTicks(87, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1, 4)).toEqual([0, 0.5, 1]);
  });

  it('keeps whole-number ticks for counts and gives one tick for an empty series', () => {
    expect(niceTicks(3, 10, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

describe('bandScale', () => {
  it('spreads bars evenly with padding between them', () => {
    const b = bandScale(4, 0, 400, 0.5);
    expect(b.width).toBe(50);
    expect([b.x(0), b.x(3)]).toEqual([25, 325]);
  });

  it('has no width for no bars', () => {
    expect(bandScale(0, 0, 100).width).toBe(0);
  });
});

describe('linePath', () => {
  it('lifts the pen over gaps', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 5 }, null, { x: 20, y: 1.234 }])).toBe('M0,10L5,5M20,1.2');
  });
});
