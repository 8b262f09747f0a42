import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS, type PrecheckInput } from '../types';
import { vietnameseLanguageRule } from './vietnamese-language';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };
const check = (fields: PrecheckInput['fields']) => vietnameseLanguageRule.check({ kind: 'ad', fields }, ctx);

describe('ad.vietnamese_language', () => {
  it('is an error for an ad only in English', () => {
    expect(check({ title: 'Grand opening', body: 'Big sale for everyone this weekend' })).toEqual([
      expect.objectContaining({ ruleId: 'ad.vietnamese_language', severity: 'error', span: null }),
    ]);
  });

  it('accepts Vietnamese with diacritics, in NFC and NFD', () => {
    expect(check({ body: 'Khai trương cửa hàng' })).toEqual([]);
    expect(check({ body: 'Khai trương cửa hàng'.normalize('NFD') })).toEqual([]);
  });

  it('accepts Vietnamese typed without diacritics', () => {
    expect(check({ body: 'Giam gia 50% cho moi don hang' })).toEqual([]);
  });

  it('accepts Vietnamese beside a foreign language', () => {
    expect(check({ title: 'SALE OFF', body: 'Ưu đãi cuối tuần' })).toEqual([]);
  });

  it('does not take French accents for Vietnamese', () => {
    expect(check({ body: 'Café crème et thé glacé' })).toHaveLength(1);
  });

  it('asks the reviewer to read the image when the ad has no text', () => {
    expect(check({})).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(check({ body: '50% 🎉' })).toEqual([expect.objectContaining({ severity: 'info' })]);
  });
});
