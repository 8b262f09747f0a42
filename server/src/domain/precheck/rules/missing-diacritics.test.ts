import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS } from '../types';
import { missingDiacriticsRule } from './missing-diacritics';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };
const check = (body: string) => missingDiacriticsRule.check({ kind: 'message', fields: { body } }, ctx);

describe('text.missing_diacritics', () => {
  it('flags Vietnamese typed without diacritics', () => {
    const body = 'Thong bao lich cat dien tai khu pho 3 vao ngay mai';
    expect(check(body)).toEqual([
      expect.objectContaining({ ruleId: 'text.missing_diacritics', severity: 'warning', span: { start: 0, end: body.length } }),
    ]);
  });

  it('says nothing when the text has diacritics, in NFC or NFD', () => {
    const body = 'Thông báo lịch cắt điện tại khu phố 3 vào ngày mai';
    expect(check(body)).toEqual([]);
    expect(check(body.normalize('NFD'))).toEqual([]);
  });

  it('lets a short text pass', () => {
    expect(check('Xin chao ba con')).toEqual([]);
  });

  it('does not count proper names and abbreviations', () => {
    expect(check('Nguyen Van An, Tran Thi Binh, Ha Noi, UBND, Dong Da cho')).toEqual([]);
  });

  it('counts every word of a text written in capitals', () => {
    expect(check('THONG BAO CAT DIEN TAI KHU PHO 3')).toHaveLength(1);
    expect(check('THÔNG BÁO CẮT ĐIỆN TẠI KHU PHỐ 3')).toEqual([]);
  });

  it('does not flag English', () => {
    expect(check('Please keep the street clean and respect the quiet hours')).toEqual([]);
  });

  it('applies to clip titles too', () => {
    const findings = missingDiacriticsRule.check(
      { kind: 'clip', fields: { title: 'phim tuyen truyen ve an toan giao thong cho hoc sinh' } },
      ctx,
    );
    expect(findings.map((f) => f.field)).toEqual(['title']);
  });
});
