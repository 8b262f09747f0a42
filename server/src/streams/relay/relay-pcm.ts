// The decoded audio of one relay (mono s16le at the zones' rate), kept for the last few seconds, read by each
// stream zone that plays the relay at its own pace: every reader has its own position, starts a little behind
// the newest sample (a jitter buffer against the network), and jumps forward when it falls too far behind.
/** How much decoded audio is kept. */
const KEEP_SECONDS = 10;
/** A new or re-synced reader starts this far behind the newest sample. */
const JITTER_SECONDS = 0.5;

export function createRelayPcm(rate: number) {
  const cap = rate * KEEP_SECONDS;
  const ring = new Int16Array(cap);
  let total = 0; // samples ever written
  const readers = new Map<string, number>();

  return {
    rate,
    /** Samples written so far (tests, stall detection). */
    written: () => total,
    write(pcm: Buffer) {
      const n = pcm.length >> 1;
      for (let i = 0; i < n; i++) ring[(total + i) % cap] = pcm.readInt16LE(i * 2);
      total += n;
    },
    /**
     * Fills `out` (s16le, `channels` interleaved) with the reader's next samples; answers the bytes filled
     * (the rest is the caller's to silence: the relay is behind, or has not started).
     */
    read(reader: string, out: Buffer, channels: number): number {
      const frames = Math.floor(out.length / (2 * channels));
      let at = readers.get(reader);
      const jitter = Math.round(rate * JITTER_SECONDS);
      if (at === undefined || at < total - cap + rate || at > total) {
        // A reader that would start at the very edge (a feed just begun) waits in silence until there is a jitter
        // buffer's worth of audio, then starts that far behind: reading at the edge leaves holes at every hiccup.
        if (total < jitter) {
          readers.delete(reader);
          return 0;
        }
        at = total - jitter;
      }
      const n = Math.min(frames, total - at);
      for (let i = 0; i < n; i++) {
        const v = ring[(at + i) % cap]!;
        for (let c = 0; c < channels; c++) out.writeInt16LE(v, (i * channels + c) * 2);
      }
      readers.set(reader, at + n);
      return n * channels * 2;
    },
    /** A reader that stops playing the relay starts again from near the newest sample next time. */
    forget: (reader: string) => void readers.delete(reader),
  };
}
export type RelayPcm = ReturnType<typeof createRelayPcm>;

/** Root mean square of s16le samples, in dBFS (−∞ for digital silence). */
export function rmsDbfs(pcm: Buffer): number {
  const n = pcm.length >> 1;
  if (n === 0) return -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = pcm.readInt16LE(i * 2) / 32768;
    sum += v * v;
  }
  return 10 * Math.log10(sum / n);
}
