// The decoded audio of a live feed as each zone reads it: a new reader starts half a second behind the newest
// sample — also when it asks before the feed has any audio — so a hiccup of the source leaves no hole.
import { describe, expect, it } from 'vitest';
import { createRelayPcm, rmsDbfs } from './relay-pcm';

const RATE = 1000;
const samples = (from: number, n: number) => {
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE((from + i) % 30000, i * 2);
  return b;
};
const firstValue = (b: Buffer) => b.readInt16LE(0);

describe('relay PCM readers', () => {
  it('starts a reader half a second behind the newest sample', () => {
    const pcm = createRelayPcm(RATE);
    pcm.write(samples(0, 2000));
    const out = Buffer.alloc(200);
    expect(pcm.read('zone', out, 1)).toBe(200);
    expect(firstValue(out)).toBe(1500);
  });

  it('waits in silence for a jitter buffer when it asks before the feed has enough audio', () => {
    const pcm = createRelayPcm(RATE);
    const out = Buffer.alloc(200);
    expect(pcm.read('zone', out, 1)).toBe(0);
    pcm.write(samples(0, 300));
    expect(pcm.read('zone', out, 1)).toBe(0);
    pcm.write(samples(300, 300));
    // 600 samples: it starts at 100, half a second behind, and then reads on from there.
    expect(pcm.read('zone', out, 1)).toBe(200);
    expect(firstValue(out)).toBe(100);
    expect(pcm.read('zone', out, 1)).toBe(200);
    expect(firstValue(out)).toBe(200);
  });

  it('duplicates mono into every channel, and measures silence as −∞ dBFS', () => {
    const pcm = createRelayPcm(RATE);
    pcm.write(samples(0, 1000));
    const out = Buffer.alloc(8);
    expect(pcm.read('z', out, 2)).toBe(8);
    expect(out.readInt16LE(0)).toBe(out.readInt16LE(2));
    expect(rmsDbfs(Buffer.alloc(100))).toBe(-Infinity);
  });
});
