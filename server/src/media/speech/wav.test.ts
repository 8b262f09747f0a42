import { describe, expect, it } from 'vitest';
import { parseWav, peakAmplitude } from './wav';

/** A 16-bit PCM WAV with the given samples, optionally with an extra chunk before "data". */
function wavOf(samples: number[], { sampleRate = 22050, extraChunk = false } = {}): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(1, 10);
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * 2, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const list = Buffer.from('LIST\x03\x00\x00\x00abc\x00', 'latin1');
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE'), fmt, ...(extraChunk ? [list] : []), dataHeader, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('parseWav', () => {
  it('reads format and duration of a PCM WAV', () => {
    const info = parseWav(wavOf(new Array(22050).fill(0)));
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16, dataOffset: 44, dataBytes: 44100 });
    expect(info.durationMs).toBe(1000);
  });

  it('skips chunks it does not know, with odd sizes padded', () => {
    const info = parseWav(wavOf(new Array(11025).fill(0), { extraChunk: true }));
    expect(info.durationMs).toBe(500);
    expect(info.dataOffset).toBe(44 + 12);
  });

  it('clamps a data size that claims more bytes than the file holds', () => {
    const wav = wavOf(new Array(100).fill(0));
    wav.writeUInt32LE(1_000_000, 40);
    expect(parseWav(wav).dataBytes).toBe(200);
  });

  it('rejects a buffer that is not RIFF/WAVE', () => {
    expect(() => parseWav(Buffer.from('ID3\x04 not a wav file'))).toThrow(/not a RIFF\/WAVE/);
  });

  it('rejects a WAV without a data chunk', () => {
    expect(() => parseWav(wavOf([]).subarray(0, 36))).toThrow(/no data chunk/);
  });
});

describe('peakAmplitude', () => {
  it('is zero for silence and the largest magnitude otherwise', () => {
    const silent = wavOf([0, 0, 0]);
    expect(peakAmplitude(silent, parseWav(silent))).toBe(0);
    const loud = wavOf([10, -3000, 200]);
    expect(peakAmplitude(loud, parseWav(loud))).toBe(3000);
  });
});
