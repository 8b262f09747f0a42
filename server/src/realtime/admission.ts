// Admission pacing for device upgrades: a token bucket, so that 10,000 players reconnecting at once (after a
// server restart or a network cut) are let in at a bounded rate; the rest get 503 + Retry-After and retry
// with full jitter. The clock is a parameter.
export type Admission = {
  /** 0 when admitted now; otherwise how many ms to wait. */
  take(now: number): number;
};

export function createAdmission(opts: { ratePerSec: number; burst: number }): Admission {
  let tokens = opts.burst;
  let last: number | null = null;
  return {
    take(now) {
      if (last !== null) tokens = Math.min(opts.burst, tokens + ((now - last) / 1000) * opts.ratePerSec);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / opts.ratePerSec) * 1000);
    },
  };
}
