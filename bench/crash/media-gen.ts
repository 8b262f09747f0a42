// Real media files made on the fly for the crash test: the server checks uploads by their content, so they
// must decode. PNGs of random pixels (incompressible, so a 1200×1000 picture is ~3.6 MB on the wire, and
// every one is new bytes) through sharp, and 16-bit PCM WAVs written by hand (a tone plus a little noise).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import sharp from 'sharp';

export type GeneratedFile = { bytes: Buffer; name: string; sha256: string; kind: 'image' | 'audio' };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Picture sizes, weighted towards small ones; the large ones take long enough on the wire for a kill to land mid-upload. */
const PNG_SIZES: readonly (readonly [number, number])[] = [
  [64, 48],
  [160, 120],
  [320, 240],
  [640, 480],
  [1200, 1000],
  [1800, 1400],
];

export async function makePng(sizeIndex = randomInt(PNG_SIZES.length)): Promise<GeneratedFile> {
  const [width, height] = PNG_SIZES[Math.min(sizeIndex, PNG_SIZES.length - 1)]!;
  const raw = randomBytes(width * height * 3);
  const bytes = await sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  return { bytes, name: `anh-${width}x${height}-${randomBytes(3).toString('hex')}.png`, sha256: sha256(bytes), kind: 'image' };
}

/** A mono 16-bit PCM WAV: a sine at a random pitch with noise, so each file is different bytes. */
export function makeWav(seconds = 1 + randomInt(12), rate = 22_050): GeneratedFile {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  const freq = 220 + randomInt(660);
  const noise = randomBytes(samples);
  for (let i = 0; i < samples; i++) {
    const v = 0.4 * Math.sin((2 * Math.PI * freq * i) / rate) + ((noise[i]! - 128) / 128) * 0.05;
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), i * 2);
  }
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVE', 8, 'ascii');
  head.write('fmt ', 12, 'ascii');
  head.writeUInt32LE(16, 16); // fmt chunk size
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28); // byte rate
  head.writeUInt16LE(2, 32); // block align
  head.writeUInt16LE(16, 34); // bits per sample
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(data.length, 40);
  const bytes = Buffer.concat([head, data]);
  return { bytes, name: `am-thanh-${seconds}s-${randomBytes(3).toString('hex')}.wav`, sha256: sha256(bytes), kind: 'audio' };
}
