// Superlative claims in ads (Luật Quảng cáo 2012, Art. 8(11)): words such as "nhất", "duy nhất",
// "tốt nhất", "số một", "hàng đầu" need a valid proof document (here: issued, or else uploaded, less
// than proofValidityMonths ago). Without one the finding is an error; with one it is info.
//
// Phrases that are not claims, by decision:
// - "thống nhất", "đồng nhất", "hợp nhất" (unify, uniform, merge) and "thứ nhất", "giải nhất"
//   (first, first prize) use "nhất" as part of another word;
// - "nhất định", "nhất là", "nhất thiết", "nhất trí", "nhất quán", "nhất thời", "nhất loạt"
//   (certainly, especially, necessarily, agree, consistent, temporary, all at once);
// - "ít nhất", "chậm nhất", "muộn nhất" (at least, at the latest) state limits, not rank;
// - "duy nhất một lần" ("only once", a one-off offer) states a count, not uniqueness of the product;
// - "người đứng đầu" (the head of an organisation), "hàng đầu tiên" (the first row);
// - "số 1" / "số một" in an address or a room, table or lane number ("tại số 1 Tràng Tiền").
// Bare "nhất" counts only when written with its diacritics: typed without them, "nhat" may be nhật
// (day, Japan), nhặt or nhạt. The multi-word phrases count with or without diacritics.
import { findPhrases, type PhrasePattern } from '../phrase-match';
import type { Finding, PrecheckContext, PrecheckRule, Proof } from '../types';
import { textFieldsOf } from '../types';

const L = '(?![\\p{L}\\p{N}])';
const NOT_A_CLAIM_BEFORE_NHAT = /(?:thong|dong|hop|thu|giai|it|cham|muon|duy)\s+$/u;
const NOT_A_CLAIM_AFTER_NHAT = new RegExp(`^\\s+(?:dinh|la|thiet|tri|quan|thoi|loat)${L}`, 'u');
const ADDRESS_BEFORE_SO = /(?:tai|o|dia chi|nha|phong|ban|ngo|ngach|hem|kiet|lo|toa|cong|cua|khu|to)\s+$/u;

export const SUPERLATIVE_PATTERNS: readonly PhrasePattern[] = [
  { phrase: 'nhất', requireDiacritics: true, notAfter: NOT_A_CLAIM_BEFORE_NHAT, notBefore: NOT_A_CLAIM_AFTER_NHAT },
  { phrase: 'duy nhất', notBefore: new RegExp(`^\\s+mot\\s+lan${L}`, 'u') },
  { phrase: 'độc nhất' },
  { phrase: 'tốt nhất' },
  { phrase: 'rẻ nhất' },
  { phrase: 'lớn nhất' },
  { phrase: 'đẹp nhất' },
  { phrase: 'nhanh nhất' },
  { phrase: 'chất lượng nhất' },
  { phrase: 'bậc nhất' },
  { phrase: 'đệ nhất' },
  { phrase: 'số một', notAfter: ADDRESS_BEFORE_SO },
  { phrase: 'số 1', notAfter: ADDRESS_BEFORE_SO },
  { phrase: 'hàng đầu', notBefore: new RegExp(`^\\s+tien${L}`, 'u') },
  { phrase: 'đứng đầu', requireDiacritics: true, notAfter: /nguoi\s+$/u },
  { phrase: 'vô địch' },
  { phrase: 'no.1' },
  { phrase: 'no 1' },
  { phrase: 'number one' },
  { phrase: 'top 1' },
  { phrase: '#1' },
  { phrase: 'the best' },
  { phrase: 'best' },
];

/** Adds calendar months in UTC; pure, the clock is not read. */
function addMonths(epochMs: number, months: number): number {
  const d = new Date(epochMs);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** A proof counts when its date is not in the future and is less than proofValidityMonths old. */
export function hasValidProof(proofs: readonly Proof[] | undefined, ctx: PrecheckContext): boolean {
  return (proofs ?? []).some((p) => {
    const date = p.issuedAt ?? p.uploadedAt;
    return date <= ctx.now && addMonths(date, ctx.settings.proofValidityMonths) > ctx.now;
  });
}

const RULE_ID = 'ad.superlative';

export const superlativeRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['ad'],
  check(input, ctx) {
    const proven = hasValidProof(input.proofs, ctx);
    const findings: Finding[] = [];
    for (const [field, text] of textFieldsOf(input)) {
      for (const m of findPhrases(text, SUPERLATIVE_PATTERNS)) {
        const said = text.slice(m.start, m.end).normalize('NFC');
        findings.push({
          ruleId: RULE_ID,
          severity: proven ? 'info' : 'error',
          span: { start: m.start, end: m.end },
          field,
          message: proven
            ? {
                vi: `Từ ngữ so sánh nhất "${said}": đã có tài liệu chứng minh còn hạn, kiểm tra tài liệu có chứng minh đúng nội dung này.`,
                en: `Superlative "${said}": a current proof is attached; check that it proves this claim.`,
              }
            : {
                vi: `Từ ngữ so sánh nhất "${said}" cần tài liệu chứng minh hợp lệ dưới ${ctx.settings.proofValidityMonths} tháng (Luật Quảng cáo, Điều 8).`,
                en: `Superlative "${said}" needs a proof document less than ${ctx.settings.proofValidityMonths} months old (Advertising Law, Art. 8).`,
              },
        });
      }
    }
    return findings;
  },
};
