import { describe, expect, it } from 'vitest';
import { dictionaries, fill, loadLang, translate, type MessageKey } from './i18n';
import type { KeyValueStore } from '@bantin/protocol/core';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('i18n dictionary', () => {
  it('has the same keys in Vietnamese and English, none empty', () => {
    const viKeys = Object.keys(dictionaries.vi).sort();
    expect(Object.keys(dictionaries.en).sort()).toEqual(viKeys);
    for (const lang of ['vi', 'en'] as const) {
      for (const key of viKeys) expect(dictionaries[lang][key as MessageKey].trim()).not.toBe('');
    }
  });

  it('names the navigation in Vietnamese with diacritics', () => {
    expect(translate('vi', 'nav.overview')).toBe('Tổng quan');
    expect(translate('vi', 'nav.schedules')).toBe('Lịch phát');
    expect(translate('en', 'nav.schedules')).toBe('Schedules');
  });
});

describe('loadLang', () => {
  it('defaults to Vietnamese when nothing is saved', () => {
    expect(loadLang(memoryStore())).toBe('vi');
  });

  it('returns the saved language', () => {
    expect(loadLang(memoryStore({ 'bantin.lang': 'en' }))).toBe('en');
  });

  it('ignores an unknown saved value', () => {
    expect(loadLang(memoryStore({ 'bantin.lang': 'fr' }))).toBe('vi');
  });

  it('falls back to Vietnamese when storage is unavailable', () => {
    expect(loadLang(null)).toBe('vi');
  });
});

describe('fill', () => {
  it('replaces named placeholders and keeps unknown ones visible', () => {
    expect(fill('Phiên bản {n} của {title}', { n: 2, title: 'Tin' })).toBe('Phiên bản 2 của Tin');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});

describe('screen dictionaries', () => {
  it('name the content states in Vietnamese as the ward staff say them', () => {
    expect(
      ['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired'].map((s) => translate('vi', `state.${s}` as MessageKey)),
    ).toEqual(['Nháp', 'Chờ duyệt', 'Đã duyệt', 'Bị từ chối', 'Đã rút', 'Hết hạn']);
    expect(translate('vi', 'review.mutedNote')).toBe('Quảng cáo ngoài trời không phát âm thanh');
    expect(translate('vi', 'editor.listen')).toBe('Nghe thử');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.vi) as MessageKey[]) {
      expect(names(dictionaries.en[key]), key).toEqual(names(dictionaries.vi[key]));
    }
  });
});
