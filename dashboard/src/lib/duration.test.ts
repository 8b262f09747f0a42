import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('says minutes under an hour instead of "0 giờ"', () => {
    expect(formatDuration(12 * 60, 'vi')).toBe('12 phút');
    expect(formatDuration(29, 'vi')).toBe('0 phút');
    expect(formatDuration(90, 'vi')).toBe('2 phút');
  });

  it('says hours and minutes above an hour, and whole hours alone', () => {
    expect(formatDuration(3_900, 'vi')).toBe('1 giờ 5 phút');
    expect(formatDuration(3 * 3_600, 'vi')).toBe('3 giờ');
    expect(formatDuration(1_234 * 3_600, 'vi')).toBe('1.234 giờ');
  });

  it('speaks English with short units', () => {
    expect(formatDuration(12 * 60, 'en')).toBe('12 min');
    expect(formatDuration(3_900, 'en')).toBe('1 h 5 min');
  });
});
