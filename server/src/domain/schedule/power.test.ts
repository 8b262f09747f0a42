// Screen on and off (bật/tắt màn hình): the power override adjusts a screen's operating hours, the timeline
// says when the screen is on (`awake`), and emergencies still reach a sleeping screen.
import { describe, expect, it } from 'vitest';
import { compileDevice, compileTimelines } from './compile';
import { isAwakeAt, whatPlaysAt } from './protocol';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { CompileInput, DeviceInput, PowerOverride } from './types';

const DAY = '2026-03-02'; // a Monday
const H = 3_600_000;
const opts = { from: vn(DAY), to: vn(DAY) + 24 * H, tz: 'Asia/Ho_Chi_Minh' };

function input(devices: DeviceInput[], over: Partial<CompileInput> = {}): CompileInput {
  const i = baseInput({ devices, schedules: [schedule('s1')], ...over });
  i.contents.push(content('c1'));
  return i;
}
const compile = (i: CompileInput, id: string, o = opts) => compileDevice(i, id, o)!;
const at = (i: CompileInput, id: string, time: string) => whatPlaysAt(compile(i, id), vn(DAY, time));
const power = (state: PowerOverride['state'], from: string, until: string): PowerOverride => ({
  state,
  from: vn(DAY, from),
  until: vn(DAY, until),
});

describe('awake intervals', () => {
  it('are the operating hours within the range for a screen that has them', () => {
    const tl = compile(input([device('led1', 'led')]), 'led1');
    expect(tl.awake).toEqual([[vn(DAY, '05:30'), vn(DAY, '22:00')]]);
  });

  it('are absent for a screen that is always on, and for speakers', () => {
    const i = input([device('k1', 'kiosk', { operatingHours: null }), device('sp', 'speaker')]);
    expect(compile(i, 'k1').awake).toBeUndefined();
    expect(compile(i, 'sp').awake).toBeUndefined();
  });

  it('are absent when the range lies inside the hours, and clipped to the range otherwise', () => {
    const i = input([device('led1', 'led')]);
    expect(compile(i, 'led1', { ...opts, from: vn(DAY, '08:00'), to: vn(DAY, '09:00') }).awake).toBeUndefined();
    expect(compile(i, 'led1', { ...opts, from: vn(DAY, '21:00'), to: vn(DAY, '23:00') }).awake).toEqual([
      [vn(DAY, '21:00'), vn(DAY, '22:00')],
    ]);
  });
});

