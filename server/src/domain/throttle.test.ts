import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('blocks after max failures inside the window and frees the key when the window slides', () => {
    const t = createThrottle({ max: 3, windowMs: 1000 });
    t.fail('k', 0);
    t.fail('k', 100);
    expect(t.retryAfter('k', 200)).toBe(0);
    t.fail('k', 200);
    expect(t.retryAfter('k', 300)).toBe(700);
    expect(t.retryAfter('k', 1000)).toBe(0);
  });
  it('reset forgets a key', () => {
    const t = createThrottle({ max: 1, windowMs: 1000 });
    t.fail('k', 0);
    expect(t.retryAfter('k', 1)).toBeGreaterThan(0);
    t.reset('k');
    expect(t.retryAfter('k', 1)).toBe(0);
  });
});
