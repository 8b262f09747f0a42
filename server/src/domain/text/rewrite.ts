// The shape of one normalisation step: a pattern and the words that replace each match.
import type { NumberReadingOptions } from './number-words';

export interface RewriteRule {
  name: string;
  pattern: RegExp;
  /** Returns the spoken replacement, or null to leave the match as written. */
  replace: (match: RegExpExecArray, text: string, options: NumberReadingOptions) => string | null;
}

/** Applies one rule to every match of its (global) pattern. */
export function applyRule(text: string, rule: RewriteRule, options: NumberReadingOptions): string {
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
  let out = '';
  let last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const replacement = rule.replace(m, text, options);
    if (replacement === null) continue;
    out += text.slice(last, m.index) + replacement;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/** The word just before an offset, lower-cased ("… Ngày 20/10" → "ngày"). */
export function wordBefore(text: string, offset: number): string {
  const m = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, offset - 20), offset));
  return m?.[1]?.toLowerCase() ?? '';
}
