// Reading a written number token. Vietnamese uses "." for thousands and "," for decimals
// ("1.000.000" is a million, "2,5" two and a half), but texts also carry the English forms.
// How a token is read:
// - "1.250.000", "1.250.000,5": dotted thousands, optional decimal comma;
// - "5,000,000", "5,000,000.50": two or more comma groups of three are English thousands;
// - "2,5": decimal comma; "10.5": a single dot followed by other than three digits is a decimal
//   point (typed the English way), while "2.000" is two thousand;
// - anything else ("1.2.3", a version or a code): each part read, separators named.
import { readDecimal, readInteger, type NumberReadingOptions } from './number-words';

/** A written quantity, as the money, percent and unit rules accept it before their sign. */
export const NUMBER =
  '(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?![.,]?\\d)|\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?|\\d+[.,]\\d+|\\d+)';

export function readNumberToken(token: string, options: NumberReadingOptions = {}): string {
  const read = (intPart: string, fraction: string | undefined): string =>
    fraction === undefined ? readInteger(intPart, options) : readDecimal(intPart, fraction, options);
  if (/^\d+$/.test(token)) return readInteger(token, options);
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(token)) {
    const [intPart = '', fraction] = token.replace(/\./g, '').split(',');
    return read(intPart, fraction);
  }
  if (/^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/.test(token)) {
    const [intPart = '', fraction] = token.replace(/,/g, '').split('.');
    return read(intPart, fraction);
  }
  const decimal = /^(\d+)(?:,(\d+)|\.(\d{1,2}|\d{4,}))$/.exec(token);
  if (decimal !== null) return read(decimal[1] ?? '', decimal[2] ?? decimal[3]);
  return token
    .split(/([.,])/)
    .filter((part) => part !== '')
    .map((part) => (part === '.' ? 'chấm' : part === ',' ? 'phẩy' : readInteger(part, options)))
    .join(' ');
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "XIV" → 14; null for anything that is not a well-formed Roman numeral below 400. */
export function romanToNumber(roman: string): number | null {
  if (roman === '' || !/^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(roman)) return null;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman.charAt(i)] ?? 0;
    const next = ROMAN[roman.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
