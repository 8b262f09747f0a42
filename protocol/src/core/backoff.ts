// Reconnect delays: exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"). Full jitter spreads a whole ward's screens over the window after a server restart, instead of
// every device knocking at the same instants. Pure: the random source is a parameter. The player and the
// dashboard's live feed reconnect with it; protocol/README.md names it for players written elsewhere.
//
// The ceiling also grows no faster than the outage: it is at most half of how long the server has been
// unreachable (never under `baseMs`). Counting attempts alone, a device that failed four times during a
// 3-second restart would wait up to 16 s more; bounded by the outage it comes back within ~max(1 s, outage/2)
// of the server's return, while a long outage still backs off to the cap.

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** How long the server has been unreachable (since the working connection was lost, or since start). */
  downForMs?: number;
}

/** Upper bound of the wait before attempt `attempt` (0-based): min(cap, base·2^attempt, max(base, downFor/2)). */
export function backoffCeiling(attempt: number, { baseMs = 1000, capMs = 60_000, downForMs }: BackoffOptions = {}): number {
  const exp = Math.max(0, Math.min(attempt, 30)); // 2^30 s is far past any cap; avoids Infinity
  const byOutage = downForMs === undefined ? Infinity : Math.max(baseMs, downForMs / 2);
  return Math.min(capMs, baseMs * 2 ** exp, byOutage);
}

/** Full jitter: a uniformly random wait in [0, ceiling). `random` returns [0, 1) like Math.random. */
export function fullJitterDelay(attempt: number, random: () => number = Math.random, opts?: BackoffOptions): number {
  return Math.floor(random() * backoffCeiling(attempt, opts));
}

/** The same wait from one random draw in [0, 1] (clamped below 1), with positional options. */
export function backoffDelayMs(attempt: number, random: number, baseMs = 1000, capMs = 60_000, downForMs?: number): number {
  const r = Math.max(0, Math.min(random, 0.999999));
  return fullJitterDelay(attempt, () => r, { baseMs, capMs, downForMs });
}
