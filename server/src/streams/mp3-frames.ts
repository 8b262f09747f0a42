// Splits an MP3 byte stream (an encoder's stdout, cut anywhere) into whole MPEG audio Layer III frames, so every
// listener starts on a frame boundary. Bytes that are not a frame (an ID3 tag, garbage) are skipped.

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length in bytes of the Layer III frame whose header starts at `at`, or 0 when there is none. */
export function frameLength(buf: Buffer, at: number): number {
  if (at + 4 > buf.length) return 0;
  const b1 = buf[at + 1]!;
  if (buf[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return 0;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 reserved
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return 0; // Layer III only
  const b2 = buf[at + 2]!;
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[b2 >> 4];
  const rate = RATES[version]![(b2 >> 2) & 3];
  if (!kbps || !rate) return 0;
  const padding = (b2 >> 1) & 1;
  return Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / rate) + padding;
}

/** Length of an ID3v2 tag starting at `at` (header + syncsafe size), or 0. */
function id3Length(buf: Buffer, at: number): number {
  if (at + 10 > buf.length || buf.toString('latin1', at, at + 3) !== 'ID3') return 0;
  const size = ((buf[at + 6]! & 0x7f) << 21) | ((buf[at + 7]! & 0x7f) << 14) | ((buf[at + 8]! & 0x7f) << 7) | (buf[at + 9]! & 0x7f);
  return 10 + size;
}

/** A stateful splitter: push() bytes as they come, get back the whole frames completed so far. */
export function createFrameSplitter() {
  let pending = Buffer.alloc(0);
  return {
    push(chunk: Buffer): Buffer[] {
      const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      const frames: Buffer[] = [];
      let at = 0;
      while (at + 4 <= buf.length) {
        const tag = id3Length(buf, at);
        if (tag) {
          if (at + tag > buf.length) break;
          at += tag;
          continue;
        }
        const len = frameLength(buf, at);
        if (!len) {
          at++;
          continue;
        }
        if (at + len > buf.length) break;
        frames.push(buf.subarray(at, at + len));
        at += len;
      }
      pending = Buffer.from(buf.subarray(at));
      return frames;
    },
    /** Forget a partial frame (the encoder restarted: its next bytes start a new stream). */
    reset() {
      pending = Buffer.alloc(0);
    },
  };
}
