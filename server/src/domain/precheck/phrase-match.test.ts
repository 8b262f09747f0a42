import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text';
import { findPhrases, type PhrasePattern } from './phrase-match';

const NHAT: PhrasePattern[] = [{ phrase: 'tốt nhất' }, { phrase: 'nhất', requireDiacritics: true }];

function matched(text: string, patterns: PhrasePattern[]): string[] {
  return findPhrases(text, patterns).map((m) => text.slice(m.start, m.end));
}

describe('findPhrases', () => {
  it('matches in any case and without diacritics', () => {
    expect(matched('Giá TỐT NHẤT', NHAT)).toEqual(['TỐT NHẤT']);
    expect(matched('gia tot nhat', NHAT)).toEqual(['tot nhat']);
  });

  it('prefers the longest of overlapping matches', () => {
    expect(findPhrases('tốt nhất', NHAT)).toEqual([{ phrase: 'tốt nhất', start: 0, end: 8 }]);
  });

  it('does not match inside a longer word', () => {
    expect(matched('nhấtđịnh là nhấtnhất', NHAT)).toEqual([]);
  });

  it('does not take a word with other marks for the phrase', () => {
    expect(matched('nhặt rau, vị nhạt, Chủ nhật', NHAT)).toEqual([]);
  });

  it('needs the marks when the pattern asks for them', () => {
    expect(matched('hang nhat', NHAT)).toEqual([]);
    expect(matched('hàng nhất', NHAT)).toEqual(['nhất']);
  });

  it('gives spans in the original text for NFD input', () => {
    const nfd = 'Giá tốt nhất!'.normalize('NFD');
    const [m] = findPhrases(nfd, NHAT);
    expect(m).toBeDefined();
    expect(nfd.slice(m?.start, m?.end).normalize('NFC')).toBe('tốt nhất');
    expect(nfd.slice(m?.end)).toBe('!');
  });

  it('treats old and new tone placement as the same word', () => {
    expect(matched('ma tuý', [{ phrase: 'ma túy' }])).toEqual(['ma tuý']);
  });

  it('matches across any run of whitespace', () => {
    expect(matched('tốt\n  nhất', NHAT)).toEqual(['tốt\n  nhất']);
  });

  it('does not let a phrase ending in a digit match a longer number', () => {
    const so1 = [{ phrase: 'số 1' }];
    expect(matched('số 10, số 1,5 và số 1.000', so1)).toEqual([]);
    expect(matched('Số 1 Việt Nam', so1)).toEqual(['Số 1']);
  });

  it('honours the words before and after that cancel a match', () => {
    const p: PhrasePattern[] = [{ phrase: 'nhất', notAfter: /thong\s+$/, notBefore: /^\s+dinh(?![\p{L}])/u }];
    expect(matched('thống nhất, nhất định, nhất', p)).toEqual(['nhất']);
  });
});

describe('findPhrases (property)', () => {
  const PHRASES: PhrasePattern[] = [{ phrase: 'tốt nhất' }, { phrase: 'duy nhất' }, { phrase: 'số một' }, { phrase: 'hàng đầu' }];
  const filler = fc
    .array(fc.constantFrom('giá', 'bà con', 'cho', 'Cửa hàng', '!', ',', '(', ')', '“', '”', '50%', 'nhặt', 'ĐẸP'), { maxLength: 5 })
    .map((parts) => parts.join(' '));

  it('finds an inserted phrase in any case and normalisation form, with a span that covers it', () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom(...PHRASES),
        fc.constantFrom('lower', 'upper', 'bare') as fc.Arbitrary<'lower' | 'upper' | 'bare'>,
        fc.constantFrom('NFC', 'NFD') as fc.Arbitrary<'NFC' | 'NFD'>,
        filler,
        (before, pattern, style, form, after) => {
          const written =
            style === 'upper' ? pattern.phrase.toUpperCase() : style === 'bare' ? foldVietnamese(pattern.phrase) : pattern.phrase;
          const prefix = `${before} `.normalize(form);
          const text = `${prefix}${written} ${after}`.normalize(form);
          const start = prefix.length;
          const end = start + written.normalize(form).length;
          const found = findPhrases(text, PHRASES);
          expect(found.some((m) => m.start <= start && m.end >= end)).toBe(true);
          for (const m of found) expect(m.end).toBeGreaterThan(m.start);
        },
      ),
    );
  });
});
