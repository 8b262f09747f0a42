// Types shared by the review pre-checks (kiểm tra sơ bộ). A finding informs the reviewer; it never
// approves or rejects anything by itself.

export type ContentKind = 'ad' | 'message' | 'clip' | 'quiz';

/** Text fields a finding can point into; spans are UTF-16 offsets into that field's string. */
export type TextField = 'title' | 'body' | 'caption' | 'claim' | 'answer1' | 'answer2' | 'answer3' | 'answer4' | 'explanation';
/**
 * `claim` is an ad's text or claim (nội dung quảng cáo) as the advertiser states it; `answer1`…`answer4` and
 * `explanation` are a quiz question's answers (đáp án) and the explanation shown after answering (its
 * question is its `body`).
 */
export const TEXT_FIELDS: readonly TextField[] = ['title', 'body', 'caption', 'claim', 'answer1', 'answer2', 'answer3', 'answer4', 'explanation'];

/** Non-text parts of the input a finding can refer to. */
export type FindingField = TextField | 'productCategory' | 'proofs' | 'media' | 'displaySeconds';

/**
 * Declared product category of an ad (ngành hàng). The first group is banned from advertising by
 * Article 7 of the Advertising Law 2012 (Luật Quảng cáo, 16/2012/QH13) or as goods banned from trade.
 */
export const BANNED_PRODUCT_CATEGORIES = [
  'tobacco', // thuốc lá, incl. e-cigarettes and heated tobacco
  'alcohol_strong', // rượu từ 15 độ trở lên
  'breast_milk_substitute', // sữa thay thế sữa mẹ < 24 tháng; dinh dưỡng bổ sung < 6 tháng
  'infant_feeding_equipment', // bình bú, vú ngậm nhân tạo
  'prescription_drug', // thuốc kê đơn, thuốc hạn chế sử dụng
  'sexual_stimulant', // sản phẩm có tính chất kích dục
  'hunting_weapon', // súng săn, đạn, vũ khí thể thao, hàng kích động bạo lực
  'weapons_explosives', // vũ khí quân dụng, vật liệu nổ, pháo nổ (cấm kinh doanh)
  'narcotics', // ma túy
  'prostitution', // mại dâm
  'illegal_gambling', // cờ bạc, cá độ
  'wildlife', // động vật hoang dã nguy cấp
] as const;
export type BannedProductCategory = (typeof BANNED_PRODUCT_CATEGORIES)[number];
export type ProductCategory = BannedProductCategory | 'alcohol_light' | 'food' | 'health_product' | 'service' | 'other';

/** A document backing a superlative claim (e.g. a survey or award certificate). Times are epoch ms. */
export interface Proof {
  uploadedAt: number;
  /** Issue date printed on the document, when known; it wins over uploadedAt for the age check. */
  issuedAt?: number;
}

export interface PrecheckInput {
  kind: ContentKind;
  fields: Partial<Record<TextField, string>>;
  productCategory?: ProductCategory;
  proofs?: readonly Proof[];
  /** The media (video or audio) has an audio track. */
  hasAudio?: boolean;
  /** How long the text is on screen, in seconds. */
  displaySeconds?: number;
}

export interface PrecheckSettings {
  /** Reading speed in words per minute used for the too-long check. */
  readingWordsPerMinute: number;
  /** A proof older than this many months does not back a claim. */
  proofValidityMonths: number;
  /** Texts with fewer lower-case words are too short to call "typed without diacritics". */
  minWordsForDiacriticCheck: number;
  /** Texts with fewer cased letters are too short to call "all capitals". */
  minLettersForCapsCheck: number;
}

export const DEFAULT_PRECHECK_SETTINGS: PrecheckSettings = {
  readingWordsPerMinute: 180,
  proofValidityMonths: 12,
  minWordsForDiacriticCheck: 6,
  minLettersForCapsCheck: 12,
};

export interface PrecheckContext {
  /** Epoch ms; the pre-checks never read the clock. */
  now: number;
  settings: PrecheckSettings;
}

export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  ruleId: string;
  severity: Severity;
  span: { start: number; end: number } | null;
  field: FindingField;
  message: { vi: string; en: string };
}

export interface PrecheckRule {
  id: string;
  appliesTo: readonly ContentKind[];
  check(input: PrecheckInput, ctx: PrecheckContext): Finding[];
}

/** The text fields present in the input, in a stable order. */
export function textFieldsOf(input: PrecheckInput): Array<[TextField, string]> {
  return TEXT_FIELDS.flatMap((field) => {
    const value = input.fields[field];
    return value === undefined || value === '' ? [] : [[field, value] as [TextField, string]];
  });
}

/** A rule that warns about the whole of each text field it flags, with one message. */
export function wholeFieldRule(
  id: string,
  appliesTo: readonly ContentKind[],
  flags: (text: string, ctx: PrecheckContext) => boolean,
  message: Finding['message'],
): PrecheckRule {
  return {
    id,
    appliesTo,
    check: (input, ctx) =>
      textFieldsOf(input)
        .filter(([, text]) => flags(text, ctx))
        .map(([field, text]) => ({ ruleId: id, severity: 'warning', span: { start: 0, end: text.length }, field, message })),
  };
}
