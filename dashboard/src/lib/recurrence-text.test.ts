import { describe, expect, it } from 'vitest';
import { compressGroupNames, describeRecurrence, formatDate, isoWeekday, joinList } from './recurrence-text';
import { summarizeTargets, type TargetsSummary } from '@bantin/protocol/core';

const tdp345: TargetsSummary = {
  counts: { speaker: 12 },
  groupNames: ['Tổ dân phố 3', 'Tổ dân phố 4', 'Tổ dân phố 5'],
  wardWide: false,
  listedOnly: false,
};
const cal = (daysOfWeek: number[], windows: { start: string; end: string }[], dateFrom = '2026-03-01', dateTo = '2026-12-31') => ({
  when: { dateFrom, dateTo, daysOfWeek, windows },
});
const rr = (rrule: string, durationMin = 30) => ({ when: { rrule, durationMin } });

describe('describeRecurrence (Vietnamese)', () => {
  it('says the issue example word for word without dates', () => {
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), tdp345, 'vi', { withDates: false })).toBe(
      'Hằng ngày, 06:00–06:30, trên 12 loa của tổ dân phố 3–5',
    );
  });

  it('closes with the date range by default', () => {
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), tdp345, 'vi')).toBe(
      'Hằng ngày, 06:00–06:30, trên 12 loa của tổ dân phố 3–5, từ 01/03/2026 đến 31/12/2026',
    );
  });

  it('names working days as a range and joins the broadcast slots with "và"', () => {
    const s = describeRecurrence(
      cal(
        [1, 2, 3, 4, 5],
        [
          { start: '06:00', end: '06:30' },
          { start: '17:00', end: '17:30' },
        ],
      ),
      tdp345,
      'vi',
      { withDates: false },
    );
    expect(s).toBe('Từ thứ Hai đến thứ Sáu hằng tuần, 06:00–06:30 và 17:00–17:30, trên 12 loa của tổ dân phố 3–5');
  });

  it('lists scattered days and calls Sunday "Chủ nhật"', () => {
    const s = describeRecurrence(cal([7, 3, 1], [{ start: '08:00', end: '09:00' }]), tdp345, 'vi', { withDates: false });
    expect(s.startsWith('Thứ Hai, thứ Tư và Chủ nhật hằng tuần, 08:00–09:00')).toBe(true);
  });

  it('keeps two consecutive days as a pair, not a range', () => {
    const s = describeRecurrence(cal([6, 7], [{ start: '19:00', end: '21:00' }]), tdp345, 'vi', { withDates: false });
    expect(s.startsWith('Thứ Bảy và Chủ nhật hằng tuần, 19:00–21:00')).toBe(true);
  });

  it('says "cả ngày" for the whole day', () => {
    const s = describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '00:00', end: '24:00' }]), { ...tdp345, counts: { led: 3 } }, 'vi', {
      withDates: false,
    });
    expect(s).toBe('Hằng ngày, cả ngày, trên 3 màn hình LED của tổ dân phố 3–5');
  });

  it('names a single date instead of a frequency', () => {
    const s = describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '07:00', end: '07:15' }], '2026-09-02', '2026-09-02'), tdp345, 'vi');
    expect(s).toBe('Ngày 02/09/2026, 07:00–07:15, trên 12 loa của tổ dân phố 3–5');
  });

  it('warns when a single date falls on a day of the week that is not chosen', () => {
    // 2026-09-02 is a Wednesday; only Mondays are chosen.
    const s = describeRecurrence(cal([1], [{ start: '07:00', end: '07:15' }], '2026-09-02', '2026-09-02'), tdp345, 'vi');
    expect(s).toBe('Ngày 02/09/2026 không thuộc các ngày đã chọn trong tuần, nên lịch này sẽ không phát.');
  });

  it('counts mixed kinds and says they are ward-wide when targeted by kind only', () => {
    const t: TargetsSummary = { counts: { led: 2, speaker: 3 }, groupNames: [], wardWide: true, listedOnly: false };
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), t, 'vi', { withDates: false })).toBe(
      'Hằng ngày, 06:00–06:30, trên tất cả 5 thiết bị (2 màn hình LED và 3 loa) của phường',
    );
  });

  it('says devices were chosen by hand when only devices are listed', () => {
    const t: TargetsSummary = { counts: { kiosk: 1 }, groupNames: [], wardWide: false, listedOnly: true };
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '08:00', end: '17:00' }]), t, 'vi', { withDates: false })).toBe(
      'Hằng ngày, 08:00–17:00, trên 1 kiosk đã chọn',
    );
  });

  it('says the rule reaches no device yet', () => {
    const t: TargetsSummary = { counts: {}, groupNames: ['Tổ dân phố 9'], wardWide: false, listedOnly: false };
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), t, 'vi', { withDates: false })).toBe(
      'Hằng ngày, 06:00–06:30, nhưng chưa tới thiết bị nào',
    );
  });

  it('counts groups instead of naming more than three', () => {
    const t: TargetsSummary = {
      counts: { speaker: 8 },
      groupNames: ['Chợ', 'Trường học', 'Bệnh viện', 'Nhà văn hoá'],
      wardWide: false,
      listedOnly: false,
    };
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), t, 'vi', { withDates: false })).toBe(
      'Hằng ngày, 06:00–06:30, trên 8 loa của 4 nhóm',
    );
  });

  it('reads a weekly RRULE with a start date, duration and count', () => {
    const s = describeRecurrence(rr('DTSTART:20260302T063000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10', 30), tdp345, 'vi');
    expect(s).toBe('Thứ Hai và thứ Năm hằng tuần, 06:30–07:00, trên 12 loa của tổ dân phố 3–5, bắt đầu từ 02/03/2026, 10 lần');
  });

  it('reads an every-two-weeks RRULE with BYHOUR and UNTIL', () => {
    const s = describeRecurrence(
      rr(
        'DTSTART;TZID=Asia/Ho_Chi_Minh:20260302T000000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;BYHOUR=17;BYMINUTE=0;UNTIL=20261231T235959Z',
        15,
      ),
      tdp345,
      'vi',
      {
        withDates: false,
      },
    );
    expect(s).toBe('Thứ Bảy, cách 2 tuần một lần, 17:00–17:15, trên 12 loa của tổ dân phố 3–5, đến hết 31/12/2026');
  });

  it('reads monthly and yearly RRULEs', () => {
    expect(
      describeRecurrence(rr('DTSTART:20260101T080000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1,15', 60), tdp345, 'vi', { withDates: false }),
    ).toBe('Ngày 1 và 15 hằng tháng, 08:00–09:00, trên 12 loa của tổ dân phố 3–5');
    expect(describeRecurrence(rr('DTSTART:20260902T070000\nRRULE:FREQ=YEARLY', 10), tdp345, 'vi', { withDates: false })).toBe(
      'Ngày 02/09 hằng năm, 07:00–07:10, trên 12 loa của tổ dân phố 3–5',
    );
  });

  it('says "lúc" for an RRULE of zero duration', () => {
    const s = describeRecurrence(rr('DTSTART:20260301T060000\nRRULE:FREQ=DAILY', 0), tdp345, 'vi', { withDates: false });
    expect(s).toBe('Hằng ngày, lúc 06:00, trên 12 loa của tổ dân phố 3–5');
  });

  it('falls back to a generic phrase for an RRULE it cannot put into words', () => {
    const s = describeRecurrence(rr('DTSTART:20260301T060000\nRRULE:FREQ=MONTHLY;BYDAY=-1FR', 30), tdp345, 'vi', { withDates: false });
    expect(s).toBe('Theo quy tắc RRULE riêng, trên 12 loa của tổ dân phố 3–5');
  });
});

