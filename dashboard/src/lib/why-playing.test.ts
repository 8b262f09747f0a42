import { describe, expect, it } from 'vitest';
import { whyPlaying, type ScheduleLike } from './why-playing';

const schedules = new Map<string, ScheduleLike>([
  ['1', { id: 1, name: 'Tuyên truyền cả ngày', when: { windows: [{ start: '00:00', end: '24:00' }] } }],
  [
    '2',
    {
      id: 2,
      name: 'Phát thanh',
      when: {
        windows: [
          { start: '06:00', end: '06:30' },
          { start: '17:00', end: '17:30' },
        ],
      },
    },
  ],
  ['3', { id: 3, name: 'Hằng tuần', when: { rrule: 'DTSTART:20260302T063000\nRRULE:FREQ=WEEKLY;BYDAY=MO' } }],
]);

describe('whyPlaying', () => {
  it('names the class, the schedule and "all day" instead of the raw rule, in Vietnamese and English', () => {
    const reason = { scheduleId: '1', rule: 'normal: lịch #1 cửa sổ 00:00–24:00' };
    expect(whyPlaying(reason, 'normal', '08:00', schedules, 'vi')).toEqual({
      cls: 'Thông thường',
      schedule: { id: '1', name: 'Tuyên truyền cả ngày' },
      when: 'cả ngày',
    });
    expect(whyPlaying(reason, 'normal', '08:00', schedules, 'en')).toMatchObject({ cls: 'Normal', when: 'all day' });
  });

  it('names the window the segment starts in, and a repeat rule in words', () => {
    expect(whyPlaying({ scheduleId: '2', rule: 'x' }, 'normal', '17:00', schedules, 'vi').when).toBe('17:00–17:30');
    expect(whyPlaying({ scheduleId: '3', rule: 'x' }, 'priority', '06:30', schedules, 'vi')).toMatchObject({
      cls: 'Ưu tiên',
      when: 'theo quy tắc lặp',
    });
  });

  it('says the default loop without a schedule, and keeps the id of a schedule it does not know', () => {
    expect(whyPlaying({ scheduleId: null, rule: 'fallback: vòng mặc định' }, 'fallback', '03:00', schedules, 'vi')).toEqual({
      cls: 'Mặc định',
      schedule: null,
      when: 'vòng phát mặc định',
    });
    expect(
      whyPlaying({ scheduleId: '9', rule: 'normal: lịch #9 cửa sổ 07:00–08:00' }, 'normal', '07:00', schedules, 'vi').schedule,
    ).toEqual({
      id: '9',
      name: null,
    });
  });
});
