import { describe, expect, it } from 'vitest';
import { format, pickLang } from './messages';

describe('pickLang', () => {
  it.each([
    [undefined, 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.2,vi;q=0.8', 'vi'],
    ['de', 'vi'],
  ])('%s → %s', (header, lang) => expect(pickLang(header)).toBe(lang));
});

describe('format', () => {
  it('fills parameters in both languages', () => {
    expect(format('too_many_attempts', 'vi', { seconds: 30 })).toBe('Quá nhiều lần thử. Hãy thử lại sau 30 giây.');
    expect(format('too_many_attempts', 'en', { seconds: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
  });
});
