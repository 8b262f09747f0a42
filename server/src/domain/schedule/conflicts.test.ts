import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { CompileInput } from './types';

const DAY = '2026-03-02';
const from = vn(DAY);
const to = from + 86_400_000;
const codes = (input: CompileInput) =>
  findConflicts(input, from, to)
    .map((c) => c.code)
    .sort();

describe('findConflicts', () => {
  it('reports nothing for a healthy schedule', () => {
    const input = baseInput({ devices: [device('led1', 'led')], schedules: [schedule('s1')] });
    input.contents.push(content('c1'));
    expect(codes(input)).toEqual([]);
  });

  it('reports an overfull speaker slot', () => {
    const input = baseInput({
      devices: [device('sp1', 'speaker')],
      schedules: [
        schedule('s1', {
          target: target({ kinds: ['speaker'] }),
          what: { contentId: 'talk' },
          when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '06:00', end: '07:00' }] },
        }),
      ],
    });
    input.contents.push(content('talk', { kind: 'speech', durationMs: 30 * 60_000 }));
    const found = findConflicts(input, from, to).filter((c) => c.code === 'speaker_slot_overfull');
    expect(found).toHaveLength(1); // the 06:00 slot only: the window misses 17:00
    expect(found[0]).toMatchObject({ deviceIds: ['sp1'], at: vn(DAY, '06:00') });
    expect(found[0]!.vi).toContain('cần 31 phút');
  });

  it('reports ads asking for more than their share', () => {
    const input = baseInput({
      devices: [device('led1', 'led')],
      schedules: [
        schedule('a1', { class: 'ads', what: { contentId: 'ad' }, target: target({ kinds: ['led'] }), adShare: 0.1, adPlaysPerHour: 30 }),
      ],
    });
    input.contents.push(content('ad', { isAd: true, durationMs: 15_000 }));
    const found = findConflicts(input, from, to).filter((c) => c.code === 'ads_over_share');
    expect(found).toHaveLength(1);
    expect(found[0]!.scheduleIds).toEqual(['a1']);
  });

  it('reports content expiring while a schedule still uses it', () => {
    const input = baseInput({ devices: [device('led1', 'led')], schedules: [schedule('s1')] });
    input.contents.push(content('c1', { validTo: vn(DAY, '09:00') }));
    const found = findConflicts(input, from, to).find((c) => c.code === 'content_expiring');
    expect(found).toMatchObject({ scheduleIds: ['s1'], contentId: 'c1', at: vn(DAY, '09:00') });
  });

  it('reports devices left with only the fallback and entries that never play', () => {
    const input = baseInput({
      devices: [device('led1', 'led'), device('k1', 'kiosk')],
      schedules: [
        schedule('s1', { target: target({ kinds: ['led'] }) }),
        schedule('s2', {
          target: target({ kinds: ['led'] }),
          what: { contentId: 'c1' },
          class: 'normal',
          when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '01:00', end: '02:00' }] },
        }),
      ],
    });
    input.contents.push(content('c1'));
    const found = findConflicts(input, from, to);
    expect(found.find((c) => c.code === 'fallback_only')?.deviceIds).toEqual(['k1']);
    expect(found.find((c) => c.code === 'never_plays')?.scheduleIds).toEqual(['s2']);
  });
});
