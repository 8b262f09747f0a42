import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS, type PrecheckInput } from '../types';
import { bannedCategoryRule } from './banned-category';

const ctx = { now: Date.UTC(2026, 0, 1), settings: DEFAULT_PRECHECK_SETTINGS };

function check(body: string, extra: Partial<PrecheckInput> = {}) {
  return bannedCategoryRule.check({ kind: 'ad', fields: { body }, ...extra }, ctx);
}

function said(body: string): Array<[string, string]> {
  return check(body).map((f) => [f.severity, body.slice(f.span?.start, f.span?.end)]);
}

describe('ad.banned_category', () => {
  it('is an error when the declared category is banned', () => {
    const [f] = check('Khuyến mãi lớn', { productCategory: 'tobacco' });
    expect(f).toMatchObject({ severity: 'error', field: 'productCategory', span: null });
    expect(f?.message.vi).toContain('thuốc lá');
  });

  it('says nothing about an allowed declared category and neutral text', () => {
    expect(check('Khai trương cửa hàng bánh mì', { productCategory: 'food' })).toEqual([]);
    expect(check('Bia hơi 4 độ', { productCategory: 'alcohol_light' })).toEqual([]);
  });

  it.each([
    ['Thuốc lá điện tử chính hãng', 'Thuốc lá điện tử'],
    ['THUOC LA ngoai nhap', 'THUOC LA'],
    ['Xì gà Cuba', 'Xì gà'],
    ['Bán thuốc kê đơn giá rẻ', 'thuốc kê đơn'],
    ['Bình bú cho bé', 'Bình bú'],
    ['Súng săn, đạn chì', 'Súng săn'],
    ['Cá độ bóng đá online', 'Cá độ'],
    ['Pháo nổ Tết', 'Pháo nổ'],
    ['ma tuý', 'ma tuý'],
  ])('warns about "%s"', (body, word) => {
    expect(said(body)).toContainEqual(['warning', word]);
  });

  it('is an error for rượu with a strength of 15 or more, in degrees, percent or °', () => {
    expect(said('Rượu nếp cái hoa vàng 40 độ')).toEqual([['error', '40 độ']]);
    expect(said('Ruou vodka 39,5%')).toContainEqual(['error', '39,5%']);
    expect(said('Rượu Sake 15°')).toEqual([['error', '15°']]);
    expect(said('Rượu thuốc, độ cồn: 29')).toEqual([['error', 'độ cồn: 29']]);
  });

  it('says nothing for rượu under 15 degrees or degrees without alcohol', () => {
    expect(said('Rượu vang đỏ 13,5%')).toEqual([]);
    expect(said('Nhiệt độ ngoài trời 40 độ, giảm 50%')).toEqual([]);
  });

  it('is an error for milk aimed at children under 24 months', () => {
    expect(said('Sữa bột cho bé 0-6 tháng tuổi')).toEqual([['error', '0-6 tháng']]);
    expect(said('Sữa công thức cho trẻ dưới 12 tháng')).toEqual([
      ['error', '12 tháng'],
      ['warning', 'Sữa công thức'],
    ]);
    expect(said('Sữa cho trẻ sơ sinh')).toEqual([['error', 'trẻ sơ sinh']]);
  });

  it('does not take milk for children over 24 months, or "sửa" (repair), for a substitute', () => {
    expect(said('Sữa tươi cho bé từ 36 tháng')).toEqual([]);
    expect(said('Sửa xe máy, bảo hành 6 tháng')).toEqual([]);
  });

  it('does not match a keyword inside a longer word', () => {
    expect(said('Đạnsúng và vũkhí')).toEqual([]);
  });
});
