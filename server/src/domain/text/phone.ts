// Phone numbers read digit by digit, group by group, with a short pause between groups:
// "0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám". Emergency numbers (111–115) are
// said digit by digit too ("gọi một một ba"), but only where the sentence is about calling, so that
// "115 hộ" stays "một trăm mười lăm hộ".
import { readDigits } from './number-words';
import type { RewriteRule } from './rewrite';

function phoneWords(written: string): string {
  const plus = written.startsWith('+');
  const groups = written.replace(/^\+/, '').split(/[\s.\-()]+/).filter((g) => g !== '');
  const digits = groups.join('');
  // An ungrouped mobile number is read in the usual 4-3-3 rhythm.
  const spoken = groups.length === 1 && digits.length >= 9 ? [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)] : groups;
  const words = spoken.map(readDigits).join(', ');
  return plus ? `cộng ${words}` : words;
}

/** Words that, earlier in the same sentence, make 111–115 a number to call. */
const CALL_CUE = /(?:gọi|số|đường dây|tổng đài|hotline|nóng|khẩn cấp|báo|cấp cứu|cứu hỏa|cứu hoả|cứu nạn|công an|cảnh sát)[^.!?\n]*$/iu;

/** Mobile and landline numbers (0… or +84…, 10–11 digits, spaced or not) and 1800/1900 hotlines. */
export const PHONE_NUMBER =
  /(?<![\p{L}\p{N}])(?:(?:\+84|0)(?:[ .-]?\(?\d\)?){9,10}|\(0\d{2,3}\)[ .-]?\d{3,4}[ .-]?\d{3,4}|1[89]00[ .-]?\d{3,4}(?:[ .-]?\d{1,3})?)(?![\p{L}\p{N}])/gu;

export const PHONE_RULES: readonly RewriteRule[] = [
  {
    // Mobile and landline numbers (0… or +84…, 10–11 digits) and 1800/1900 hotlines.
    name: 'phone',
    pattern: PHONE_NUMBER,
    replace: (m) => phoneWords(m[0]),
  },
  {
    name: 'emergency-number',
    pattern: /(?<![\p{L}\p{N}.,])11[1-5](?![\p{L}\p{N}]|[.,]\d)/gu,
    replace: (m, text) => (CALL_CUE.test(text.slice(Math.max(0, m.index - 60), m.index)) ? readDigits(m[0]) : null),
  },
];
