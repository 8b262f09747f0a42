// Run-length knobs shared by the fuzz tests: FUZZ_RUNS scales the number of inputs, FUZZ_SEED replays a run.

const int = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);

/** Multiplier over each test's default input count (FUZZ_RUNS=10 tries ten times as many). */
export const FUZZ_RUNS = Math.max(1, int(process.env.FUZZ_RUNS, 1));
/** The seed of this run; printed in every summary so that a failure can be replayed with FUZZ_SEED=<seed>. */
export const FUZZ_SEED = int(process.env.FUZZ_SEED, Math.floor(Math.random() * 2 ** 31));

/** A seed per test, derived from the run seed and a name, so that adding a route does not shift the others. */
export function seedFor(name: string): number {
  let h = FUZZ_SEED ^ 0x9e3779b9;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Counters every fuzz test prints and asserts on. */
export type FuzzStats = {
  tried: number;
  validSkipped: number;
  fiveXx: number;
  crashes: number;
  /** Refused requests after which the database or the data directory differed. */
  changed: number;
  /** Refusals that were not problem+json (HTTP) or not an error.v1 / clean close (WebSocket). */
  badAnswers: number;
  /** Inputs invalid by construction that the server accepted. */
  acceptedInvalid: number;
  samples: string[];
};

export const newStats = (): FuzzStats => ({ tried: 0, validSkipped: 0, fiveXx: 0, crashes: 0, changed: 0, badAnswers: 0, acceptedInvalid: 0, samples: [] });

export function addStats(into: FuzzStats, s: FuzzStats) {
  for (const k of ['tried', 'validSkipped', 'fiveXx', 'crashes', 'changed', 'badAnswers', 'acceptedInvalid'] as const) into[k] += s[k];
  into.samples.push(...s.samples.slice(0, 20 - into.samples.length));
}

export const summary = (name: string, s: FuzzStats) =>
  `[fuzz] ${name}: inputs tried ${s.tried}, valid-skipped ${s.validSkipped}, 5xx ${s.fiveXx}, crashes ${s.crashes}, ` +
  `state changed on refusal ${s.changed}, bad answers ${s.badAnswers}, invalid accepted ${s.acceptedInvalid} (seed ${FUZZ_SEED})`;

/** Records a failure sample (the first few are kept for the assertion message). */
export function note(s: FuzzStats, line: string) {
  if (s.samples.length < 20) s.samples.push(line.slice(0, 600));
}

/** Counts errors that escape every handler (an unhandled rejection or exception is a crash in production). */
export function watchCrashes(s: { crashes: number; samples: string[] }) {
  const onError = (err: unknown) => {
    s.crashes++;
    if (s.samples.length < 20) s.samples.push(`crash: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 600));
  };
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return () => {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  };
}
