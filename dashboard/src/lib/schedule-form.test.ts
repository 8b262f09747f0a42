import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, inputOf, whenOf } from './schedule-form';

const base = () => ({ ...emptyForm('2026-03-01', '2026-12-31'), contentId: 7, groupIds: [3] });

describe('schedule editor form', () => {
  it('asks for content, then a target, before anything else', () => {
    expect(checkForm({ ...base(), contentId: null })).toBe('editor.needWhat');
    expect(checkForm({ ...base(), groupIds: [] })).toBe('editor.needTarget');
    expect(checkForm(base())).toBeNull();
  });

  it('refuses a window that ends before it starts and a reversed date range', () => {
    expect(checkForm({ ...base(), windows: [{ start: '09:00', end: '08:00' }] })).toBe('editor.needWindow');
    expect(checkForm({ ...base(), dateTo: '2026-02-01' })).toBe('editor.needDates');
  });

  it('needs a DTSTART in an RRULE and days for a custom rule', () => {
    expect(checkForm({ ...base(), preset: 'rrule', rrule: 'RRULE:FREQ=DAILY' })).toBe('editor.needRrule');
    expect(checkForm({ ...base(), preset: 'rrule', rrule: 'DTSTART:20260301T060000\nRRULE:FREQ=DAILY' })).toBeNull();
    expect(checkForm({ ...base(), preset: 'custom', days: [] })).toBe('editor.needDays');
  });

  it('turns the broadcast preset into both loudspeaker slots every day', () => {
    expect(whenOf({ ...base(), preset: 'broadcast' })).toEqual({
      dateFrom: '2026-03-01',
      dateTo: '2026-12-31',
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      windows: [
        { start: '06:00', end: '06:30' },
        { start: '17:00', end: '17:30' },
      ],
    });
  });

  it('sends either a content or a playlist, and an ad share only for ads', () => {
    expect(inputOf(base())).toMatchObject({ contentId: 7, class: 'normal', target: { groupIds: [3], kinds: [], deviceIds: [] } });
    expect(inputOf(base())).not.toHaveProperty('adShare');
    const ads = inputOf({ ...base(), whatKind: 'playlist', playlistId: 2, cls: 'ads', adSharePct: 25 });
    expect(ads).toMatchObject({ playlistId: 2, adShare: 0.25 });
    expect(ads).not.toHaveProperty('contentId');
  });
});
