// Reconnect delays: exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"). Full jitter spreads a whole ward's screens over the window after a server restart, instead of
// every device knocking at the same instants. Pure: the random source is a parameter.

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/** Upper bound of the wait before attempt `attempt` (0-based): min(cap, base * 2^attempt). */
export function backoffCeiling(attempt: number, { baseMs = 1000, capMs = 60_000 }: BackoffOptions = {}): number {
  const exp = Math.min(attempt, 30); // 2^30 s is far past any cap; avoids Infinity
  return Math.min(capMs, baseMs * 2 ** exp);
}

/** Full jitter: a uniformly random wait in [0, ceiling). `random` returns [0, 1) like Math.random. */
export function fullJitterDelay(attempt: number, random: () => number = Math.random, opts?: BackoffOptions): number {
  return Math.floor(random() * backoffCeiling(attempt, opts));
}
