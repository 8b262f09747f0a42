// Recognising Vietnamese text, with or without diacritics, for the language and diacritics checks.
import { foldVietnamese } from '../text';

/** Letters only Vietnamese uses among Latin scripts (lower case, NFC): a French "é" is not enough. */
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệĩỉịọỏốồổỗộớờởỡợũụủứừửữựỳỵỷỹ]/u;

/**
 * Frequent Vietnamese words, folded (no marks), chosen not to be common English words
 * ("ban", "he", "to", "do", "an", "me", "long", "con", "hay", "la" are left out).
 */
const COMMON_FOLDED_WORDS = new Set([
  'va',
  'cua',
  'cho',
  'cac',
  'nhung',
  'voi',
  'tai',
  'khong',
  'duoc',
  'nguoi',
  'giam',
  'gia',
  'mua',
  'hang',
  'ngay',
  'thang',
  'tu',
  'den',
  'nhieu',
  'moi',
  'khuyen',
  'mai',
  'lien',
  'phuong',
  'xin',
  'chao',
  'thong',
  'bao',
  'vui',
  'cung',
  'dang',
  'trong',
  'nay',
  'viec',
  'tren',
  'duong',
  'gio',
  'nuoc',
  'dien',
  'chung',
  'toi',
  'cong',
  'hoc',
  'nhan',
  'uu',
  'dai',
  'tang',
  'dich',
  'vu',
  'san',
  'pham',
  'nhat',
  'mot',
  'hai',
  'nhu',
  'cau',
  'khach',
  'dia',
  'chi',
  'vien',
  'yeu',
  'khu',
  'pho',
]);

/** Words of a text as sequences of letters (and digits), original case. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}

/** How many words of the text are frequent Vietnamese words once folded. */
export function commonVietnameseWordCount(text: string): number {
  return wordsOf(foldVietnamese(text.normalize('NFC'), { lowerCase: true })).filter((w) => COMMON_FOLDED_WORDS.has(w)).length;
}

/** The text carries a letter only Vietnamese writes (ă, ơ, ư, đ, ạ, ế …). */
export function hasVietnameseLetters(text: string): boolean {
  return VIETNAMESE_LETTER.test(text.normalize('NFC').toLowerCase());
}

/**
 * Looks Vietnamese: Vietnamese letters, or at least two frequent Vietnamese words
 * (one is enough for a text of up to three words).
 */
export function looksVietnamese(text: string): boolean {
  if (hasVietnameseLetters(text)) return true;
  const hits = commonVietnameseWordCount(text);
  return hits >= 2 || (hits === 1 && wordsOf(text).length <= 3);
}