describe('describeRecurrence (English)', () => {
  it('says the issue example in English', () => {
    expect(describeRecurrence(cal([1, 2, 3, 4, 5, 6, 7], [{ start: '06:00', end: '06:30' }]), tdp345, 'en')).toBe(
      'Every day, 06:00–06:30, on 12 loudspeakers of Tổ dân phố 3–5, from 01/03/2026 to 31/12/2026',
    );
  });

  it('uses singular nouns for one device and names weekdays', () => {
    const t: TargetsSummary = { counts: { led: 1 }, groupNames: ['Chợ Rồng'], wardWide: false, listedOnly: false };
    expect(describeRecurrence(cal([1, 2, 3, 4, 5], [{ start: '07:00', end: '11:00' }]), t, 'en', { withDates: false })).toBe(
      'Every Monday to Friday, 07:00–11:00, on 1 LED screen of Chợ Rồng',
    );
  });

  it('reads an hourly RRULE and a count of one', () => {
    const s = describeRecurrence(rr('DTSTART:20260301T060000\nRRULE:FREQ=HOURLY;INTERVAL=3;COUNT=1', 5), tdp345, 'en', {
      withDates: false,
    });
    expect(s).toBe('Every 3 hours, for 5 minutes, on 12 loudspeakers of Tổ dân phố 3–5, once');
  });

  it('says the rule cannot play on a single excluded date', () => {
    expect(describeRecurrence(cal([6], [{ start: '07:00', end: '08:00' }], '2026-09-02', '2026-09-02'), tdp345, 'en')).toBe(
      '02/09/2026 is not one of the chosen days of the week, so this schedule will not play.',
    );
  });
});

