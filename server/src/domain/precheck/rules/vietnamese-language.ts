// Ads must be in Vietnamese (Luật Quảng cáo 2012, Art. 18): a foreign language may appear beside it,
// never instead of it. The check reads all text fields together; an ad with no text at all gets an
// info finding, since its language is then only in the image or video, which the reviewer must read.
import { textFieldsOf, type PrecheckRule } from '../types';
import { looksVietnamese, wordsOf } from '../vietnamese-words';

const RULE_ID = 'ad.vietnamese_language';

export const vietnameseLanguageRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['ad'],
  check(input) {
    const fields = textFieldsOf(input);
    const text = fields.map(([, t]) => t).join('\n');
    const field = fields[0]?.[0] ?? 'body';
    if (wordsOf(text).length === 0) {
      return [
        {
          ruleId: RULE_ID,
          severity: 'info',
          span: null,
          field,
          message: {
            vi: 'Quảng cáo không có chữ: kiểm tra chữ trong hình ảnh hoặc video có tiếng Việt.',
            en: 'The ad has no text: check that any words in the image or video are in Vietnamese.',
          },
        },
      ];
    }
    if (looksVietnamese(text)) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'error',
        span: null,
        field,
        message: {
          vi: 'Không thấy nội dung tiếng Việt: quảng cáo phải có tiếng Việt (Luật Quảng cáo, Điều 18).',
          en: 'No Vietnamese text found: ads must be in Vietnamese (Advertising Law, Art. 18).',
        },
      },
    ];
  },
};
