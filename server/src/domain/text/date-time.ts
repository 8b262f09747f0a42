// Dates and clock times as Vietnamese speech: "20/10/2026" → "ngày hai mươi tháng mười năm hai nghìn
// không trăm hai mươi sáu", "06:30" / "6h30" → "sáu giờ ba mươi phút". Only valid calendar values are
// rewritten; anything else is left for the number rules.
import { readInteger } from './number-words';
import { wordBefore, type RewriteRule } from './rewrite';

const NOT_AFTER = '(?<![\\p{L}\\p{N}/.,:\\-])';
const NOT_BEFORE = '(?![\\p{N}]|[/.,:\\-]\\p{N})';

/** Month names: April is "tháng tư", January "tháng một" (the lunar "tháng giêng" is not meant here). */
export function monthWords(month: number): string {
  return month === 4 ? 'tư' : readInteger(String(month));
}

function isDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

function isMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

/** "ngày … tháng … năm …", without repeating a "ngày"/"tháng" already written before the date. */
function dateWords(text: string, index: number, day: number | null, month: number, year: string | null): string {
  const before = wordBefore(text, index);
  const parts: string[] = [];
  if (day !== null) parts.push(`${before === 'ngày' ? '' : 'ngày '}${readInteger(String(day))}`);
  const monthPrefix = day === null && before === 'tháng' ? '' : 'tháng ';
  parts.push(`${monthPrefix}${monthWords(month)}`);
  if (year !== null) parts.push(`năm ${readInteger(year)}`);
  return parts.join(' ');
}

export const DATE_RULES: readonly RewriteRule[] = [
  {
    name: 'full-date',
    pattern: new RegExp(`${NOT_AFTER}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})${NOT_BEFORE}`, 'gu'),
    replace: (m, text) => {
      const day = Number(m[1]);
      const month = Number(m[3]);
      if (!isDay(day) || !isMonth(month)) return null;
      return dateWords(text, m.index, day, month, m[4] ?? '');
    },
  },
  {
    name: 'iso-date',
    pattern: new RegExp(`${NOT_AFTER}(\\d{4})-(\\d{2})-(\\d{2})${NOT_BEFORE}`, 'gu'),
    replace: (m, text) => {
      const day = Number(m[3]);
      const month = Number(m[2]);
      if (!isDay(day) || !isMonth(month)) return null;
      return dateWords(text, m.index, day, month, m[1] ?? '');
    },
  },
  {
    name: 'month-year',
    pattern: new RegExp(`${NOT_AFTER}(\\d{1,2})/(\\d{4})${NOT_BEFORE}`, 'gu'),
    replace: (m, text) => {
      const month = Number(m[1]);
      return isMonth(month) ? dateWords(text, m.index, null, month, m[2] ?? '') : null;
    },
  },
  {
    name: 'day-month',
    pattern: new RegExp(`${NOT_AFTER}(\\d{1,2})/(\\d{1,2})${NOT_BEFORE}`, 'gu'),
    replace: (m, text) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      return isDay(day) && isMonth(month) ? dateWords(text, m.index, day, month, null) : null;
    },
  },
];

function clockWords(hour: number, minute: number, second: number | null): string {
  const parts = [`${readInteger(String(hour))} giờ`];
  if (minute > 0 || (second !== null && second > 0)) parts.push(`${readInteger(String(minute))} phút`);
  if (second !== null && second > 0) parts.push(`${readInteger(String(second))} giây`);
  return parts.join(' ');
}

/** A clock time as written: 6h, 6h30, 6g30, 06:30. */
const CLOCK = '\\d{1,2}(?:[hH]\\d{0,2}|g\\d{2}|:\\d{2})';

export const TIME_RULES: readonly RewriteRule[] = [
  {
    // "7h30 - 11h00" and "7-9h" are ranges: the dash is "đến", then each side is read as a time.
    name: 'clock-range',
    pattern: new RegExp(`${NOT_AFTER}(\\d{1,2}|${CLOCK})\\s*[-–]\\s*(${CLOCK})(?![\\p{L}\\p{N}/.\\-]|\\.\\d)`, 'gu'),
    replace: (m) => `${m[1] ?? ''} đến ${m[2] ?? ''}`,
  },
  {
    name: 'clock-colon',
    pattern: new RegExp(`${NOT_AFTER}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?${NOT_BEFORE}`, 'gu'),
    replace: (m) => {
      const [hour, minute] = [Number(m[1]), Number(m[2])];
      const second = m[3] === undefined ? null : Number(m[3]);
      if (hour > 24 || minute > 59 || (second !== null && second > 59)) return null;
      return clockWords(hour, minute, second);
    },
  },
  {
    // 6h, 6h30, 17H00, 6g30, 6h30' and 6h30p are the usual hand-written forms. "17g" alone is a time
    // only before a word of the day or a pause ("17g ngày 30/6"); otherwise it is grams ("5g muối").
    name: 'clock-h',
    pattern:
      /(?<![\p{L}\p{N}])(\d{1,2})(?:[hH](\d{2})?|g(\d{2})|g(?=\s*(?:[,.;)–-]|$|(?:ngày|sáng|trưa|chiều|tối|đêm|đến|hôm|thứ|cùng)(?!\p{L}))))(?:['’]|p(?!\p{L}))?(?![\p{L}\p{N}])/gu,
    replace: (m) => {
      const hour = Number(m[1]);
      const minute = Number(m[2] ?? m[3] ?? '0');
      if (hour > 24 || minute > 59) return null;
      return clockWords(hour, minute, null);
    },
  },
];
