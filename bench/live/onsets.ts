// Beep onsets, the same way in Node as in the browser (taps.ts runs this algorithm in an AudioWorklet): blocks
// of 128 samples; after at least QUIET_MS of blocks below LOW, the first block whose RMS passes HIGH within RISE_MS
// of rising above LOW marks a beep, whose onset is its first sample ≥ PEAK (looked for from the block before); the beep's frequency is the strongest of the bench's FREQS (Goertzel over 40 ms
// starting 10 ms after the onset), kept only when that frequency holds most of the window's energy (`purity`,
// 1 for a pure sine), so the attention tone and codec artefacts are not taken for beeps.

/** The beep train: 150 ms beeps every PERIOD_MS, cycling through these frequencies (never the attention tone's 784/988 Hz). */
export const FREQS = [500, 1250, 1700, 2300] as const;
export const PERIOD_MS = 1000;
export const BEEP_MS = 150;
export const BEEP_AMPLITUDE = 0.3;
/** A beep and the last one of the same frequency are this far apart: a latency must stay below it to pair. */
export const PATTERN_MS = FREQS.length * PERIOD_MS;

export const DETECT = { high: 0.02, low: 0.008, peak: 0.03, quietMs: 300, riseMs: 20, skipMs: 10, windowMs: 40, minPurity: 0.5 } as const;
export const BLOCK = 128;

export type Onset = { at: number; hz: number; purity: number };

export function goertzel(x: ArrayLike<number>, from: number, to: number, hz: number, rate: number): number {
  const k = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = x[i]! + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const n = Math.max(1, to - from);
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n);
}

/** Which of FREQS a window holds, and how purely (2·Goertzel power / mean square: 1 for a pure sine). */
export function classify(x: ArrayLike<number>, from: number, to: number, rate: number): { hz: number; purity: number } {
  let sq = 0;
  for (let i = from; i < to; i++) sq += x[i]! * x[i]!;
  const ms = sq / Math.max(1, to - from);
  let best: number = FREQS[0];
  let bestP = -1;
  for (const hz of FREQS) {
    const p = goertzel(x, from, to, hz, rate);
    if (p > bestP) {
      bestP = p;
      best = hz;
    }
  }
  return { hz: best, purity: ms > 0 ? (2 * bestP) / ms : 0 };
}

/**
 * Streaming onset detector over float samples (−1…1). `push` takes samples and, for each, the time it became
 * available (a chunk's arrival time, or null to report sample indexes instead).
 */
export function createOnsetDetector(rate: number) {
  const quietNeed = Math.round((DETECT.quietMs * rate) / 1000);
  const skip = Math.round((DETECT.skipMs * rate) / 1000);
  const len = Math.round((DETECT.windowMs * rate) / 1000);
  const RISE_MAX = Math.round((DETECT.riseMs * rate) / 1000);
  let quiet = 0;
  let block: number[] = [];
  let blockStart = 0; // sample index of block[0]
  let blockAt = 0; // availability time of the block's first sample
  let index = 0;
  let cap: { at: number; sample: number; buf: Float32Array; filled: number } | null = null;
  const found: (Onset & { sample: number })[] = [];

  const feed = (b: number[], from: number) => {
    const c = cap!;
    const k = Math.min(b.length - from, c.buf.length - c.filled);
    for (let i = 0; i < k; i++) c.buf[c.filled + i] = b[from + i]!;
    c.filled += k;
    if (c.filled === c.buf.length) {
      const { hz, purity } = classify(c.buf, skip, skip + len, rate);
      if (purity >= DETECT.minPurity) found.push({ at: c.at, sample: c.sample, hz, purity });
      cap = null;
    }
  };
  let armed = false;
  let rising = 0;
  let prev: { b: number[]; start: number; at: number } | null = null;
  const processBlock = (b: number[], at: number) => {
    let sq = 0;
    for (const v of b) sq += v * v;
    const rms = Math.sqrt(sq / b.length);
    if (cap) feed(b, 0);
    if (!cap && armed && rms > DETECT.high) {
      armed = false;
      // The beep may have begun in the block before (it rose above LOW there): look for its first peak from there.
      const from = rising > 0 && prev ? prev : null;
      let i = from ? from.b.findIndex((v) => Math.abs(v) >= DETECT.peak) : -1;
      if (from && i >= 0) {
        cap = { at: from.at, sample: from.start + i, buf: new Float32Array(skip + len), filled: 0 };
        feed(from.b, i);
        if (cap) feed(b, 0);
      } else {
        i = b.findIndex((v) => Math.abs(v) >= DETECT.peak);
        if (i < 0) i = 0;
        cap = { at, sample: blockStart + i, buf: new Float32Array(skip + len), filled: 0 };
        feed(b, i);
      }
    }
    if (rms < DETECT.low) {
      quiet += b.length;
      rising = 0;
      if (quiet >= quietNeed) armed = true;
    } else {
      quiet = 0;
      rising += b.length;
      // Not a beep's edge: a slow swell (or noise) does not count as one later.
      if (rising > RISE_MAX) armed = false;
    }
    prev = { b, start: blockStart, at };
  };

  return {
    onsets: found,
    /** Samples, all available at `at` (ms); with at = null the onset's `at` is its sample index. */
    push(samples: ArrayLike<number>, at: number | null) {
      for (let i = 0; i < samples.length; i++) {
        if (block.length === 0) {
          blockStart = index;
          blockAt = at ?? index;
        }
        block.push(samples[i]!);
        index++;
        if (block.length === BLOCK) {
          // A block straddling two chunks is available when its last sample is.
          processBlock(block, at === null ? blockStart : Math.max(blockAt, at));
          block = [];
        }
      }
    },
  };
}

/** s16le bytes → floats, keeping an odd trailing byte for the next chunk. */
export function s16Reader() {
  let rest: Buffer = Buffer.alloc(0);
  return (chunk: Buffer): Float32Array => {
    const b = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const n = b.length >> 1;
    rest = b.subarray(n * 2);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = b.readInt16LE(i * 2) / 32768;
    return out;
  };
}

/**
 * Pairs each output onset with the latest input onset of the same frequency before it (each input used once),
 * within PATTERN_MS − 300 ms; answers the latencies (ms) and how many output onsets found no partner.
 */
export function pairOnsets(input: Onset[], output: Onset[]): { latencies: number[]; unpaired: number; pairs: [Onset, Onset][] } {
  const used = new Set<Onset>();
  const latencies: number[] = [];
  const pairs: [Onset, Onset][] = [];
  let unpaired = 0;
  for (const o of [...output].sort((a, b) => a.at - b.at)) {
    let best: Onset | null = null;
    for (const i of input) if (i.hz === o.hz && i.at < o.at && o.at - i.at < PATTERN_MS - 300 && (!best || i.at > best.at)) best = i;
    if (!best || used.has(best)) {
      unpaired++;
      continue;
    }
    used.add(best);
    latencies.push(o.at - best.at);
    pairs.push([best, o]);
  }
  return { latencies, unpaired, pairs };
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
