// The player's clock: the local clock corrected by the offset to the server's (`time.v1`), plus the timer
// functions, behind one interface so tests drive a whole simulated day with a fake clock.

export type TimerHandle = unknown;

export interface Clock {
  /** Corrected epoch milliseconds (server time as best known). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface OffsetClock extends Clock {
  /** Server minus local, ms. */
  offset(): number;
  /** Adopt a server reading taken at local time `localNow`; returns the change of offset in ms. */
  syncTo(serverNow: number, localNow?: number): number;
}

/** Corrects `Date.now()` by a server offset; starts from a remembered offset so an offline restart keeps it. */
export function createOffsetClock(initialOffset = 0, localNow: () => number = Date.now): OffsetClock {
  let offset = Number.isFinite(initialOffset) ? initialOffset : 0;
  return {
    now: () => localNow() + offset,
    offset: () => offset,
    syncTo(serverNow, at = localNow()) {
      const next = serverNow - at;
      const change = next - offset;
      offset = next;
      return change;
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}
