import { describe, expect, it } from 'vitest';
import { intervalsOn, layoutWeek, rruleOccursOn, type ScheduleLike } from './week-layout';
import { parseRrule } from './recurrence';

const MONDAY = '2026-03-02';
const sched = (id: number, when: ScheduleLike['when'], cls: ScheduleLike['class'] = 'normal'): ScheduleLike => ({
  id,
  name: `Lịch ${id}`,
  class: cls,
  when,
});
const calendar = (daysOfWeek: number[], windows: { start: string; end: string }[], dateFrom = '2026-01-01', dateTo = '2026-12-31') => ({
  dateFrom,
  dateTo,
  daysOfWeek,
  windows,
});

describe('layoutWeek', () => {
  it('draws a weekday broadcast rule as two blocks on each of five columns', () => {
    const { blocks } = layoutWeek(
      [
        sched(
          1,
          calendar(
            [1, 2, 3, 4, 5],
            [
              { start: '06:00', end: '06:30' },
              { start: '17:00', end: '17:30' },
            ],
          ),
        ),
      ],
      MONDAY,
    );
    expect(blocks).toHaveLength(10);
    expect(new Set(blocks.map((b) => b.day))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(blocks[0]).toMatchObject({ top: 25, height: (30 / 1440) * 100, lane: 0, lanes: 1 });
  });

  it('respects the date range of the rule', () => {
    const { blocks } = layoutWeek(
      [sched(1, calendar([1, 2, 3, 4, 5, 6, 7], [{ start: '08:00', end: '09:00' }], '2026-03-04', '2026-03-05'))],
      MONDAY,
    );
    expect(blocks.map((b) => b.day)).toEqual([2, 3]);
  });

  it('puts overlapping blocks side by side and leaves separate ones full width', () => {
    const { blocks } = layoutWeek(
      [
        sched(1, calendar([1], [{ start: '06:00', end: '08:00' }])),
        sched(2, calendar([1], [{ start: '07:00', end: '09:00' }]), 'priority'),
        sched(3, calendar([1], [{ start: '08:00', end: '10:00' }]), 'ads'),
        sched(4, calendar([1], [{ start: '12:00', end: '13:00' }]), 'fallback'),
      ],
      MONDAY,
    );
    const by = (id: number) => blocks.find((b) => b.scheduleId === id)!;
    expect([by(1).lane, by(2).lane, by(3).lane]).toEqual([0, 1, 0]);
    expect([by(1).lanes, by(2).lanes, by(3).lanes]).toEqual([2, 2, 2]);
    expect(by(4)).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('ignores empty or reversed windows and reports hourly RRULEs as undrawn', () => {
    const hourly = sched(2, { rrule: 'DTSTART:20260301T060000\nRRULE:FREQ=HOURLY', durationMin: 5 });
    const { blocks, undrawn } = layoutWeek([sched(1, calendar([1], [{ start: '09:00', end: '08:00' }])), hourly], MONDAY);
    expect(blocks).toEqual([]);
    expect(undrawn).toEqual([hourly]);
  });

  it('draws a weekly RRULE on its days with its duration', () => {
    const { blocks } = layoutWeek([sched(1, { rrule: 'DTSTART:20260302T063000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH', durationMin: 30 })], MONDAY);
    expect(blocks.map((b) => [b.day, b.startMin, b.endMin])).toEqual([
      [0, 390, 420],
      [3, 390, 420],
    ]);
  });
});

describe('rruleOccursOn', () => {
  const r = (text: string) => parseRrule(text)!;
  it('skips the off weeks of an every-two-weeks rule', () => {
    const rule = r('DTSTART:20260302T060000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
    expect(rruleOccursOn(rule, '2026-03-02')).toBe(true);
    expect(rruleOccursOn(rule, '2026-03-09')).toBe(false);
    expect(rruleOccursOn(rule, '2026-03-16')).toBe(true);
  });

  it('stops after COUNT occurrences and at UNTIL, and never before DTSTART', () => {
    const counted = r('DTSTART:20260302T060000\nRRULE:FREQ=DAILY;COUNT=3');
    expect(['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-05'].map((d) => rruleOccursOn(counted, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const until = r('DTSTART:20260302T060000\nRRULE:FREQ=DAILY;UNTIL=20260303T000000Z');
    expect(rruleOccursOn(until, '2026-03-04')).toBe(false);
  });

  it('matches monthly days and yearly dates', () => {
    expect(rruleOccursOn(r('DTSTART:20260101T080000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15'), '2026-03-15')).toBe(true);
    expect(rruleOccursOn(r('DTSTART:20260902T070000\nRRULE:FREQ=YEARLY'), '2027-09-02')).toBe(true);
    expect(rruleOccursOn(r('DTSTART:20260902T070000\nRRULE:FREQ=YEARLY'), '2027-09-03')).toBe(false);
  });
});

describe('intervalsOn', () => {
  it('caps an RRULE occurrence at midnight', () => {
    expect(intervalsOn({ rrule: 'DTSTART:20260302T233000\nRRULE:FREQ=DAILY', durationMin: 60 }, '2026-03-03')).toEqual([[1410, 1440]]);
  });
});
