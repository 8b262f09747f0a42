// Finds Vietnamese phrases in text the way a reviewer would: in any case, with or without diacritics,
// in NFC or NFD, only at word boundaries, and with spans in the original text.
// A match on the folded text counts when the original words carry exactly the phrase's marks
// (old and new tone placement, "tuý"/"túy", are equal), or carry no mark at all (typed without
// diacritics). Words with other marks are other words: "nhặt" or "nhạt" are not "nhất".
import { foldVietnamese, foldWithOffsets } from '../text';

export interface PhrasePattern {
  phrase: string;
  /** Match only when written with its diacritics (bare "nhat" could be nhật, nhặt, nhạt). */
  requireDiacritics?: boolean;
  /** Folded, lower-case text just before the match that cancels it, e.g. /(?:thong)\s+$/. */
  notAfter?: RegExp;
  /** Folded, lower-case text just after the match that cancels it, e.g. /^\s+dinh\b/. */
  notBefore?: RegExp;
}

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
}

const WORD_CHAR = '[\\p{L}\\p{N}]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The set of marks a word carries, independent of where the tone sits ("uý" = "úy"). */
function markSignature(word: string): string {
  const marks = word.normalize('NFD').match(/[\u0300-\u036f]/g) ?? [];
  const dCount = (word.match(/[đĐ]/g) ?? []).length;
  return marks.sort().join('') + 'đ'.repeat(dCount);
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
}

function marksAgree(original: string, phrase: string, requireDiacritics: boolean): boolean {
  const got = words(original);
  const want = words(phrase);
  if (got.length !== want.length) return false;
  if (got.every((w, i) => markSignature(w) === markSignature(want[i] ?? ''))) return true;
  return !requireDiacritics && got.every((w) => markSignature(w) === '');
}

const compiled = new Map<string, RegExp>();

function patternRegExp(phrase: string): RegExp {
  const cached = compiled.get(phrase);
  if (cached !== undefined) {
    cached.lastIndex = 0;
    return cached;
  }
  const folded = foldVietnamese(phrase.normalize('NFC'), { lowerCase: true }).trim();
  const body = folded.split(/\s+/).map(escapeRegExp).join('\\s+');
  // A phrase ending in a digit must not run into a longer number: "số 1" is not "số 10" or "số 1,5".
  const tail = /\d$/.test(folded) ? `(?!${WORD_CHAR}|[.,]\\d)` : `(?!${WORD_CHAR})`;
  const re = new RegExp(`(?<!${WORD_CHAR})${body}${tail}`, 'gu');
  compiled.set(phrase, re);
  return re;
}

/**
 * All matches of the patterns in text, longest first where they overlap, sorted by position.
 * Spans are offsets into `text` as given (NFC or NFD).
 */
export function findPhrases(text: string, patterns: readonly PhrasePattern[]): PhraseMatch[] {
  const folded = foldWithOffsets(text, { lowerCase: true });
  const candidates: PhraseMatch[] = [];
  for (const pattern of patterns) {
    const re = patternRegExp(pattern.phrase);
    for (let m = re.exec(folded.text); m !== null; m = re.exec(folded.text)) {
      const fs = m.index;
      const fe = m.index + m[0].length;
      if (pattern.notAfter?.test(folded.text.slice(0, fs))) continue;
      if (pattern.notBefore?.test(folded.text.slice(fe))) continue;
      const start = folded.toOriginal[fs] ?? 0;
      const end = folded.toOriginal[fe] ?? text.length;
      if (!marksAgree(text.slice(start, end), pattern.phrase, pattern.requireDiacritics ?? false)) continue;
      candidates.push({ phrase: pattern.phrase, start, end });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PhraseMatch[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
