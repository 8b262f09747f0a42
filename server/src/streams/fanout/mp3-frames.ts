// Splits an MPEG audio Layer III byte stream (an encoder's stdout) into whole frames, so that a listener who
// joins mid-stream starts on a frame boundary. Bytes before the first sync word (an ID3 tag, garbage) are
// skipped; a partial frame waits for the next chunk.

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The byte length of the Layer III frame whose 4-byte header starts at `i`, or 0 when it is not one. */
export function mp3FrameLength(buf: Buffer, i: number): number {
  if (i + 4 > buf.length) return 0;
  const b1 = buf[i + 1]!;
  const b2 = buf[i + 2]!;
  if (buf[i] !== 0xff || (b1 & 0xe0) !== 0xe0) return 0;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return 0;
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[b2 >> 4];
  const rate = RATES[version]![(b2 >> 2) & 3];
  if (!kbps || !rate) return 0;
  return Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
}

/** A splitter: feed it chunks, it returns the whole frames they complete (concatenated), or null for none. */
export function createMp3FrameSplitter() {
  let rest = Buffer.alloc(0);
  return (chunk: Buffer): Buffer | null => {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = -1;
    let i = 0;
    let end = 0;
    while (i + 4 <= buf.length) {
      const len = mp3FrameLength(buf, i);
      if (len === 0) {
        if (start >= 0) break; // lost sync after good frames: emit those, resync on the next call
        i++;
        continue;
      }
      if (i + len > buf.length) break;
      if (start < 0) start = i;
      i += len;
      end = i;
    }
    if (start < 0) {
      // Keep at most a header's worth of bytes that might start a frame.
      rest = Buffer.from(buf.subarray(Math.max(i, buf.length - 3)));
      return null;
    }
    rest = Buffer.from(buf.subarray(end));
    return buf.subarray(start, end);
  };
}
