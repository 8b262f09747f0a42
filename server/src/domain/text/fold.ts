// Diacritic folding for Vietnamese (bỏ dấu): strips tone and vowel marks and maps đ→d, one input
// character at a time, so every position in the folded text maps back to a position in the original.
// Pre-checks match on the folded text and report spans on the original, whatever the input's
// normalisation form (NFC precomposed or NFD combining marks).

const COMBINING_MARK = /^[\u0300-\u036f]$/;

export interface FoldOptions {
  /** Also lower-case each character (only when that keeps it one code unit long). */
  lowerCase?: boolean;
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /**
   * toOriginal[i] is the offset in the original of folded character i; its last entry
   * (index text.length) is the original length, so a folded span [s, e) maps to
   * [toOriginal[s], toOriginal[e]) and includes any combining marks of its last letter.
   */
  toOriginal: number[];
}

/** Folds one UTF-16 code unit; '' for a standalone combining mark (NFD input). */
function foldChar(ch: string, lowerCase: boolean): string {
  if (COMBINING_MARK.test(ch)) return '';
  let out: string;
  if (ch === 'đ') out = 'd';
  else if (ch === 'Đ') out = 'D';
  else {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out = base.length === 1 ? base : ch;
  }
  if (lowerCase) {
    const lower = out.toLowerCase();
    if (lower.length === 1) out = lower;
  }
  return out;
}

/** Folds text and keeps the offset map back to the original. */
export function foldWithOffsets(text: string, options: FoldOptions = {}): FoldedText {
  const lowerCase = options.lowerCase ?? false;
  let folded = '';
  const toOriginal: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const out = foldChar(text.charAt(i), lowerCase);
    if (out === '') continue;
    folded += out;
    toOriginal.push(i);
  }
  toOriginal.push(text.length);
  return { text: folded, toOriginal };
}

/** "Ủy ban nhân dân Đống Đa" → "Uy ban nhan dan Dong Da". */
export function foldVietnamese(text: string, options: FoldOptions = {}): string {
  return foldWithOffsets(text, options).text;
}

/** True when the text carries any Vietnamese mark (tone, vowel mark or đ), in NFC or NFD. */
export function hasVietnameseDiacritics(text: string): boolean {
  return foldVietnamese(text) !== text;
}
