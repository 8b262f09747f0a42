// The PCM feeder of one zone: paced by the clock, it writes ~100 ms chunks of s16le to the encoder, never more
// than a few hundred ms ahead of real time (so an alert cuts in fast), taking each sample from what the zone's
// programme says plays at that instant, at the zone's volume. It reports as-run spans as they end.
import type { AsRunSpan } from '../source';
import type { PcmCache, PcmFormat } from './pcm-cache';
import type { Slot } from './program';

export const CHUNK_MS = 100;
/** How far ahead of the clock the encoder input may run. */
export const LEAD_MS = 250;
/** Further behind than this (a stalled event loop, a suspended machine), the feeder jumps to now. */
const MAX_LAG_MS = 2000;
const TICK_MS = 40;

type Span = Omit<AsRunSpan, 'zoneId' | 'endMs'> & { key: string };

export function startFeeder(opts: {
  format: PcmFormat;
  clock: () => number;
  volume: () => number;
  slotAt: (t: number) => Slot;
  pcm: Pick<PcmCache, 'read'>;
  /** The audio of a live feed (relay) now, or null when it is not on air; `reader` keeps this zone's place. */
  live?: (feed: string) => { read(reader: string, out: Buffer, channels: number): number } | null;
  /** This feeder's name as a reader of live feeds. */
  reader?: string;
  write: (pcm: Buffer) => void;
  onSpan: (span: Omit<AsRunSpan, 'zoneId'>) => void;
  onSlot?: (slot: Slot) => void;
}) {
  const { rate, channels } = opts.format;
  const frameBytes = 2 * channels;
  let origin = opts.clock();
  let written = 0; // samples since origin
  let span: Span | null = null;
  const at = (samples: number) => origin + (samples * 1000) / rate;

  const close = (end: number) => {
    if (span) {
      const { key: _key, ...rest } = span;
      opts.onSpan({ ...rest, endMs: Math.round(end) });
    }
    span = null;
  };

  const fill = (out: Buffer, from: number, slot: Slot) => {
    const n = out.length;
    if (slot.live) {
      const got = opts.live?.(slot.live)?.read(opts.reader ?? 'zone', out, channels) ?? 0;
      out.fill(0, got);
      const gain = Math.max(0, Math.min(100, opts.volume())) / 100;
      if (gain < 1) for (let i = 0; i + 1 < got; i += 2) out.writeInt16LE(Math.round(out.readInt16LE(i) * gain), i);
    } else if (slot.sha) {
      const offset = Math.round((slot.offsetMs * rate) / 1000) * frameBytes;
      const got = opts.pcm.read(slot.sha, opts.format, offset, out);
      out.fill(0, got);
      const gain = Math.max(0, Math.min(100, opts.volume())) / 100;
      if (gain < 1) for (let i = 0; i + 1 < n; i += 2) out.writeInt16LE(Math.round(out.readInt16LE(i) * gain), i);
    } else out.fill(0);
    if (!span || span.key !== slot.key) {
      close(from);
      span = { key: slot.key, contentId: slot.contentId, title: slot.title, startMs: Math.round(from), reason: slot.reason };
      opts.onSlot?.(slot);
    }
  };

  /** Produces samples [written, written + count) and returns their PCM. */
  const produce = (count: number): Buffer => {
    const chunk = Buffer.alloc(count * frameBytes);
    let done = 0;
    while (done < count) {
      const t = at(written + done);
      const slot = opts.slotAt(t);
      const untilSamples = Math.ceil(((slot.untilMs - origin) * rate) / 1000) - (written + done);
      const n = Math.max(1, Math.min(count - done, untilSamples));
      fill(chunk.subarray(done * frameBytes, (done + n) * frameBytes), t, slot);
      done += n;
    }
    written += count;
    return chunk;
  };

  const tick = () => {
    const now = opts.clock();
    if (now - at(written) > MAX_LAG_MS) {
      close(at(written));
      origin = now;
      written = 0;
    }
    const perChunk = Math.round((CHUNK_MS * rate) / 1000);
    while (at(written) < now + LEAD_MS) opts.write(produce(perChunk));
  };
  tick();
  const timer = setInterval(tick, TICK_MS);

  return {
    /** The zone time up to which PCM has been written. */
    position: () => at(written),
    /** Stops feeding and reports the span on air as ended now. */
    stop() {
      clearInterval(timer);
      close(Math.min(at(written), opts.clock()));
    },
  };
}
