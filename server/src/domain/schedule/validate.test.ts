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

describe('validateSchedule against the store', () => {
  const store = {
    contentKinds: new Map([
      ['c1', 'message' as const],
      ['draft', 'clip' as const],
      ['ad', 'ad' as const],
    ]),
    liveGroupIds: new Set(['g1']),
  };
  const withStore = (s: ScheduleInput) => validateSchedule(s, devices, contents, { store });

  it('allows content not yet approved and a target that reaches no device yet', () => {
    expect(withStore(schedule('s1', { what: { contentId: 'draft' }, target: target({ kinds: ['kiosk'] }) }))).toEqual([]);
  });

  it('names unknown content, groups and devices, and puts the form of the entry first', () => {
    const s = schedule('s1', { what: { contentId: 'nope' }, target: target({ groupIds: ['g9'], deviceIds: ['ghost'] }) });
    expect(withStore(s).map((i) => [i.code, i.params?.ids])).toEqual([
      ['unknown_content', '#nope'],
      ['unknown_group', '#g9'],
      ['unknown_device', '#ghost'],
    ]);
    const late = {
      ...s,
      when: { dateFrom: '2026-03-10', dateTo: '2026-03-01', daysOfWeek: [1], windows: [{ start: '07:00', end: '08:00' }] },
    };
    expect(withStore(late)[0]).toMatchObject({ code: 'end_before_start', params: { start: '2026-03-10', end: '2026-03-01' } });
  });

  it('keeps ads on LED screens, naming the first device that is not one', () => {
    const s = schedule('s1', { class: 'ads', what: { contentId: 'ad' }, target: target({ groupIds: ['g1'] }) });
    expect(withStore(s)[0]).toMatchObject({ code: 'ad_not_led', params: { target: 'Tổ 5', kind: 'speaker' } });
  });

  it('refuses speaker windows outside every broadcast slot', () => {
    const short = [...contents, content('news', { kind: 'speech', durationMs: 60_000 })];
    const s = schedule('s1', { what: { contentId: 'news' }, target: target({ kinds: ['speaker'] }) });
    expect(validateSchedule(s, devices, short)[0]).toMatchObject({
      code: 'speaker_outside_slots',
      params: { device: 'Tổ 5', slots: '06:00–06:30, 17:00–17:30' },
    });
  });
});
