import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS, type PrecheckInput } from '../types';
import { hasValidProof, superlativeRule } from './superlative';

const NOW = Date.UTC(2026, 5, 15);
const DAY = 86_400_000;
const ctx = { now: NOW, settings: DEFAULT_PRECHECK_SETTINGS };

function ad(body: string, extra: Partial<PrecheckInput> = {}): PrecheckInput {
  return { kind: 'ad', fields: { body }, ...extra };
}

function claims(body: string): string[] {
  return superlativeRule.check(ad(body), ctx).map((f) => body.slice(f.span?.start, f.span?.end));
}

describe('ad.superlative', () => {
  it('flags a superlative as an error without a proof, pointing at the words', () => {
    const body = 'Phở ngon nhất phố!';
    const [f, ...rest] = superlativeRule.check(ad(body), ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ad.superlative', severity: 'error', field: 'body', span: { start: 9, end: 13 } });
    expect(f?.message.vi).toContain('"nhất"');
  });

  it.each([
    ['Sản phẩm duy nhất trên thị trường', 'duy nhất'],
    ['Giá RẺ NHẤT', 'RẺ NHẤT'],
    ['Thương hiệu số 1 Việt Nam', 'số 1'],
    ['Thương hiệu số một', 'số một'],
    ['Nhà cung cấp hàng đầu', 'hàng đầu'],
    ['Đứng đầu thị trường', 'Đứng đầu'],
    ['Vô địch về giá', 'Vô địch'],
    ['The No.1 choice', 'No.1'],
    ['gia tot nhat thi truong', 'tot nhat'],
    ['GIA RE NHAT', 'RE NHAT'],
    ['san pham duy nhat', 'duy nhat'],
  ])('finds the claim in "%s"', (body, claim) => {
    expect(claims(body)).toEqual([claim]);
  });

  it.each([
    'Chúng ta cần thống nhất ý kiến',
    'Bà con nhất định đến đúng giờ',
    'nhất là người cao tuổi',
    'Giải nhất cuộc thi, người thứ nhất',
    'sau khi hợp nhất, màu đồng nhất',
    'ít nhất 3 ngày, chậm nhất ngày 20',
    'Ưu đãi duy nhất một lần',
    'người đứng đầu cơ quan',
    'xếp hàng đầu tiên',
    'Cửa hàng tại số 1 Tràng Tiền',
    'Phòng số 10, số 15',
    'nhấtđịnh không mua',
    'Mở cửa Chủ nhật, hàng Nhật Bản, nhặt rau',
    'hang nhat ban',
  ])('finds no claim in "%s"', (body) => {
    expect(claims(body)).toEqual([]);
  });

  it('finds claims in NFD text with spans into that text', () => {
    const body = 'Giá tốt nhất!'.normalize('NFD');
    const [f] = superlativeRule.check(ad(body), ctx);
    expect(body.slice(f?.span?.start, f?.span?.end).normalize('NFC')).toBe('tốt nhất');
  });

  it('finds a bare "nhất" written with combining marks (NFD) and in capitals', () => {
    const body = 'PHỞ NGON NHẤT'.normalize('NFD');
    const [f] = superlativeRule.check(ad(body), ctx);
    expect(body.slice(f?.span?.start, f?.span?.end).normalize('NFC')).toBe('NHẤT');
  });

  it('checks every text field', () => {
    const findings = superlativeRule.check({ kind: 'ad', fields: { title: 'Số 1', body: 'tốt nhất' } }, ctx);
    expect(findings.map((f) => f.field)).toEqual(['title', 'body']);
  });

  it('turns into info when a proof less than a year old is attached', () => {
    const [f] = superlativeRule.check(ad('Tốt nhất', { proofs: [{ uploadedAt: NOW - 30 * DAY }] }), ctx);
    expect(f?.severity).toBe('info');
  });

  it('stays an error when the only proof is older than a year', () => {
    const [f] = superlativeRule.check(ad('Tốt nhất', { proofs: [{ uploadedAt: NOW - 400 * DAY }] }), ctx);
    expect(f?.severity).toBe('error');
  });
});

describe('hasValidProof', () => {
  it('judges by the issue date when there is one', () => {
    expect(hasValidProof([{ uploadedAt: NOW - DAY, issuedAt: NOW - 366 * DAY }], ctx)).toBe(false);
    expect(hasValidProof([{ uploadedAt: NOW - 500 * DAY, issuedAt: NOW - 10 * DAY }], ctx)).toBe(true);
  });

  it('counts a proof one day short of a year and not one of exactly a year', () => {
    expect(hasValidProof([{ uploadedAt: Date.UTC(2025, 5, 16) }], ctx)).toBe(true);
    expect(hasValidProof([{ uploadedAt: Date.UTC(2025, 5, 15) }], ctx)).toBe(false);
  });

  it('does not count a proof dated in the future', () => {
    expect(hasValidProof([{ uploadedAt: NOW + DAY }], ctx)).toBe(false);
  });

  it('is false with no proofs', () => {
    expect(hasValidProof(undefined, ctx)).toBe(false);
  });
});
