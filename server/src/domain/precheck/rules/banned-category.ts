// Products banned from advertising (Luật Quảng cáo 2012, Art. 7): tobacco, alcohol of 15 degrees or
// more, breast-milk substitutes for children under 24 months, feeding bottles and teats, prescription
// drugs, sexual stimulants, hunting guns and violent goods, and goods banned from trade (weapons,
// explosives, narcotics, prostitution, gambling, wildlife).
// The declared category is an error. In the text: an explicit alcohol strength ≥ 15 with an alcohol
// word, and a milk product for an age under 24 months, are errors; other keywords are warnings.
import { foldWithOffsets } from '../../text';
import { findPhrases } from '../phrase-match';
import {
  BANNED_PRODUCT_CATEGORIES,
  textFieldsOf,
  type BannedProductCategory,
  type Finding,
  type PrecheckInput,
  type PrecheckRule,
  type TextField,
} from '../types';
import { BANNED_KEYWORDS, CATEGORY_NAMES } from './banned-keywords';

const RULE_ID = 'ad.banned_category';
const ALCOHOL_WORDS = [
  { phrase: 'rượu' },
  { phrase: 'whisky' },
  { phrase: 'whiskey' },
  { phrase: 'vodka' },
  { phrase: 'cognac' },
  { phrase: 'soju' },
];
const MILK_WORDS = [{ phrase: 'sữa', requireDiacritics: true }, { phrase: 'sua bot' }, { phrase: 'sua cong thuc' }];
/** On folded text: "40 độ", "40%", "40°", "14,5 % vol", "độ cồn 40", "nồng độ 40". */
const STRENGTH =
  /(?<![\p{L}\p{N}])(?:(\d+(?:[.,]\d+)?)\s*(?:do|%|°)(?![\p{L}\p{N}])|(?:do con|nong do(?:\s+con)?)\s*:?\s*(\d+(?:[.,]\d+)?))/gu;
/** On folded text: "dưới 24 tháng", "0-6 tháng", "từ 6 đến 12 tháng", "trẻ sơ sinh". */
const INFANT_AGE = /(?<![\p{L}\p{N}])(?:(\d+)\s*(?:(?:-|–|den)\s*\d+\s*)?thang(?![\p{L}\p{N}])|tre so sinh)/gu;

interface Hit {
  field: TextField;
  start: number;
  end: number;
  value: number;
}

/** Numeric hits of a pattern on the folded text, with spans in the original field. */
function numericHits(input: PrecheckInput, pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const [field, text] of textFieldsOf(input)) {
    const folded = foldWithOffsets(text, { lowerCase: true });
    for (const m of folded.text.matchAll(pattern)) {
      const raw = m[1] ?? m[2];
      const value = raw === undefined ? 0 : Number(raw.replace(',', '.'));
      const start = folded.toOriginal[m.index] ?? 0;
      const end = folded.toOriginal[m.index + m[0].length] ?? text.length;
      hits.push({ field, start, end, value });
    }
  }
  return hits;
}

function mentions(input: PrecheckInput, patterns: Parameters<typeof findPhrases>[1]): boolean {
  return textFieldsOf(input).some(([, text]) => findPhrases(text, patterns).length > 0);
}

function textFinding(category: BannedProductCategory, severity: Finding['severity'], hit: Omit<Hit, 'value'>, said: string): Finding {
  const name = CATEGORY_NAMES[category];
  return {
    ruleId: RULE_ID,
    severity,
    span: { start: hit.start, end: hit.end },
    field: hit.field,
    message: {
      vi: `"${said}" gợi ý sản phẩm cấm quảng cáo: ${name.vi} (Luật Quảng cáo, Điều 7).`,
      en: `"${said}" suggests a product banned from advertising: ${name.en} (Advertising Law, Art. 7).`,
    },
  };
}

function declaredFinding(input: PrecheckInput): Finding[] {
  const category = input.productCategory;
  if (category === undefined || !(BANNED_PRODUCT_CATEGORIES as readonly string[]).includes(category)) return [];
  const name = CATEGORY_NAMES[category as BannedProductCategory];
  return [
    {
      ruleId: RULE_ID,
      severity: 'error',
      span: null,
      field: 'productCategory',
      message: {
        vi: `Ngành hàng khai báo "${name.vi}" bị cấm quảng cáo (Luật Quảng cáo, Điều 7).`,
        en: `The declared category "${name.en}" may not be advertised (Advertising Law, Art. 7).`,
      },
    },
  ];
}

function keywordFindings(input: PrecheckInput): Finding[] {
  return textFieldsOf(input).flatMap(([field, text]) =>
    BANNED_KEYWORDS.flatMap(({ category, patterns }) =>
      findPhrases(text, patterns).map((m) =>
        textFinding(category, 'warning', { field, start: m.start, end: m.end }, text.slice(m.start, m.end).normalize('NFC')),
      ),
    ),
  );
}

function alcoholFindings(input: PrecheckInput): Finding[] {
  if (!mentions(input, ALCOHOL_WORDS)) return [];
  return numericHits(input, STRENGTH)
    .filter((h) => h.value >= 15 && h.value <= 100)
    .map((h) => textFinding('alcohol_strong', 'error', h, (input.fields[h.field] ?? '').slice(h.start, h.end).normalize('NFC')));
}

function infantMilkFindings(input: PrecheckInput): Finding[] {
  if (!mentions(input, MILK_WORDS)) return [];
  return numericHits(input, INFANT_AGE)
    .filter((h) => h.value < 24)
    .map((h) => textFinding('breast_milk_substitute', 'error', h, (input.fields[h.field] ?? '').slice(h.start, h.end).normalize('NFC')));
}

export const bannedCategoryRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['ad'],
  check(input) {
    return [...declaredFinding(input), ...alcoholFindings(input), ...infantMilkFindings(input), ...keywordFindings(input)];
  },
};
