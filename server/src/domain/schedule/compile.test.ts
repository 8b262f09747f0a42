import { describe, expect, it } from 'vitest';
import { compileDevice, compileTimelines } from './compile';
import { whatPlaysAt } from './protocol';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { CompileInput } from './types';

const DAY = '2026-03-02'; // a Monday
const opts = { from: vn(DAY), to: vn(DAY) + 86_400_000, tz: 'Asia/Ho_Chi_Minh' };

function playing(input: CompileInput, deviceId: string, time: string) {
  const tl = compileTimelines(input, opts).get(deviceId)!;
  return whatPlaysAt(tl, vn(DAY, time));
}

describe('compileTimelines (screens)', () => {
  const screenInput = (over: Partial<CompileInput> = {}) => baseInput({ devices: [device('led1', 'led'), device('k1', 'kiosk')], ...over });
  const withC1 = (over: Partial<CompileInput> = {}) => {
    const i = screenInput(over);
    i.contents.push(content('c1'));
    return i;
  };

  it('plays the scheduled content inside its window and the fallback around it', () => {
    const input = withC1({ schedules: [schedule('s1')] });
    expect(playing(input, 'led1', '08:00').item?.contentId).toBe('c1');
    expect(playing(input, 'led1', '08:00').item?.reason).toEqual({ scheduleId: 's1', rule: 'normal: lịch #s1 cửa sổ 07:00–11:00' });
    expect(playing(input, 'led1', '06:00').item?.contentId).toBe('fallback-screen');
    expect(playing(input, 'led1', '12:00').segment?.class).toBe('fallback');
  });

  it('is dark outside operating hours', () => {
    const input = withC1({
      schedules: [schedule('s1', { when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '04:00', end: '23:00' }] } })],
    });
    expect(playing(input, 'led1', '05:00').item).toBeNull();
    expect(playing(input, 'led1', '22:30').item).toBeNull();
    expect(playing(input, 'led1', '05:30').item?.contentId).toBe('c1');
  });

  it('lets a priority window win over a normal one where they overlap', () => {
    const input = withC1({
      schedules: [
        schedule('s1'),
        schedule('p1', {
          class: 'priority',
          what: { contentId: 'c2' },
          when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '09:00', end: '09:30' }] },
        }),
      ],
    });
    input.contents.push(content('c2'));
    expect(playing(input, 'led1', '09:10').item?.contentId).toBe('c2');
    expect(playing(input, 'led1', '09:10').segment?.class).toBe('priority');
    expect(playing(input, 'led1', '09:40').item?.contentId).toBe('c1');
  });

  it('never plays a version that is not approved', () => {
    const input = screenInput({ schedules: [schedule('s1')] });
    input.contents.push(content('c1', { state: 'pending' }));
    expect(playing(input, 'led1', '08:00').item?.contentId).toBe('fallback-screen');
  });

  it('stops playing a content at the instant it expires', () => {
    const input = screenInput({ schedules: [schedule('s1')] });
    input.contents.push(content('c1', { validTo: vn(DAY, '09:00') + 1234 }));
    expect(playing(input, 'led1', '08:59').item?.contentId).toBe('c1');
    const at = whatPlaysAt(compileTimelines(input, opts).get('led1')!, vn(DAY, '09:00') + 1234);
    expect(at.item?.contentId).toBe('fallback-screen');
  });

  it('interleaves the items of two normal schedules in (order, id) order', () => {
    const input = withC1({ schedules: [schedule('s2', { what: { contentId: 'c2' } }), schedule('s1')] });
    input.contents.push(content('c2'));
    const seg = playing(input, 'led1', '08:00').segment!;
    expect(seg.items.map((i) => i.contentId)).toEqual(['c1', 'c2']);
  });

  it('expands a playlist with its duration overrides', () => {
    const input = withC1({
      playlists: [{ id: 'pl', items: [{ contentId: 'c1', durationMs: 7_000 }, { contentId: 'c2' }] }],
      schedules: [schedule('s1', { what: { playlistId: 'pl' } })],
    });
    input.contents.push(content('c2', { durationMs: 12_000 }));
    const seg = playing(input, 'led1', '08:00').segment!;
    expect(seg.items.map((i) => [i.contentId, i.durationMs])).toEqual([
      ['c1', 7_000],
      ['c2', 12_000],
    ]);
  });

  it('expands an RRULE in wall-clock time of the zone', () => {
    const input = withC1({
      schedules: [schedule('r1', { when: { rrule: 'DTSTART:20260101T140000\nRRULE:FREQ=DAILY;BYDAY=MO', durationMin: 30 } })],
    });
    expect(playing(input, 'led1', '14:10').item?.reason.rule).toBe('normal: lịch #r1 RRULE 14:00 (30 phút)');
    expect(playing(input, 'led1', '14:31').item?.contentId).toBe('fallback-screen');
  });

  it('shows ads only on LED screens, muted', () => {
    const input = screenInput({ schedules: [schedule('a1', { class: 'ads', what: { contentId: 'ad' }, adShare: 0.5 })] });
    input.contents.push(content('ad', { isAd: true, durationMs: 15_000 }));
    const led = playing(input, 'led1', '08:00').segment!;
    const ad = led.items.find((i) => i.contentId === 'ad');
    expect(ad?.muted).toBe(true);
    expect(led.class).toBe('ads');
    expect(playing(input, 'k1', '08:00').segment!.items.some((i) => i.contentId === 'ad')).toBe(false);
  });

  it('lets an emergency take over, even outside operating hours', () => {
    const alert = content('alert', { kind: 'text', text: { title: 'Khẩn cấp', body: 'Bão', style: 'led' } });
    const input = withC1({
      schedules: [schedule('s1')],
      alerts: [{ id: 'e1', target: target({ kinds: ['led'] }), from: vn(DAY, '04:00'), to: vn(DAY, '09:00'), item: alert }],
    });
    expect(playing(input, 'led1', '04:30').item?.contentId).toBe('alert');
    expect(playing(input, 'led1', '08:00').segment?.class).toBe('emergency');
    expect(playing(input, 'led1', '09:00').item?.contentId).toBe('c1');
    expect(playing(input, 'k1', '08:00').item?.contentId).toBe('c1');
  });

  it('gives devices with the same inputs the same version, and compileDevice agrees', () => {
    const input = withC1({
      schedules: [schedule('s1', { target: target({ kinds: ['led'] }) })],
      devices: [device('led1', 'led'), device('led2', 'led'), device('k1', 'kiosk')],
    });
    const all = compileTimelines(input, opts);
    expect(all.get('led1')!.version).toBe(all.get('led2')!.version);
    expect(all.get('led1')!.version).not.toBe(all.get('k1')!.version);
    expect(compileDevice(input, 'led2', opts)).toEqual(all.get('led2'));
    expect(compileDevice(input, 'nope', opts)).toBeNull();
  });

  it('lists the media of every item it plays', () => {
    const input = withC1({ schedules: [schedule('s1')] });
    const tl = compileTimelines(input, opts).get('led1')!;
    const shas = tl.media.map((m) => m.sha256);
    const c1 = input.contents.find((c) => c.contentId === 'c1')!;
    expect(shas).toContain(c1.sha256);
    expect(shas).not.toContain(input.contents.find((c) => c.contentId === 'jingle')!.sha256);
  });
});
