import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneCalendar, isoDayOfWeek, parseClock, parseDate } from './zone';

describe('parseClock / parseDate', () => {
  it('accepts 00:00..24:00 and rejects the rest', () => {
    expect(parseClock('05:30')).toBe(330);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('7:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
  });
  it('rejects impossible dates', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-03-02')).not.toBeNull();
    expect(isoDayOfWeek(parseDate('2026-03-02')!)).toBe(1); // Monday
    expect(isoDayOfWeek(parseDate('2026-03-08')!)).toBe(7); // Sunday
  });
});

describe('ZoneCalendar', () => {
  it('maps Asia/Ho_Chi_Minh wall time at UTC+7 with no DST, any day of the year', () => {
    const cal = new ZoneCalendar('Asia/Ho_Chi_Minh');
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 22_000 }), fc.integer({ min: 0, max: 1439 }), (day, min) => {
        expect(cal.toEpoch(day, min)).toBe(day * 86_400_000 + min * 60_000 - 7 * 3_600_000);
      }),
    );
    expect(cal.dayOf(Date.parse('2026-03-02T23:59:00+07:00'))).toBe(parseDate('2026-03-02'));
    expect(cal.dayOf(Date.parse('2026-03-03T00:00:00+07:00'))).toBe(parseDate('2026-03-03'));
  });

  it('shrinks a window on the hour skipped by spring-forward', () => {
    const cal = new ZoneCalendar('Europe/Berlin');
    const day = parseDate('2026-03-29')!; // 02:00 → 03:00
    const w = cal.windowOn(day, 2 * 60 + 30, 4 * 60);
    expect(w.start).toBe(Date.parse('2026-03-29T01:00:00Z')); // the gap's end, 03:00 CEST
    expect(w.end).toBe(Date.parse('2026-03-29T02:00:00Z'));
    const skipped = cal.windowOn(day, 2 * 60, 3 * 60);
    expect(skipped.end - skipped.start).toBe(0);
  });

  it('plays a window inside the repeated hour of fall-back once, in the first pass', () => {
    const cal = new ZoneCalendar('Europe/Berlin');
    const day = parseDate('2026-10-25')!; // 03:00 CEST → 02:00 CET
    const w = cal.windowOn(day, 2 * 60 + 15, 2 * 60 + 45);
    expect(w.start).toBe(Date.parse('2026-10-25T00:15:00Z'));
    expect(w.end - w.start).toBe(30 * 60_000);
  });
});
