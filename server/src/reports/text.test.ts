// Masking of personal data in free text (kiosk comments) before it reaches a report.
import { describe, expect, it } from 'vitest';
import { maskPhones } from './text';

describe('maskPhones', () => {
  it('masks mobile numbers written with or without spaces, and leaves other numbers', () => {
    expect(maskPhones('Gọi 0912 345 678 hoặc +84912345678 giúp tôi, phòng 12, 2026')).toBe(
      'Gọi [số điện thoại] hoặc [số điện thoại] giúp tôi, phòng 12, 2026',
    );
  });
});
