// Report periods and local-day bucketing, including a zone with daylight saving time.
import { describe, expect, it } from 'vitest';
import { ZoneCalendar } from '../domain/schedule/zone';
import { dateRange, offsetSegments, periodLabel, periodRange, previousPeriod, weekStart, formatDay, localDateTime } from './period';

const vn = new ZoneCalendar('Asia/Ho_Chi_Minh');
const berlin = new ZoneCalendar('Europe/Berlin');

describe('periodRange', () => {
  it('starts and ends a month at local midnight', () => {
    const r = periodRange(vn, { period: 'month', year: 2026, index: 11 });
    expect(new Date(r.from).toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(new Date(r.to).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect([r.firstDay, r.lastDay]).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('spans three months for a quarter, across the year end for Q4', () => {
    const r = periodRange(vn, { period: 'quarter', year: 2026, index: 4 });
    expect([r.firstDay, r.lastDay]).toEqual(['2026-10-01', '2026-12-31']);
    expect(new Date(r.to).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('previousPeriod', () => {
  it('reports on December of last year when run in January', () => {
    const jan = Date.parse('2027-01-01T01:00:00+07:00');
    expect(previousPeriod(vn, 'month', jan)).toEqual({ period: 'month', year: 2026, index: 12 });
    expect(previousPeriod(vn, 'quarter', jan)).toEqual({ period: 'quarter', year: 2026, index: 4 });
  });

  it('uses the local date, not the UTC one (01:00 on 1 April in Vietnam is still 31 March in UTC)', () => {
    const apr = Date.parse('2026-04-01T01:00:00+07:00');
    expect(previousPeriod(vn, 'month', apr)).toEqual({ period: 'month', year: 2026, index: 3 });
    expect(previousPeriod(vn, 'quarter', apr)).toEqual({ period: 'quarter', year: 2026, index: 1 });
  });
});

describe('periodLabel', () => {
  it('writes months and Roman-numbered quarters the Vietnamese way', () => {
    expect(periodLabel({ period: 'month', year: 2026, index: 3 })).toEqual({ vi: 'Tháng 3/2026', en: 'March 2026' });
    expect(periodLabel({ period: 'quarter', year: 2026, index: 2 })).toEqual({ vi: 'Quý II/2026', en: 'Q2 2026' });
  });
});

describe('dateRange', () => {
  it('includes the last day and refuses a reversed range', () => {
    const r = dateRange(vn, '2026-11-01', '2026-11-01')!;
    expect(r.to - r.from).toBe(86_400_000);
    expect(dateRange(vn, '2026-11-02', '2026-11-01')).toBeNull();
    expect(dateRange(vn, '2026-02-30', '2026-03-01')).toBeNull();
  });
});

describe('offsetSegments', () => {
  it('gives one segment in a zone without daylight saving time', () => {
    const r = periodRange(vn, { period: 'quarter', year: 2026, index: 1 });
    expect(offsetSegments(vn, r.from, r.to)).toEqual([{ s: r.from, e: r.to, o: 7 * 3_600_000 }]);
  });

  it('splits at the exact daylight-saving transition, so days stay local days', () => {
    const r = periodRange(berlin, { period: 'month', year: 2026, index: 3 });
    const segs = offsetSegments(berlin, r.from, r.to);
    expect(segs).toHaveLength(2);
    expect(new Date(segs[0]!.e).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(segs.map((s) => s.o)).toEqual([3_600_000, 7_200_000]);
    // Every instant maps to the local day the zone shows.
    for (const t of [segs[0]!.e - 1, segs[1]!.s, r.to - 1]) {
      const seg = segs.find((s) => t >= s.s && t < s.e)!;
      expect(formatDay(Math.floor((t + seg.o) / 86_400_000))).toBe(localDateTime(berlin, t).slice(0, 10));
    }
  });
});

describe('weekStart', () => {
  it('finds the Monday of the ISO week', () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    expect(formatDay(weekStart(day('2026-11-01')))).toBe('2026-10-26'); // a Sunday
    expect(formatDay(weekStart(day('2026-11-02')))).toBe('2026-11-02'); // a Monday
    expect(formatDay(weekStart(day('1970-01-01')))).toBe('1969-12-29');
  });
});
