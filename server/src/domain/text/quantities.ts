// Phone numbers, money, percentages, measures, ordinals and plain numbers as Vietnamese speech.
// Vietnamese writing uses "." for thousands and "," for decimals: "1.000.000" is a million and
// "2,5" is two and a half. Phone numbers are read digit by digit, group by group.
import { readDecimal, readDigits, readInteger, type NumberReadingOptions } from './number-words';
import type { RewriteRule } from './rewrite';

/** A written quantity: dotted thousands with an optional decimal part, or digits with one. */
export const NUMBER = '(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)';

/** Reads a number token as written in Vietnamese ("1.250.000", "2,5", "1.5"). */
export function readNumberToken(token: string, options: NumberReadingOptions = {}): string {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(token) || /^\d+,\d+$/.test(token) || /^\d+$/.test(token)) {
    const [intPart = '', fraction] = token.replace(/\./g, '').split(',');
    return fraction === undefined ? readInteger(intPart, options) : readDecimal(intPart, fraction, options);
  }
  // Not a Vietnamese quantity ("1.5", a version or a code): read each part, naming the separators.
  return token
    .split(/([.,])/)
    .filter((part) => part !== '')
    .map((part) => (part === '.' ? 'chấm' : part === ',' ? 'phẩy' : readInteger(part, options)))
    .join(' ');
}

/** "0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám". */
function phoneWords(written: string): string {
  const plus = written.startsWith('+');
  const groups = written.replace(/^\+/, '').split(/[\s.\-()]+/).filter((g) => g !== '');
  const digits = groups.join('');
  // An ungrouped mobile number is read in the usual 4-3-3 rhythm.
  const spoken = groups.length === 1 && digits.length >= 9
    ? [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)]
    : groups;
  const words = spoken.map(readDigits).join(', ');
  return plus ? `cộng ${words}` : words;
}

const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['km/h', 'ki lô mét trên giờ'],
  ['km²', 'ki lô mét vuông'],
  ['km2', 'ki lô mét vuông'],
  ['km', 'ki lô mét'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['m³', 'mét khối'],
  ['m3', 'mét khối'],
  ['cm', 'xăng ti mét'],
  ['mm', 'mi li mét'],
  ['kg', 'ki lô gam'],
  ['ml', 'mi li lít'],
  ['ha', 'héc ta'],
  ['°C', 'độ xê'],
  ['m', 'mét'],
];
const UNIT_WORDS = new Map(UNITS);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "XIV" → 14; null for anything that is not a well-formed small Roman numeral. */
export function romanToNumber(roman: string): number | null {
  if (!/^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(roman) || roman === '') return null;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman.charAt(i)] ?? 0;
    const next = ROMAN[roman.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

export const QUANTITY_RULES: readonly RewriteRule[] = [
  {
    // Mobile and landline numbers (0… or +84…, 10–11 digits) and 1800/1900 hotlines.
    name: 'phone',
    pattern: new RegExp(
      `${B}(?:(?:\\+84|0)(?:[ .\\-]?\\(?\\d\\)?){9,10}|\\(0\\d{2,3}\\)[ .\\-]?\\d{3,4}[ .\\-]?\\d{3,4}|1[89]00[ .\\-]?\\d{3,4}(?:[ .\\-]?\\d{1,3})?)${E}`,
      'gu',
    ),
    replace: (m) => phoneWords(m[0]),
  },
  {
    name: 'range',
    pattern: /(?<=\d)\s?[-–]\s?(?=\d)/gu,
    replace: () => ' đến ',
  },
  {
    name: 'money',
    pattern: new RegExp(`${B}(${NUMBER})\\s?(VNĐ|VND|vnđ|vnd|đồng|đ|Đ)${E}`, 'gu'),
    replace: (m, _text, options) => `${readNumberToken(m[1] ?? '', options)} đồng`,
  },
  {
    // Spoken shorthands for money: 50k (nghìn), 5tr (triệu).
    name: 'money-short',
    pattern: new RegExp(`${B}(${NUMBER})\\s?(k|K|tr)(?![\\p{L}\\p{N}.])`, 'gu'),
    replace: (m, _text, options) => `${readNumberToken(m[1] ?? '', options)} ${m[2] === 'tr' ? 'triệu' : 'nghìn'}`,
  },
  {
    name: 'percent',
    pattern: new RegExp(`${B}(${NUMBER})\\s?%`, 'gu'),
    replace: (m, _text, options) => `${readNumberToken(m[1] ?? '', options)} phần trăm`,
  },
  {
    name: 'unit',
    pattern: new RegExp(`${B}(${NUMBER})\\s?(${UNITS.map(([u]) => escapeRegExp(u)).join('|')})${E}`, 'gu'),
    replace: (m, _text, options) => `${readNumberToken(m[1] ?? '', options)} ${UNIT_WORDS.get(m[2] ?? '') ?? ''}`,
  },
  {
    // Ordinals: "thứ 1" → "thứ nhất", "thứ 4" → "thứ tư" (weekdays and ranks alike).
    name: 'ordinal',
    pattern: /(?<![\p{L}])([Tt]hứ)\s+(\d{1,3})(?![\p{N}])/gu,
    replace: (m, _text, options) => {
      const n = Number(m[2]);
      const word = n === 1 ? 'nhất' : n === 4 ? 'tư' : readInteger(String(n), options);
      return `${m[1]} ${word}`;
    },
  },
  {
    name: 'roman',
    pattern: /(?<![\p{L}])([Qq]uý|[Kk]hóa|[Kk]hoá|[Kk]ỳ|[Đđ]ợt|[Ll]ần|[Pp]hần|[Cc]hương|[Tt]hế kỷ)\s+([IVXLC]+)(?![\p{L}\p{N}])/gu,
    replace: (m, _text, options) => {
      const n = romanToNumber(m[2] ?? '');
      return n === null ? null : `${m[1]} ${readInteger(String(n), options)}`;
    },
  },
  {
    name: 'number',
    pattern: /\d+(?:[.,]\d+)*/gu,
    replace: (m, _text, options) => readNumberToken(m[0], options),
  },
];