describe('power override', () => {
  it('awake: plays the normal programme, fallback included, outside the operating hours until it ends', () => {
    const i = input([device('led1', 'led', { power: power('awake', '22:10', '23:30') })]);
    expect(at(i, 'led1', '22:05').item).toBeNull();
    expect(at(i, 'led1', '22:30').item?.contentId).toBe('fallback-screen');
    expect(at(i, 'led1', '23:40').item).toBeNull();
    expect(compile(i, 'led1').awake).toEqual([
      [vn(DAY, '05:30'), vn(DAY, '22:00')],
      [vn(DAY, '22:10'), vn(DAY, '23:30')],
    ]);
  });

  it('awake joining the hours makes one interval', () => {
    const i = input([device('led1', 'led', { power: power('awake', '21:00', '23:00') })]);
    expect(compile(i, 'led1').awake).toEqual([[vn(DAY, '05:30'), vn(DAY, '23:00')]]);
  });

  it('asleep: black inside the hours until it ends, then the programme again', () => {
    const i = input([device('led1', 'led', { power: power('asleep', '08:00', '09:30') })]);
    expect(at(i, 'led1', '07:30').item?.contentId).toBe('c1');
    expect(at(i, 'led1', '08:30').item).toBeNull();
    expect(at(i, 'led1', '08:30').segment).toBeNull();
    expect(at(i, 'led1', '09:45').item?.contentId).toBe('c1');
    const tl = compile(i, 'led1');
    expect(tl.awake).toEqual([
      [vn(DAY, '05:30'), vn(DAY, '08:00')],
      [vn(DAY, '09:30'), vn(DAY, '22:00')],
    ]);
    expect(tl.segments.some((s) => s.start < vn(DAY, '09:30') && s.end > vn(DAY, '08:00'))).toBe(false);
  });

  it('asleep on a screen without operating hours: on all day but for the override', () => {
    const i = input([device('k1', 'kiosk', { operatingHours: null, power: power('asleep', '12:00', '13:00') })]);
    expect(compile(i, 'k1').awake).toEqual([
      [opts.from, vn(DAY, '12:00')],
      [vn(DAY, '13:00'), opts.to],
    ]);
    expect(at(i, 'k1', '12:30').item).toBeNull();
    expect(at(i, 'k1', '13:30').item?.contentId).toBe('fallback-screen');
  });

  it('is ignored once it has ended before the range, and on speakers', () => {
    const i = input([
      device('led1', 'led', { power: { state: 'asleep', from: vn(DAY) - 5 * H, until: vn(DAY) - H } }),
      device('led2', 'led'),
      device('sp', 'speaker', { power: power('asleep', '00:00', '23:00') }),
      device('sp2', 'speaker'),
    ]);
    const all = compileTimelines(i, opts);
    expect(all.get('led1')).toEqual({ ...all.get('led2')!, deviceId: 'led1' });
    expect(all.get('sp')).toEqual({ ...all.get('sp2')!, deviceId: 'sp' });
  });

  it('is part of the program key: screens with and without it do not share a timeline, and the version changes', () => {
    const i = input([
      device('a', 'led'),
      device('b', 'led', { power: power('asleep', '08:00', '09:00') }),
      device('c', 'led', { power: power('asleep', '08:00', '10:00') }),
    ]);
    const all = compileTimelines(i, opts);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => all.get(id)!);
    expect(new Set([a!.version, b!.version, c!.version]).size).toBe(3);
    expect(b!.awake).not.toEqual(c!.awake);
  });

  it('changes the version when only the awake intervals change (nothing to show either way)', () => {
    const empty = baseInput({ devices: [device('led1', 'led')], fallback: {} });
    const off = baseInput({ devices: [device('led1', 'led', { power: power('asleep', '08:00', '09:00') })], fallback: {} });
    const [x, y] = [compile(empty, 'led1'), compile(off, 'led1')];
    expect(x.segments).toEqual([]);
    expect(y.segments).toEqual([]);
    expect(x.version).not.toBe(y.version);
  });

  it('still plays an emergency alert on a sleeping screen, outside the awake intervals', () => {
    const alert = content('alert', { kind: 'text', text: { title: 'Khẩn cấp', body: 'Bão', style: 'led' } });
    const i = input([device('led1', 'led', { power: power('asleep', '08:00', '12:00') })], {
      alerts: [{ id: 'e1', target: target({ kinds: ['led'] }), from: vn(DAY, '09:00'), to: vn(DAY, '10:00'), item: alert }],
    });
    const tl = compile(i, 'led1');
    const t = vn(DAY, '09:30');
    expect(isAwakeAt(tl.awake, t)).toBe(false);
    expect(whatPlaysAt(tl, t).segment?.class).toBe('emergency');
    expect(whatPlaysAt(tl, t).item?.contentId).toBe('alert');
    expect(whatPlaysAt(tl, vn(DAY, '10:30')).item).toBeNull();
    // At night too (outside the operating hours).
    const night = input([device('led1', 'led')], {
      alerts: [{ id: 'e2', target: target({ kinds: ['led'] }), from: vn(DAY, '23:00'), to: vn(DAY, '23:30'), item: alert }],
    });
    const n = compile(night, 'led1');
    expect(isAwakeAt(n.awake, vn(DAY, '23:10'))).toBe(false);
    expect(whatPlaysAt(n, vn(DAY, '23:10')).segment?.class).toBe('emergency');
  });
});
