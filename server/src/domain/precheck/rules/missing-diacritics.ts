// Vietnamese typed without diacritics ("Thong bao lich cat dien") is hard to read and reads badly as
// speech. A field is flagged when it looks Vietnamese, has no mark at all, and has at least
// minWordsForDiacriticCheck lower-case words. Capitalised words are not counted: proper names
// ("Nguyen Van An", "Ha Noi") and abbreviations are often written bare on purpose, and a short text
// of them says little. In a text written in capitals, where names cannot be told apart, every word
// counts.
import { hasVietnameseDiacritics } from '../../text';
import { wholeFieldRule } from '../types';
import { commonVietnameseWordCount, wordsOf } from '../vietnamese-words';
import { isMostlyUpperCase } from './all-caps';

function lacksDiacritics(text: string, minWords: number): boolean {
  if (hasVietnameseDiacritics(text)) return false;
  const all = wordsOf(text).filter((w) => /\p{L}/u.test(w));
  const counted = isMostlyUpperCase(text) ? all : all.filter((w) => w === w.toLowerCase());
  return counted.length >= minWords && commonVietnameseWordCount(counted.join(' ')) >= 2;
}

export const missingDiacriticsRule = wholeFieldRule(
  'text.missing_diacritics',
  ['message', 'clip', 'quiz'],
  (text, ctx) => lacksDiacritics(text, ctx.settings.minWordsForDiacriticCheck),
  {
    vi: 'Nội dung tiếng Việt được gõ không dấu: hãy gõ có dấu để dễ đọc và đọc đúng khi phát thanh.',
    en: 'Vietnamese text typed without diacritics: add them so it is easy to read and is spoken correctly.',
  },
);
