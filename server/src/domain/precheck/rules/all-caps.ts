// Text in all capitals is hard to read on a screen (and loses nothing when written normally).
// A field is flagged when it has at least minLettersForCapsCheck cased letters and 90 % or more of
// them are upper case, so a heading like "THÔNG BÁO" or an abbreviation in a sentence passes.
import { wholeFieldRule } from '../types';

const UPPER_SHARE = 0.9;

/** Counts cased letters and upper-case ones, in NFC so a combining mark is not a letter. */
export function caseCounts(text: string): { cased: number; upper: number } {
  let cased = 0;
  let upper = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    cased++;
    if (ch === ch.toUpperCase()) upper++;
  }
  return { cased, upper };
}

/** 90 % or more of the cased letters are capitals (however short the text). */
export function isMostlyUpperCase(text: string): boolean {
  const { cased, upper } = caseCounts(text);
  return cased > 0 && upper / cased >= UPPER_SHARE;
}

export const allCapsRule = wholeFieldRule(
  'text.all_caps',
  ['message', 'clip', 'quiz'],
  (text, ctx) => caseCounts(text).cased >= ctx.settings.minLettersForCapsCheck && isMostlyUpperCase(text),
  {
    vi: 'Nội dung viết toàn chữ in hoa khó đọc: hãy viết hoa đúng quy tắc chính tả.',
    en: 'Text in all capitals is hard to read: use normal sentence case.',
  },
);
