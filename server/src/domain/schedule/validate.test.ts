import { describe, expect, it } from 'vitest';
import { content, device, schedule, target } from '../../../test/factories/schedule';
import type { ScheduleInput } from './types';
import { validateSchedule } from './validate';

const devices = [device('led1', 'led', { groupIds: ['g1'] }), device('sp1', 'speaker', { groupIds: ['g1'], name: 'Tổ 5' })];
const contents = [content('c1'), content('talk', { kind: 'speech', durationMs: 45 * 60_000 }), content('ad', { isAd: true })];
const codes = (s: ScheduleInput, opts = {}) => validateSchedule(s, devices, contents, opts).map((i) => i.code);
const rrule = (text: string, durationMin = 30): ScheduleInput['when'] => ({ rrule: text, durationMin });

describe('validateSchedule', () => {
  it('accepts a plain daily window on screens', () => {
    expect(codes(schedule('s1'))).toEqual([]);
  });

  it('gives every reason in Vietnamese and English', () => {
    const [i] = validateSchedule(
      schedule('s1', { class: 'ads', what: { contentId: 'ad' }, target: target({ groupIds: ['g1'] }) }),
      devices,
      contents,
    );
    expect(i).toEqual({
      code: 'ad_on_speaker',
      vi: 'Quảng cáo không được phát trên loa truyền thanh.',
      en: 'Advertising may not play on loudspeakers.',
    });
  });

  it('rejects a speaker entry longer than its slots', () => {
    const s = schedule('s1', { target: target({ kinds: ['speaker'] }), what: { contentId: 'talk' } });
    const [i] = validateSchedule(s, devices, contents);
    expect(i?.code).toBe('speaker_overfull');
    expect(i?.vi).toContain('Tổ 5');
  });

  it('rejects end before start and zero-length windows', () => {
    const when = {
      dateFrom: '2026-03-10',
      dateTo: '2026-03-01',
      daysOfWeek: [1],
      windows: [
        { start: '10:00', end: '09:00' },
        { start: '08:00', end: '08:00' },
      ],
    };
    expect(codes(schedule('s1', { when }))).toEqual(['end_before_start', 'end_before_start', 'zero_length_window']);
    expect(codes(schedule('s1', { when: rrule('DTSTART:20260101T070000\nRRULE:FREQ=DAILY', 0) }))).toEqual(['zero_length_window']);
  });

  it('rejects malformed times, dates and days', () => {
    const when = { dateFrom: '2026-02-30', dateTo: '2026-03-01', daysOfWeek: [0], windows: [{ start: '7:00', end: '25:00' }] };
    expect(codes(schedule('s1', { when }))).toEqual(['bad_date', 'no_days', 'bad_time']);
  });

  it('rejects an RRULE that produces nothing, even one that never ends', () => {
    expect(codes(schedule('s1', { when: rrule('DTSTART:20260101T070000\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30') }))).toEqual([
      'rrule_empty',
    ]);
    expect(
      codes(schedule('s1', { when: rrule('DTSTART:20200101T070000\nRRULE:FREQ=DAILY;UNTIL=20200105T000000') }), {
        now: Date.UTC(2026, 0, 1),
      }),
    ).toEqual(['rrule_empty']);
  });

  it('rejects an RRULE without DTSTART, an invalid one, and one over 10,000 occurrences a day', () => {
    expect(codes(schedule('s1', { when: rrule('RRULE:FREQ=DAILY') }))).toEqual(['rrule_no_dtstart']);
    expect(codes(schedule('s1', { when: rrule('DTSTART:20260101T070000\nRRULE:FREQ=SOMETIMES') }))).toEqual(['rrule_invalid']);
    expect(codes(schedule('s1', { when: rrule('DTSTART:20260101T000000\nRRULE:FREQ=SECONDLY;INTERVAL=5') }))).toEqual([
      'too_many_occurrences',
    ]);
    expect(codes(schedule('s1', { when: rrule('DTSTART:20260101T000000\nRRULE:FREQ=SECONDLY;INTERVAL=10') }))).toEqual([]);
  });

  it('flags a schedule that reaches no device, unknown content and a bad ad share', () => {
    expect(codes(schedule('s1', { target: target({ deviceIds: ['ghost'] }) }))).toEqual(['no_target']);
    expect(codes(schedule('s1', { what: { contentId: 'nope' } }))).toEqual(['unknown_content']);
    expect(codes(schedule('s1', { class: 'ads', what: { contentId: 'ad' }, target: target({ kinds: ['led'] }), adShare: 1.5 }))).toEqual([
      'bad_ad_share',
    ]);
  });
});
