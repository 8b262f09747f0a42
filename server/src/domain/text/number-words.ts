// Vietnamese number reading (đọc số) for speech.
// Rules: 15 → "mười lăm", 21 → "hai mươi mốt", 24 → "hai mươi tư", 105 → "một trăm linh năm",
// 2026 → "hai nghìn không trăm hai mươi sáu". For a zero tens digit we say "linh" (the northern
// and broadcast norm; "lẻ" is the southern alternative, selectable with the zeroTens option).
// "tư" is used for a units 4 after a tens of 20 or more, as spoken Vietnamese does.

export type ZeroTensWord = 'linh' | 'lẻ';

export interface NumberReadingOptions {
  /** Word for an empty tens place before a units digit (105). Default "linh". */
  zeroTens?: ZeroTensWord;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Group scale words for 10^0, 10^3, 10^6, 10^9; beyond that the cycle repeats with "tỷ". */
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** Longest integer read as a quantity; longer digit runs are read digit by digit. */
export const MAX_QUANTITY_DIGITS = 15;

function digitWord(d: number): string {
  return DIGITS[d] ?? '';
}

/** Reads 0..99 after a hundreds word or on its own ("full" = inside a larger number). */
function readTensUnits(tens: number, units: number, full: boolean, zeroTens: ZeroTensWord): string[] {
  if (tens === 0) {
    if (units === 0) return [];
    return full ? [zeroTens, digitWord(units)] : [digitWord(units)];
  }
  const words = tens === 1 ? ['mười'] : [digitWord(tens), 'mươi'];
  if (units === 0) return words;
  if (units === 5) words.push('lăm');
  else if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else words.push(digitWord(units));
  return words;
}

/** Reads one three-digit group; `full` forces "không trăm" for a group that follows a higher one. */
function readGroup(value: number, full: boolean, zeroTens: ZeroTensWord): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  if (hundreds === 0 && !full) return readTensUnits(tens, units, false, zeroTens);
  const words = [digitWord(hundreds), 'trăm'];
  return words.concat(readTensUnits(tens, units, true, zeroTens));
}

function scaleWords(groupIndex: number): string[] {
  if (groupIndex === 0) return [];
  const words: string[] = [];
  const rest = groupIndex % 3;
  if (rest !== 0) words.push(SCALES[rest] ?? '');
  for (let i = 0; i < Math.floor(groupIndex / 3); i++) words.push('tỷ');
  return words;
}

/**
 * Reads a non-negative integer given as a digit string ("1000000" → "một triệu").
 * Runs longer than MAX_QUANTITY_DIGITS and runs with a leading zero ("007") are read digit by digit.
 */
export function readInteger(digits: string, options: NumberReadingOptions = {}): string {
  if (!/^\d+$/.test(digits)) throw new Error(`not a digit string: ${digits}`);
  if (digits.length > MAX_QUANTITY_DIGITS || (digits.length > 1 && digits.startsWith('0'))) {
    return readDigits(digits);
  }
  if (/^0+$/.test(digits)) return 'không';
  const zeroTens = options.zeroTens ?? 'linh';
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  }
  const words: string[] = [];
  let seenNonZero = false;
  groups.forEach((value, i) => {
    const groupIndex = groups.length - 1 - i;
    if (value === 0) return;
    words.push(...readGroup(value, seenNonZero, zeroTens), ...scaleWords(groupIndex));
    seenNonZero = true;
  });
  return words.join(' ');
}

/** Reads each digit on its own: "0912" → "không chín một hai". */
export function readDigits(digits: string): string {
  return [...digits].filter((c) => c >= '0' && c <= '9').map((c) => digitWord(Number(c))).join(' ');
}

/**
 * Reads a decimal with a Vietnamese decimal comma: ("2", "5") → "hai phẩy năm",
 * ("0", "05") → "không phẩy không năm" (leading zeros of the fraction are spoken).
 */
export function readDecimal(intPart: string, fraction: string, options: NumberReadingOptions = {}): string {
  const leadingZeros = /^0*/.exec(fraction)?.[0].length ?? 0;
  const rest = fraction.slice(leadingZeros);
  const fractionWords = [
    ...Array.from({ length: leadingZeros }, () => 'không'),
    ...(rest === '' ? [] : [rest.length > 3 ? readDigits(rest) : readInteger(rest, options)]),
  ];
  return `${readInteger(intPart.replace(/^0+(?=\d)/, ''), options)} phẩy ${fractionWords.join(' ')}`;
}
