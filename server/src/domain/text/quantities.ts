// Money, percentages, measures, ordinals, ranges and plain numbers as Vietnamese speech
// (see number-token.ts for how a written number is read).
import { readInteger } from './number-words';
import { NUMBER, readNumberToken, romanToNumber } from './number-token';
import type { RewriteRule } from './rewrite';

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
  ['g', 'gam'],
  ['ml', 'mi li lít'],
  ['ha', 'héc ta'],
  ['°C', 'độ xê'],
  ['m', 'mét'],
];
const UNIT_WORDS = new Map(UNITS);
const PER_UNITS = ['tháng', 'năm', 'ngày', 'tuần', 'giờ', 'người', 'lần', 'suất', 'hộ', 'chiếc', 'cái', 'kg', 'm2', 'm²', 'km', 'lít', 'hộp'].join('|');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// A number starts after a non-word character, and not after "10." or "1," (inside a longer number).
const B = '(?<![\\p{L}\\p{N}]|\\d[.,])';
const E = '(?![\\p{L}\\p{N}])';

export const QUANTITY_RULES: readonly RewriteRule[] = [
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
    // "50.000đ/tháng" is fifty thousand đồng a month: "/" before a unit of count or time is "một".
    name: 'per',
    pattern: new RegExp(`(?<=[\\p{L}\\p{N}%])\\s?/\\s?(${PER_UNITS})(?![\\p{L}\\p{N}])`, 'gu'),
    replace: (m) => ` một ${UNIT_WORDS.get(m[1] ?? '') ?? m[1] ?? ''}`,
  },
  {
    // "100/2019" (a document number) reads "một trăm trên hai nghìn …"; dates were taken before.
    name: 'slash-between-numbers',
    pattern: /(?<=\d)\/(?=\d)/gu,
    replace: () => ' trên ',
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
    replace: (m, text, options) => {
      // Keep a number glued to letters apart from them: "COVID19", "Q.1", "5G".
      const before = /\p{L}/u.test(text.charAt(m.index - 1)) || /\p{L}\./u.test(text.slice(m.index - 2, m.index)) ? ' ' : '';
      const after = /\p{L}/u.test(text.charAt(m.index + m[0].length)) ? ' ' : '';
      return before + readNumberToken(m[0], options) + after;
    },
  },
];
