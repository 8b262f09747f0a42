import { describe, expect, it } from 'vitest';
import { emptyDraft, validateFeedback } from './validate';

const NOW = 1_767_000_000_000;

describe('validateFeedback', () => {
  it('accepts a rating and topic alone, with no personal data', () => {
    expect(validateFeedback({ ...emptyDraft(), rating: 4, topic: 'thời gian chờ' }, NOW)).toEqual({
      ok: true,
      feedback: { rating: 4, topic: 'thời gian chờ' },
    });
  });

  it('requires a rating from 1 to 5', () => {
    expect(validateFeedback(emptyDraft(), NOW).ok).toBe(false);
    expect(validateFeedback({ ...emptyDraft(), rating: 6 }, NOW).ok).toBe(false);
  });

  it('refuses a phone number without explicit consent', () => {
    const r = validateFeedback({ ...emptyDraft(), rating: 2, phone: '0912 345 678' }, NOW);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('đồng ý') });
  });

  it('keeps a phone number with consent and records when and for how long', () => {
    const r = validateFeedback({ ...emptyDraft(), rating: 2, phone: '0912 345 678', consent: true, comment: '  Chờ lâu  ' }, NOW);
    expect(r).toEqual({
      ok: true,
      feedback: {
        rating: 2,
        topic: 'thủ tục hành chính',
        comment: 'Chờ lâu',
        phone: '0912 345 678',
        consent: { given: true, at: NOW, retentionDays: 90 },
      },
    });
  });

  it('records no consent when the box is ticked but no number is given', () => {
    const r = validateFeedback({ ...emptyDraft(), rating: 5, consent: true }, NOW);
    expect(r).toEqual({ ok: true, feedback: { rating: 5, topic: 'thủ tục hành chính' } });
  });

  it('rejects a malformed phone number', () => {
    expect(validateFeedback({ ...emptyDraft(), rating: 3, phone: '12ab', consent: true }, NOW).ok).toBe(false);
  });
});
