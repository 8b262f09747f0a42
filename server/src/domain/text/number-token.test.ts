import { describe, expect, it } from 'vitest';
import { readNumberToken, romanToNumber } from './number-token';

describe('readNumberToken', () => {
  it.each([
    ['1.000.000', 'một triệu'],
    ['1.250.000,5', 'một triệu hai trăm năm mươi nghìn phẩy năm'],
    ['2.000', 'hai nghìn'],
    ['2,5', 'hai phẩy năm'],
    ['10.5', 'mười phẩy năm'],
    ['3.14', 'ba phẩy mười bốn'],
    ['5,000,000', 'năm triệu'],
    ['1,234,567.89', 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy phẩy tám mươi chín'],
    ['1.2.3', 'một chấm hai chấm ba'],
  ])('reads %s as "%s"', (token, words) => {
    expect(readNumberToken(token)).toBe(words);
  });
});

describe('romanToNumber', () => {
  it('reads well-formed Roman numerals', () => {
    expect([romanToNumber('I'), romanToNumber('IV'), romanToNumber('XIV'), romanToNumber('XC')]).toEqual([1, 4, 14, 90]);
  });

  it('rejects malformed ones and the empty string', () => {
    expect([romanToNumber('IIII'), romanToNumber('VX'), romanToNumber('')]).toEqual([null, null, null]);
  });
});
