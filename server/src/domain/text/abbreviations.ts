// Common Vietnamese administrative abbreviations (chữ viết tắt) expanded before speech, so the
// loudspeaker says "Ủy ban nhân dân" rather than spelling U-B-N-D.
// Only unambiguous forms are listed: "P." (phường? phòng? phố?), "Q.", "TT" (trung tâm? thị trấn?
// thông tư?), "ĐT" and "CN" have several common readings and are left as written.

export interface Abbreviation {
  /** Forms as written, matched case-sensitively at word boundaries. */
  forms: readonly string[];
  expansion: string;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  { forms: ['TP.HCM', 'TP. HCM', 'TPHCM', 'Tp.HCM', 'Tp. HCM'], expansion: 'thành phố Hồ Chí Minh' },
  { forms: ['UBND'], expansion: 'Ủy ban nhân dân' },
  { forms: ['HĐND', 'HDND'], expansion: 'Hội đồng nhân dân' },
  { forms: ['UBMTTQ'], expansion: 'Ủy ban Mặt trận Tổ quốc' },
  { forms: ['MTTQ'], expansion: 'Mặt trận Tổ quốc' },
  { forms: ['TDP'], expansion: 'tổ dân phố' },
  { forms: ['KDC'], expansion: 'khu dân cư' },
  { forms: ['KP'], expansion: 'khu phố' },
  { forms: ['CCCD'], expansion: 'căn cước công dân' },
  { forms: ['CMND'], expansion: 'chứng minh nhân dân' },
  { forms: ['CSGT'], expansion: 'cảnh sát giao thông' },
  { forms: ['CAND'], expansion: 'công an nhân dân' },
  { forms: ['THCS'], expansion: 'trung học cơ sở' },
  { forms: ['THPT'], expansion: 'trung học phổ thông' },
  { forms: ['BHYT'], expansion: 'bảo hiểm y tế' },
  { forms: ['BHXH'], expansion: 'bảo hiểm xã hội' },
  { forms: ['PCCC'], expansion: 'phòng cháy chữa cháy' },
  { forms: ['ATGT'], expansion: 'an toàn giao thông' },
  { forms: ['VSATTP'], expansion: 'vệ sinh an toàn thực phẩm' },
  { forms: ['ATTP'], expansion: 'an toàn thực phẩm' },
  { forms: ['ANTT'], expansion: 'an ninh trật tự' },
  { forms: ['TTATXH'], expansion: 'trật tự an toàn xã hội' },
  { forms: ['KT-XH'], expansion: 'kinh tế xã hội' },
  { forms: ['HTX'], expansion: 'hợp tác xã' },
  { forms: ['CCB'], expansion: 'cựu chiến binh' },
  { forms: ['LHPN'], expansion: 'Liên hiệp Phụ nữ' },
  { forms: ['BCĐ', 'BCD'], expansion: 'ban chỉ đạo' },
  { forms: ['BQL'], expansion: 'ban quản lý' },
  { forms: ['TTHC'], expansion: 'thủ tục hành chính' },
  { forms: ['DVC'], expansion: 'dịch vụ công' },
  { forms: ['CNTT'], expansion: 'công nghệ thông tin' },
  { forms: ['SĐT', 'SDT', 'Số ĐT', 'số ĐT'], expansion: 'số điện thoại' },
  { forms: ['GPLX'], expansion: 'giấy phép lái xe' },
  { forms: ['NĐ-CP'], expansion: 'nghị định Chính phủ' },
  { forms: ['QĐ'], expansion: 'quyết định' },
  { forms: ['đ/c', 'Đ/c', 'Đ/C'], expansion: 'đồng chí' },
  { forms: ['TP.', 'Tp.'], expansion: 'thành phố' },
  { forms: ['TX.'], expansion: 'thị xã' },
  { forms: ['v.v.', 'v.v'], expansion: 'vân vân' },
  { forms: ['VN'], expansion: 'Việt Nam' },
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Longest form first, so "TP.HCM" wins over "TP." and "UBMTTQ" over "MTTQ". */
const FORM_TO_EXPANSION = new Map(ABBREVIATIONS.flatMap((a) => a.forms.map((f) => [f, a.expansion] as const)));
const FORMS_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...FORM_TO_EXPANSION.keys()]
    .sort((a, b) => b.length - a.length)
    // A form ending in "." already ends at a boundary ("TP.Huế"); the others must not run into a word.
    .map((f) => (f.endsWith('.') ? escapeRegExp(f) : `${escapeRegExp(f)}(?![\\p{L}\\p{N}])`))
    .join('|')})`,
  'gu',
);

/** Replaces every listed abbreviation by its spoken form. Input is expected in NFC. */
export function expandAbbreviations(text: string): string {
  return text.replace(FORMS_PATTERN, (form, offset: number) => {
    const expansion = FORM_TO_EXPANSION.get(form) ?? form;
    const rest = text.slice(offset + form.length);
    // "v.v." at the end of a line also ends the sentence: keep the full stop as a pause.
    if (form.startsWith('v.v') && /^[ \t]*(\n|$)/.test(rest)) return `${expansion}.`;
    const spaceAfter = form.endsWith('.') && /^\p{L}/u.test(rest) ? ' ' : '';
    return expansion + spaceAfter;
  });
}
