import { describe, expect, it } from 'vitest';
import { createFrameSplitter, frameLength } from './mp3-frames';

/** A fake Layer III frame: MPEG-1, 64 kbps, 44.1 kHz, padding bit as given (208 or 209 bytes). */
const frame = (padding: 0 | 1, fill: number) => {
  const b = Buffer.alloc(208 + padding, fill);
  b[0] = 0xff;
  b[1] = 0xfb;
  b[2] = 0x50 | (padding << 1);
  b[3] = 0xc4;
  return b;
};

describe('frameLength', () => {
  it('reads MPEG-1 Layer III headers with and without padding, and refuses other bytes', () => {
    expect(frameLength(frame(0, 1), 0)).toBe(208);
    expect(frameLength(frame(1, 1), 0)).toBe(209);
    expect(frameLength(Buffer.from([0xff, 0xfd, 0x50, 0xc4]), 0)).toBe(0); // Layer II
    expect(frameLength(Buffer.from([0x00, 0xfb, 0x50, 0xc4]), 0)).toBe(0);
    expect(frameLength(Buffer.from([0xff, 0xfb, 0xf0, 0xc4]), 0)).toBe(0); // bad bitrate index
  });
});

describe('createFrameSplitter', () => {
  it('gives whole frames however the bytes are cut, skipping an ID3 tag and garbage', () => {
    const id3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 5]), Buffer.alloc(5, 0x41)]);
    const frames = [frame(0, 1), frame(1, 2), frame(0, 3)];
    const stream = Buffer.concat([id3, Buffer.from([1, 2, 3]), ...frames]);
    const s = createFrameSplitter();
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 37) out.push(...s.push(stream.subarray(i, i + 37)));
    expect(out.map((f) => f.length)).toEqual([208, 209, 208]);
    expect(out.map((f) => f[5])).toEqual([1, 2, 3]);
    // A partial frame waits for its end.
    expect(s.push(frame(0, 4).subarray(0, 100))).toEqual([]);
    expect(s.push(frame(0, 4).subarray(100)).map((f) => f.length)).toEqual([208]);
  });
});
