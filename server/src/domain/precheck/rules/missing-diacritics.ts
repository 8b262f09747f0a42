// Vietnamese typed without diacritics ("Thong bao lich cat dien") is hard to read and reads badly as
// speech. A field is flagged when it looks Vietnamese, has no mark at all, and has at least
// minWordsForDiacriticCheck lower-case words. Capitalised words are not counted: proper names
// ("Nguyen Van An", "Ha Noi") and abbreviations are often written bare on purpose, and a short text
// of them says little. In a text written in capitals, where names cannot be told apart, every word
// counts.
import { hasVietnameseDiacritics } from '../../text';
import { textFieldsOf, type Finding, type PrecheckRule } from '../types';
import { commonVietnameseWordCount, wordsOf } from '../vietnamese-words';
import { isMostlyUpperCase } from './all-caps';

const RULE_ID = 'text.missing_diacritics';

export const missingDiacriticsRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['message', 'clip'],
  check(input, ctx) {
    const findings: Finding[] = [];
    for (const [field, text] of textFieldsOf(input)) {
      if (hasVietnameseDiacritics(text)) continue;
      const all = wordsOf(text).filter((w) => /\p{L}/u.test(w));
      const counted = isMostlyUpperCase(text) ? all : all.filter((w) => w === w.toLowerCase());
      if (counted.length < ctx.settings.minWordsForDiacriticCheck) continue;
      if (commonVietnameseWordCount(counted.join(' ')) < 2) continue;
      findings.push({
        ruleId: RULE_ID,
        severity: 'warning',
        span: { start: 0, end: text.length },
        field,
        message: {
          vi: 'Nội dung tiếng Việt được gõ không dấu: hãy gõ có dấu để dễ đọc và đọc đúng khi phát thanh.',
          en: 'Vietnamese text typed without diacritics: add them so it is easy to read and is spoken correctly.',
        },
      });
    }
    return findings;
  },
};
