import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldWithOffsets, hasVietnameseDiacritics } from './fold';

describe('foldVietnamese', () => {
  it('strips tone and vowel marks and maps đ to d', () => {
    expect(foldVietnamese('Ủy ban nhân dân Đống Đa')).toBe('Uy ban nhan dan Dong Da');
    expect(foldVietnamese('ắ ằ ẳ ẵ ặ ơ ư ỹ đ')).toBe('a a a a a o u y d');
  });

  it('lower-cases when asked', () => {
    expect(foldVietnamese('TỐT NHẤT', { lowerCase: true })).toBe('tot nhat');
  });

  it('folds NFD (combining marks) and NFC text to the same result', () => {
    const nfc = 'Số một Việt Nam'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(nfc.length);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('leaves characters outside Vietnamese alone, including emoji', () => {
    expect(foldVietnamese('abc 123 😀')).toBe('abc 123 😀');
  });
});

describe('foldWithOffsets', () => {
  it('keeps offsets identical for precomposed (NFC) text', () => {
    const { text, toOriginal } = foldWithOffsets('giá rẻ nhất');
    expect(text).toBe('gia re nhat');
    expect(toOriginal).toEqual([...Array.from({ length: 11 }, (_, i) => i), 11]);
  });

  it('maps a folded span back over the combining marks of NFD text', () => {
    const original = 'rẻ nhất!'.normalize('NFD');
    const { text, toOriginal } = foldWithOffsets(original);
    const start = text.indexOf('nhat');
    const span = original.slice(toOriginal[start], toOriginal[start + 4]);
    expect(span.normalize('NFC')).toBe('nhất');
    expect(original.slice(toOriginal[start + 4])).toBe('!');
  });
});

describe('hasVietnameseDiacritics', () => {
  it('is true for marked text in NFC and NFD, false for bare ASCII', () => {
    expect(hasVietnameseDiacritics('Xin chào')).toBe(true);
    expect(hasVietnameseDiacritics('Xin chào'.normalize('NFD'))).toBe(true);
    expect(hasVietnameseDiacritics('đi')).toBe(true);
    expect(hasVietnameseDiacritics('Xin chao ba con')).toBe(false);
  });
});

describe('foldWithOffsets (property)', () => {
  const vietnameseText = fc
    .array(fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐƠƯ áàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ.,!()“”'.split('')), { maxLength: 40 })
    .map((chars) => chars.join(''));

  it('maps every folded span back to an original slice that folds to the same text, in NFC and NFD', () => {
    fc.assert(
      fc.property(vietnameseText, fc.boolean(), fc.nat(), fc.nat(), (text, nfd, a, b) => {
        const original = text.normalize(nfd ? 'NFD' : 'NFC');
        const { text: folded, toOriginal } = foldWithOffsets(original, { lowerCase: true });
        expect(toOriginal).toHaveLength(folded.length + 1);
        const s = a % (folded.length + 1);
        const e = s + (b % (folded.length - s + 1));
        const slice = original.slice(toOriginal[s], toOriginal[e]);
        expect(foldVietnamese(slice, { lowerCase: true })).toBe(folded.slice(s, e));
      }),
    );
  });
});
