import { describe, expect, it } from 'vitest';
import { hourTicks, layoutDay, positionInDay, type SegmentLike } from './gantt-layout';
import { addDays, dayBounds, localDate, mondayOf } from './local-day';

// 2026-03-02 00:00 in Hà Nội is 2026-03-01 17:00 UTC.
const DAY = '2026-03-02';
const midnight = Date.UTC(2026, 2, 1, 17, 0);
const at = (h: number, m = 0) => midnight + (h * 60 + m) * 60_000;
const item = (rule: string, scheduleId: string | null = '4', contentId = '7') => ({
  contentId,
  kind: 'image',
  reason: { scheduleId, rule },
});
const seg = (start: number, end: number, cls: SegmentLike['class'], items = [item('normal: lịch #4')]): SegmentLike => ({
  start,
  end,
  class: cls,
  mode: 'loop',
  items,
});

describe('layoutDay', () => {
  it('places a 06:00–12:00 segment at a quarter of the day, a quarter wide, in Asia/Ho_Chi_Minh', () => {
    const [bar] = layoutDay([seg(at(6), at(12), 'normal')], DAY);
    expect(bar).toMatchObject({ left: 25, width: 25, startLabel: '06:00', endLabel: '12:00', class: 'normal' });
  });

  it('cuts segments that cross midnight and labels the end of the day 24:00', () => {
    const bars = layoutDay([seg(at(-2), at(1), 'fallback'), seg(at(22), at(26), 'ads')], DAY);
    expect(bars.map((b) => [b.startLabel, b.endLabel, b.left, b.width])).toEqual([
      ['00:00', '01:00', 0, (1 / 24) * 100],
      ['22:00', '24:00', (22 / 24) * 100, (2 / 24) * 100],
    ]);
  });

  it('drops segments of other days and sorts the rest by start', () => {
    const bars = layoutDay([seg(at(9), at(10), 'priority'), seg(at(30), at(31), 'normal'), seg(at(7), at(8), 'emergency')], DAY);
    expect(bars.map((b) => b.class)).toEqual(['emergency', 'priority']);
  });

  it('collects distinct reasons, schedules, contents and text titles of the items', () => {
    const items = [
      item('normal: lịch #4', '4', '7'),
      item('normal: lịch #4', '4', '8'),
      { ...item('fallback: vòng mặc định', null, '9'), text: { title: 'Quy tắc ứng xử' } },
    ];
    const [bar] = layoutDay([seg(at(6), at(7), 'normal', items)], DAY);
    expect(bar!.reasons).toEqual(['normal: lịch #4', 'fallback: vòng mặc định']);
    expect(bar!.scheduleIds).toEqual(['4']);
    expect(bar!.contentIds).toEqual(['7', '8', '9']);
    expect(bar!.titles).toEqual(['Quy tắc ứng xử']);
  });

  it('honours another offset (UTC) when asked', () => {
    const [bar] = layoutDay([seg(Date.UTC(2026, 2, 2, 6), Date.UTC(2026, 2, 2, 18), 'normal')], DAY, 0);
    expect(bar).toMatchObject({ left: 25, width: 50, startLabel: '06:00', endLabel: '18:00' });
  });
});

describe('hourTicks and positionInDay', () => {
  it('marks every three hours from 00:00 to 24:00', () => {
    const ticks = hourTicks(3);
    expect(ticks).toHaveLength(9);
    expect(ticks[0]).toEqual({ left: 0, label: '00:00' });
    expect(ticks[8]).toEqual({ left: 100, label: '24:00' });
  });

  it('places noon at the middle and refuses other days', () => {
    expect(positionInDay(at(12), DAY)).toBe(50);
    expect(positionInDay(at(24), DAY)).toBeNull();
  });
});

describe('local days', () => {
  it('knows a Vietnamese day starts at 17:00 UTC the day before', () => {
    expect(dayBounds(DAY)).toEqual({ from: midnight, to: midnight + 86_400_000 });
    expect(localDate(at(23, 59))).toBe(DAY);
    expect(localDate(at(24))).toBe('2026-03-03');
  });

  it('finds the Monday of a week and adds days across months', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
