import { describe, expect, it } from 'vitest';
import { compileDevice, compileTimelines, createCompileCache } from './compile';
import { affectedDevices, targetsDevice } from './targeting';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { CompileInput, ScheduleInput } from './types';

const devices = [
  device('led1', 'led', { groupIds: ['g1'] }),
  device('sp1', 'speaker', { groupIds: ['g1'] }),
  device('led2', 'led', { groupIds: ['g2'] }),
];

describe('targetsDevice', () => {
  it('reads groups and kinds together, and device ids on their own', () => {
    const t = target({ groupIds: ['g1'], kinds: ['speaker'] });
    expect(devices.filter((d) => targetsDevice(t, d)).map((d) => d.id)).toEqual(['sp1']);
    expect(devices.filter((d) => targetsDevice(target({ kinds: ['led'] }), d)).map((d) => d.id)).toEqual(['led1', 'led2']);
    expect(devices.filter((d) => targetsDevice(target({ deviceIds: ['led2'], groupIds: ['g1'] }), d)).map((d) => d.id)).toEqual([
      'led1',
      'sp1',
      'led2',
    ]);
    expect(devices.filter((d) => targetsDevice(target(), d))).toEqual([]);
  });
});

describe('affectedDevices', () => {
  const input = baseInput({
    devices,
    contents: [...baseInput().contents, content('c1')],
    playlists: [{ id: 'pl', items: [{ contentId: 'c1' }] }],
    schedules: [schedule('s1', { target: target({ groupIds: ['g2'] }), what: { playlistId: 'pl' } })],
  });
  it('covers the targets before and after a schedule edit', () => {
    const before = schedule('s9', { target: target({ groupIds: ['g1'] }) });
    const after = schedule('s9', { target: target({ deviceIds: ['led2'] }) });
    expect(affectedDevices({ type: 'schedule', before, after }, input)).toEqual(['led1', 'led2', 'sp1']);
  });
  it('follows a content through playlists, and fallback contents to their kind', () => {
    expect(affectedDevices({ type: 'content', contentId: 'c1' }, input)).toEqual(['led2']);
    expect(affectedDevices({ type: 'content', contentId: 'jingle' }, input)).toEqual(['sp1']);
    expect(affectedDevices({ type: 'playlist', playlistId: 'pl' }, input)).toEqual(['led2']);
  });
});

describe('incremental recompile', () => {
  it('gives the affected devices the same timelines as a full compile of the edited input', () => {
    const opts = { from: vn('2026-03-02'), to: vn('2026-03-04') };
    const input: CompileInput = baseInput({
      devices,
      contents: [...baseInput().contents, content('c1')],
      schedules: [schedule('s1', { target: target({ groupIds: ['g1'] }) })],
    });
    const cache = createCompileCache();
    compileTimelines(input, opts, cache);
    const before = input.schedules[0]!;
    const after: ScheduleInput = { ...before, target: target({ groupIds: ['g2'] }) };
    const edited = { ...input, schedules: [after] };
    const full = compileTimelines(edited, opts);
    const ids = affectedDevices({ type: 'schedule', before, after }, edited);
    expect(ids).toEqual(['led1', 'led2', 'sp1']);
    for (const id of ids) expect(compileDevice(edited, id, opts, cache)).toEqual(full.get(id));
  });
});
