// A deterministic clock for tests: timers fire in time order when the test advances time, so a simulated
// 24 h of play runs in milliseconds. Also counts live timers, so tests can check nothing accumulates.
import type { Clock, TimerHandle } from '../lib/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export interface FakeClock extends Clock {
  advance(ms: number): void;
  advanceTo(t: number): void;
  /** Timers armed and not yet fired or cleared. */
  pending(): number;
  set(t: number): void;
}

export function createFakeClock(start: number): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const due = (limit: number): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers.values()) if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    return best;
  };
  const clock: FakeClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(h: TimerHandle) {
      timers.delete(h as number);
    },
    advanceTo(t) {
      for (let guard = 0; guard < 10_000_000; guard++) {
        const next = due(t);
        if (!next) break;
        timers.delete(next.id);
        now = Math.max(now, next.at);
        next.fn();
      }
      now = Math.max(now, t);
    },
    advance: (ms) => clock.advanceTo(now + ms),
    pending: () => timers.size,
    set(t) {
      now = t;
    },
  };
  return clock;
}
