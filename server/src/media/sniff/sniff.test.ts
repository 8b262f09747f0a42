import { describe, expect, it } from 'vitest';
import { sniffBytes } from './sniff';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const pad = (b: Uint8Array, length = 64): Uint8Array => {
  const out = new Uint8Array(Math.max(length, b.length));
  out.set(b);
  return out;
};

describe('sniffBytes', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['webp', bytes('RIFF', [1, 0, 0, 0], 'WEBPVP8 ')],
    ['wav', bytes('RIFF', [1, 0, 0, 0], 'WAVEfmt ')],
    ['mp4', bytes([0, 0, 0, 0x1c], 'ftypisom')],
    ['mp4', bytes([0, 0, 0, 0x1c], 'ftypmp42')],
    ['m4a', bytes([0, 0, 0, 0x18], 'ftypM4A ')],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm')],
    ['ogg', bytes('OggS', [0, 2], new Array(22).fill(0), 'OpusHead')],
    ['ogg', bytes('OggS', [0, 2], new Array(22).fill(0), [1], 'vorbis')],
    ['mp3', bytes('ID3', [4, 0])],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['aac', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['pdf', bytes('%PDF-1.7')],
  ])('recognises %s by its magic bytes', (format, head) => {
    expect(sniffBytes(pad(head))).toEqual({ supported: true, format });
  });

  it.each([
    ['zip', bytes('PK', [3, 4, 20, 0])],
    ['gif', bytes('GIF89a')],
    ['mkv', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska')],
    ['mov', bytes([0, 0, 0, 0x14], 'ftypqt  ')],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['avi', bytes('RIFF', [1, 0, 0, 0], 'AVI LIST')],
    ['flac', bytes('fLaC')],
    ['mp2', bytes([0xff, 0xfd, 0x90, 0x64])],
    ['rar', bytes('Rar!', [0x1a, 0x07, 0x00])],
    ['executable', bytes('MZ', [0x90, 0])],
    ['svg', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">')],
    ['unknown', bytes('hello, this is text')],
    ['unknown', new Uint8Array(0)],
  ])('refuses %s with a bilingual reason', (format, head) => {
    const result = sniffBytes(pad(head));
    expect(result).toMatchObject({ supported: false, format });
    if (!result.supported) {
      expect(result.reason.vi.length).toBeGreaterThan(10);
      expect(result.reason.en.length).toBeGreaterThan(10);
    }
  });
});
