// Keywords that suggest an ad for a product banned from advertising (Luật Quảng cáo 2012, Art. 7),
// grouped by the product category they point to. Keywords only raise a warning for the reviewer:
// "cai thuốc lá" (quit smoking) contains "thuốc lá" too.
import type { PhrasePattern } from '../phrase-match';
import type { BannedProductCategory } from '../types';

export const BANNED_KEYWORDS: ReadonlyArray<{ category: BannedProductCategory; patterns: readonly PhrasePattern[] }> = [
  {
    category: 'tobacco',
    patterns: [
      { phrase: 'thuốc lá' },
      { phrase: 'thuốc lá điện tử' },
      { phrase: 'thuốc lá nung nóng' },
      { phrase: 'thuốc lào' },
      { phrase: 'xì gà' },
      { phrase: 'vape' },
      { phrase: 'shisha' },
      { phrase: 'cigarette' },
    ],
  },
  {
    category: 'alcohol_strong',
    patterns: [{ phrase: 'rượu mạnh' }, { phrase: 'whisky' }, { phrase: 'whiskey' }, { phrase: 'vodka' }, { phrase: 'cognac' }],
  },
  {
    category: 'breast_milk_substitute',
    patterns: [{ phrase: 'sữa thay thế sữa mẹ' }, { phrase: 'sữa công thức' }],
  },
  {
    category: 'infant_feeding_equipment',
    patterns: [{ phrase: 'bình bú' }, { phrase: 'vú ngậm nhân tạo' }, { phrase: 'núm vú giả' }, { phrase: 'ti giả' }],
  },
  {
    category: 'prescription_drug',
    patterns: [{ phrase: 'thuốc kê đơn' }, { phrase: 'thuốc theo đơn' }, { phrase: 'kháng sinh' }],
  },
  {
    category: 'sexual_stimulant',
    patterns: [{ phrase: 'kích dục' }, { phrase: 'cường dương' }],
  },
  {
    category: 'hunting_weapon',
    patterns: [
      { phrase: 'súng săn' },
      { phrase: 'đạn', requireDiacritics: true },
      { phrase: 'súng hơi' },
      { phrase: 'súng', requireDiacritics: true },
    ],
  },
  {
    category: 'weapons_explosives',
    patterns: [{ phrase: 'vũ khí' }, { phrase: 'pháo nổ' }, { phrase: 'thuốc nổ' }, { phrase: 'kíp nổ' }, { phrase: 'công cụ hỗ trợ' }],
  },
  {
    category: 'narcotics',
    patterns: [{ phrase: 'ma túy' }, { phrase: 'cần sa' }, { phrase: 'thuốc lắc' }, { phrase: 'heroin' }, { phrase: 'bóng cười' }],
  },
  {
    category: 'prostitution',
    patterns: [{ phrase: 'mại dâm' }, { phrase: 'gái gọi' }],
  },
  {
    category: 'illegal_gambling',
    patterns: [{ phrase: 'cá độ' }, { phrase: 'cá cược' }, { phrase: 'lô đề' }, { phrase: 'đánh bạc' }, { phrase: 'cờ bạc' }],
  },
  {
    category: 'wildlife',
    patterns: [{ phrase: 'ngà voi' }, { phrase: 'sừng tê giác' }, { phrase: 'vảy tê tê' }, { phrase: 'động vật hoang dã' }],
  },
];

/** Vietnamese and English names of each banned category, for finding messages. */
export const CATEGORY_NAMES: Record<BannedProductCategory, { vi: string; en: string }> = {
  tobacco: { vi: 'thuốc lá', en: 'tobacco' },
  alcohol_strong: { vi: 'rượu từ 15 độ trở lên', en: 'alcohol of 15% or more' },
  breast_milk_substitute: {
    vi: 'sữa thay thế sữa mẹ cho trẻ dưới 24 tháng tuổi',
    en: 'breast-milk substitutes for children under 24 months',
  },
  infant_feeding_equipment: { vi: 'bình bú và vú ngậm nhân tạo', en: 'feeding bottles and teats' },
  prescription_drug: { vi: 'thuốc kê đơn', en: 'prescription drugs' },
  sexual_stimulant: { vi: 'sản phẩm có tính chất kích dục', en: 'sexual stimulants' },
  hunting_weapon: { vi: 'súng săn, đạn, vũ khí thể thao', en: 'hunting guns, ammunition, sporting weapons' },
  weapons_explosives: { vi: 'vũ khí, vật liệu nổ, pháo nổ', en: 'weapons, explosives, firecrackers' },
  narcotics: { vi: 'ma túy', en: 'narcotics' },
  prostitution: { vi: 'mại dâm', en: 'prostitution' },
  illegal_gambling: { vi: 'cờ bạc, cá độ', en: 'gambling and betting' },
  wildlife: { vi: 'động vật hoang dã', en: 'wildlife products' },
};
