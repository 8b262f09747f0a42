import { describe, expect, it } from 'vitest';
import { clockOffsetMs, serverReadingAt } from './clock';

describe('clockOffsetMs', () => {
  it('takes the midpoint of the round trip', () => {
    expect(clockOffsetMs(1000, 5100, 1200)).toBe(4000);
  });
});

describe('serverReadingAt', () => {
  it('is the midpoint of the round trip when the answer echoes our clock, else the receipt', () => {
    expect(serverReadingAt(1000, 1200)).toBe(1100);
    expect(serverReadingAt(undefined, 1200)).toBe(1200);
  });
});
