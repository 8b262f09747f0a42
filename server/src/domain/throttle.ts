// Sliding-window failure counter used to throttle logins per account and per IP. The clock is a parameter.
export type Throttle = {
  /** Milliseconds to wait before another attempt is allowed, or 0. */
  retryAfter(key: string, now: number): number;
  fail(key: string, now: number): void;
  reset(key: string): void;
};

export function createThrottle(opts: { max: number; windowMs: number; maxKeys?: number }): Throttle {
  const hits = new Map<string, number[]>();
  const prune = (key: string, now: number) => {
    const list = (hits.get(key) ?? []).filter((t) => now - t < opts.windowMs);
    if (list.length) hits.set(key, list);
    else hits.delete(key);
    return list;
  };
  return {
    retryAfter(key, now) {
      const list = prune(key, now);
      if (list.length < opts.max) return 0;
      return opts.windowMs - (now - list[list.length - opts.max]!);
    },
    fail(key, now) {
      const list = prune(key, now);
      list.push(now);
      hits.set(key, list);
      // Bound memory under a spray of distinct keys: forget the oldest keys first.
      if (hits.size > (opts.maxKeys ?? 50_000)) hits.delete(hits.keys().next().value as string);
    },
    reset(key) {
      hits.delete(key);
    },
  };
}
