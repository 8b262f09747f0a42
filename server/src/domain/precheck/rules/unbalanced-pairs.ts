// Unbalanced quotes and brackets (“ ” " ' ( ) [ ] « »), each finding pointing at the offending
// character: a closer with no opener, or an opener never closed.
// A straight quote " opens when none is open and closes otherwise. A straight ' counts only as a
// quote mark at a word edge: between letters it is an apostrophe ("don't") and after a digit a
// minute mark ("6h30'"). The curly ’ is left alone, being the usual typographic apostrophe.
import { textFieldsOf, type Finding, type PrecheckRule, type TextField } from '../types';

/** Opening marks; straight quotes are handled apart, being their own closers. */
const OPENERS = new Set(['(', '[', '{', '“', '«']);
const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“', '»': '«' };
const RULE_ID = 'text.unbalanced_pairs';
const WORD = /[\p{L}\p{N}]/u;

interface Open {
  ch: string;
  at: number;
}

/** What a straight single quote at index i is: an opener, a closer, or not a quote at all. */
function singleQuoteRole(text: string, i: number, open: Open[]): 'open' | 'close' | 'none' {
  const before = text.charAt(i - 1);
  const after = text.charAt(i + 1);
  const wordBefore = WORD.test(before);
  const wordAfter = WORD.test(after);
  if ((wordBefore && wordAfter) || /\d/.test(before)) return 'none';
  if (open.some((o) => o.ch === "'") && !wordAfter) return 'close';
  if (wordAfter && !wordBefore) return 'open';
  return 'none';
}

type Mark = { at: number; ch: string; kind: 'unclosed' | 'unopened' };

/** Offsets of unmatched quote and bracket characters, with the character found. */
export function unbalancedMarks(text: string): Mark[] {
  const open: Open[] = [];
  const bad: Mark[] = [];
  const closeAt = (opener: string, i: number): void => {
    const index = open.map((o) => o.ch).lastIndexOf(opener);
    if (index === -1) {
      bad.push({ at: i, ch: text.charAt(i), kind: 'unopened' });
      return;
    }
    // Openers inside the pair being closed were never closed themselves: the "[" of "(a [b)".
    for (const o of open.splice(index).slice(1)) bad.push({ at: o.at, ch: o.ch, kind: 'unclosed' });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      const role = ch === "'" ? singleQuoteRole(text, i, open) : open.some((o) => o.ch === '"') ? 'close' : 'open';
      if (role === 'open') open.push({ ch, at: i });
      else if (role === 'close') closeAt(ch, i);
    } else if (OPENERS.has(ch)) {
      open.push({ ch, at: i });
    } else {
      const opener = OPENER_OF[ch];
      if (opener !== undefined) closeAt(opener, i);
    }
  }
  for (const o of open) bad.push({ at: o.at, ch: o.ch, kind: 'unclosed' });
  return bad.sort((a, b) => a.at - b.at);
}

function finding(field: TextField, { at, ch, kind }: Mark): Finding {
  return {
    ruleId: RULE_ID,
    severity: 'warning',
    span: { start: at, end: at + 1 },
    field,
    message:
      kind === 'unclosed'
        ? { vi: `Dấu ${ch} mở nhưng không đóng.`, en: `"${ch}" is opened but never closed.` }
        : { vi: `Dấu ${ch} đóng nhưng không có dấu mở tương ứng.`, en: `"${ch}" closes nothing that was opened.` },
  };
}

export const unbalancedPairsRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['message', 'ad', 'clip', 'quiz'],
  check(input) {
    return textFieldsOf(input).flatMap(([field, text]) => unbalancedMarks(text).map((m) => finding(field, m)));
  },
};
