// Admission pacing for device upgrades: when 10,000 players reconnect at once (after a server restart or a
// network cut), at most `concurrent` of them are being let in at any moment (token check, handshake, and the
// connect sequence's presence, timeline and alerts), and the others wait their turn in line, their upgrade
// request not yet answered. Only when the line is full does a player get 503 + Retry-After.
// Waiting beats a refusal: a browser sees a refused upgrade only as one more failed attempt, which doubles
// its jittered backoff (up to 60 s) and stretches the storm, while the line costs the server one idle socket.
// A bounded number of connect sequences also bounds the database queue that staff requests wait behind.
// The clock is a parameter.
export type Admission = {
  /** A turn: resolves when this upgrade may go on, with `done` to call once it is in (or gave up). Null when the line is full. */
  enter(): Promise<() => void> | null;
  /** When to come back after a refusal: the time the line ahead takes at the recent pace, in ms. */
  retryAfterMs(): number;
  /** Upgrades being let in now, and waiting. */
  load(): { active: number; waiting: number };
};

export function createAdmission(opts: { concurrent: number; maxWaiting: number; clock: () => number }): Admission {
  let active = 0;
  const line: (() => void)[] = [];
  /** Moving average of how long one turn takes (ms). */
  let turnMs = 20;

  const begin = () => {
    active++;
    const started = opts.clock();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      turnMs = 0.9 * turnMs + 0.1 * Math.max(0, opts.clock() - started);
      active--;
      line.shift()?.();
    };
  };

  return {
    enter() {
      if (active < opts.concurrent && line.length === 0) return Promise.resolve(begin());
      if (line.length >= opts.maxWaiting) return null;
      return new Promise((resolve) => line.push(() => resolve(begin())));
    },
    retryAfterMs: () => Math.ceil(((line.length + 1) * turnMs) / opts.concurrent),
    load: () => ({ active, waiting: line.length }),
  };
}
