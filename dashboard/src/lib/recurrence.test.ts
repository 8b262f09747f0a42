import { describe, expect, it } from 'vitest';
import { BROADCAST_WINDOWS, buildRrule, clockMinutes, detectPreset, formatClock, parseRrule, presetWhen } from './recurrence';

describe('presetWhen', () => {
  it('makes the broadcast slot rule every day at 06:00–06:30 and 17:00–17:30', () => {
    expect(presetWhen('broadcast', '2026-03-01', '2026-03-31', [{ start: '09:00', end: '10:00' }])).toEqual({
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      windows: [...BROADCAST_WINDOWS],
    });
  });

  it('keeps the chosen windows for weekdays, Monday to Friday', () => {
    const w = presetWhen('weekdays', '2026-03-01', '2026-03-31', [{ start: '09:00', end: '10:00' }]);
    expect(w.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(w.windows).toEqual([{ start: '09:00', end: '10:00' }]);
  });
});

describe('detectPreset', () => {
  const base = { dateFrom: '2026-03-01', dateTo: '2026-03-31' };
  it('recognises each preset and calls anything else custom', () => {
    expect(detectPreset({ ...base, daysOfWeek: [7, 6, 5, 4, 3, 2, 1], windows: [...BROADCAST_WINDOWS] })).toBe('broadcast');
    expect(detectPreset({ ...base, daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '06:00', end: '06:30' }] })).toBe('daily');
    expect(detectPreset({ ...base, daysOfWeek: [1, 2, 3, 4, 5], windows: [...BROADCAST_WINDOWS] })).toBe('weekdays');
    expect(detectPreset({ ...base, daysOfWeek: [1, 3], windows: [...BROADCAST_WINDOWS] })).toBe('custom');
    expect(detectPreset({ rrule: 'RRULE:FREQ=DAILY', durationMin: 5 })).toBe('rrule');
  });
});

describe('parseRrule', () => {
  it('reads frequency, days, times from DTSTART, and the end', () => {
    expect(parseRrule('DTSTART:20260302T063000\nRRULE:FREQ=WEEKLY;BYDAY=TH,MO;UNTIL=20261231T000000Z')).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      byDay: [1, 4],
      byMonthDay: [],
      byMonth: [],
      times: [390],
      start: '2026-03-02',
      until: '2026-12-31',
      count: null,
    });
  });

  it('prefers BYHOUR and BYMINUTE over the DTSTART time', () => {
    expect(parseRrule('DTSTART:20260302T000000\nRRULE:FREQ=DAILY;BYHOUR=6,17;BYMINUTE=0,30')?.times).toEqual([360, 390, 1020, 1050]);
  });

  it('accepts a bare rule line and refuses what it cannot read', () => {
    expect(parseRrule('FREQ=DAILY;INTERVAL=2')?.interval).toBe(2);
    expect(parseRrule('DTSTART:20260302T000000')).toBeNull();
    expect(parseRrule('RRULE:FREQ=SECONDLY')).toBeNull();
    expect(parseRrule('RRULE:FREQ=MONTHLY;BYDAY=1MO')).toBeNull();
  });
});

describe('clock helpers and buildRrule', () => {
  it('converts clock times both ways, 24:00 included', () => {
    expect(clockMinutes('06:30')).toBe(390);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('24:30')).toBeNull();
    expect(clockMinutes('6:30')).toBeNull();
    expect(formatClock(390)).toBe('06:30');
    expect(formatClock(1440)).toBe('24:00');
  });

  it('builds a weekly rule the reader reads back', () => {
    const text = buildRrule('2026-03-02', '06:30', [4, 1]);
    expect(text).toBe('DTSTART:20260302T063000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH');
    expect(parseRrule(text)?.byDay).toEqual([1, 4]);
  });
});