describe('compressGroupNames', () => {
  it('merges numbered names with a common prefix into ranges and pairs', () => {
    expect(compressGroupNames(['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 4', 'Tổ dân phố 5', 'Tổ dân phố 6'], 'vi')).toEqual([
      'tổ dân phố 1, 2 và 4–6',
    ]);
  });

  it('keeps proper names and English capitals as written', () => {
    expect(compressGroupNames(['Chợ Rồng', 'Tổ dân phố 3'], 'en')).toEqual(['Chợ Rồng', 'Tổ dân phố 3']);
    expect(compressGroupNames(['Chợ Rồng', 'Khu phố 2'], 'vi')).toEqual(['Chợ Rồng', 'khu phố 2']);
  });
});

describe('summarizeTargets', () => {
  const devices = [
    { id: 1, kind: 'speaker' as const, groupIds: [3] },
    { id: 2, kind: 'speaker' as const, groupIds: [4] },
    { id: 3, kind: 'led' as const, groupIds: [3] },
    { id: 4, kind: 'kiosk' as const, groupIds: [] },
  ];
  const groups = [
    { id: 3, name: 'Tổ dân phố 3' },
    { id: 4, name: 'Tổ dân phố 4' },
  ];

  it('counts the speakers of the groups when a kind narrows the groups', () => {
    const s = summarizeTargets({ deviceIds: [], groupIds: [3, 4], kinds: ['speaker'] }, devices, groups);
    expect(s).toEqual({ counts: { speaker: 2 }, groupNames: ['Tổ dân phố 3', 'Tổ dân phố 4'], wardWide: false, listedOnly: false });
  });

  it('adds listed devices outside the groups', () => {
    const s = summarizeTargets({ deviceIds: [4], groupIds: [3], kinds: [] }, devices, groups);
    expect(s.counts).toEqual({ speaker: 1, led: 1, kiosk: 1 });
  });

  it('reaches every device of a kind when no group is given', () => {
    const s = summarizeTargets({ deviceIds: [], groupIds: [], kinds: ['speaker'] }, devices, groups);
    expect(s).toMatchObject({ counts: { speaker: 2 }, wardWide: true });
  });
});

describe('small text helpers', () => {
  it('joins lists the Vietnamese and English way', () => {
    expect(joinList(['a', 'b', 'c'], 'vi')).toBe('a, b và c');
    expect(joinList(['a', 'b'], 'en')).toBe('a and b');
    expect(joinList([], 'en')).toBe('');
  });

  it('formats dates day first and finds ISO weekdays', () => {
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(isoWeekday('2026-03-01')).toBe(7);
    expect(isoWeekday('2026-03-02')).toBe(1);
  });
});
