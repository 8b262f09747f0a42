import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecimal, readDigits, readInteger } from './number-words';

describe('readInteger', () => {
  it.each([
    ['0', 'không'],
    ['7', 'bảy'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['14', 'mười bốn'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['105', 'một trăm linh năm'],
    ['115', 'một trăm mười lăm'],
    ['1000', 'một nghìn'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['2026', 'hai nghìn không trăm hai mươi sáu'],
    ['10000', 'mười nghìn'],
    ['105000', 'một trăm linh năm nghìn'],
    ['1000000', 'một triệu'],
    ['1000005', 'một triệu không trăm linh năm'],
    ['21000000', 'hai mươi mốt triệu'],
    ['1000000000', 'một tỷ'],
    ['1000000000000', 'một nghìn tỷ'],
  ])('reads %s as "%s"', (digits, words) => {
    expect(readInteger(digits)).toBe(words);
  });

  it('says "lẻ" for an empty tens place when asked', () => {
    expect(readInteger('105', { zeroTens: 'lẻ' })).toBe('một trăm lẻ năm');
  });

  it('reads a number with a leading zero digit by digit, as a code', () => {
    expect(readInteger('007')).toBe('không không bảy');
  });

  it('reads digit runs longer than fifteen digits digit by digit', () => {
    expect(readInteger('1234567890123456').split(' ')).toHaveLength(16);
  });

  it('rejects anything that is not a digit string', () => {
    expect(() => readInteger('12a')).toThrow(/not a digit string/);
  });
});

describe('readDigits', () => {
  it('reads every digit with its base word, never "mốt" or "lăm"', () => {
    expect(readDigits('0151')).toBe('không một năm một');
  });
});

describe('readDecimal', () => {
  it('reads a decimal comma as "phẩy"', () => {
    expect(readDecimal('2', '5')).toBe('hai phẩy năm');
  });

  it('speaks the leading zeros of the fraction', () => {
    expect(readDecimal('0', '05')).toBe('không phẩy không năm');
  });
});

describe('readInteger (property)', () => {
  it('reads every quantity with known words only, and "mốt"/"lăm" only after a tens word', () => {
    const known = new Set(['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'mốt', 'tư', 'lăm', 'linh', 'trăm', 'nghìn', 'triệu', 'tỷ']);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (n) => {
        const words = readInteger(n.toString()).split(' ');
        for (const [i, w] of words.entries()) {
          expect(known.has(w)).toBe(true);
          if (w === 'mốt' || w === 'lăm') expect(['mươi', 'mười']).toContain(words[i - 1]);
        }
      }),
    );
  });
});
