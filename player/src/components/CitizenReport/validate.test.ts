import { describe, expect, it } from 'vitest';
import { emptyReport, validateReport } from './validate';

const NOW = 1_767_000_000_000;
const base = { ...emptyReport(), category: 'scam' as const, platform: 'facebook' as const, description: '  Trang giả mạo UBND phường  ' };

describe('validateReport', () => {
  it('accepts a category, a platform and a description, with no personal data', () => {
    expect(validateReport(base, NOW)).toEqual({
      ok: true,
      report: { category: 'scam', platform: 'facebook', description: 'Trang giả mạo UBND phường' },
    });
  });

  it('requires a category, a place and a description', () => {
    expect(validateReport({ ...base, category: null }, NOW)).toEqual({ ok: false, error: expect.stringContaining('loại') });
    expect(validateReport({ ...base, platform: null }, NOW)).toEqual({ ok: false, error: expect.stringContaining('nơi thấy') });
    expect(validateReport({ ...base, description: '   ' }, NOW)).toEqual({ ok: false, error: expect.stringContaining('mô tả') });
  });

  it('takes a typed link instead of a platform, as text, and refuses what is not an http(s) address', () => {
    expect(validateReport({ ...base, platform: null, link: ' https://example.vn/bai-viet?id=1 ' }, NOW)).toMatchObject({
      ok: true,
      report: { link: 'https://example.vn/bai-viet?id=1' },
    });
    for (const link of ['javascript:alert(1)', 'https://a b.vn', 'ftp://x.vn', 'https://x.vn/"><script>']) {
      expect(validateReport({ ...base, link }, NOW).ok).toBe(false);
    }
  });

  it('bounds the description', () => {
    const r = validateReport({ ...base, description: 'a'.repeat(5000) }, NOW);
    expect(r.ok && r.report.description.length).toBe(1000);
  });

  it('keeps a phone number only with consent, recording when and for how long, like feedback', () => {
    expect(validateReport({ ...base, phone: '0912 345 678' }, NOW)).toEqual({ ok: false, error: expect.stringContaining('đồng ý') });
    expect(validateReport({ ...base, phone: '0912 345 678', consent: true }, NOW)).toMatchObject({
      ok: true,
      report: { phone: '0912 345 678', consent: { given: true, at: NOW, retentionDays: 90 } },
    });
  });
});
