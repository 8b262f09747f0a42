// A loudspeaker plays an entry where its stored window says: the compiled run of an entry starts at the
// window's start (inside a broadcast slot), and a window that reaches past its slot is refused, not cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { whatPlaysAt } from './protocol';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { ClockWindow } from './types';
import { validateSchedule } from './validate';
import { formatClock } from './zone';

const DAY = '2026-03-02';
const opts = { from: vn(DAY), to: vn(DAY) + 86_400_000 };
const SLOT: ClockWindow = { start: '06:00', end: '06:30' };
const speaker = device('sp1', 'speaker', { name: 'Tổ 5', broadcastSlots: [SLOT, { start: '17:00', end: '17:30' }] });
const news = content('news', { kind: 'audio', durationMs: 60_000 });
const entry = (win: ClockWindow) =>
  schedule('n1', {
    target: target({ kinds: ['speaker'] }),
    what: { contentId: 'news' },
    when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [win] },
  });
const compiled = (win: ClockWindow) => {
  const input = baseInput({ devices: [speaker], schedules: [entry(win)] });
  input.contents.push(news);
  return compileTimelines(input, opts).get('sp1')!;
};

describe('speaker entries play in their own window', () => {
  it('starts an entry written as 06:18–06:28 at 06:18, not at the slot start', () => {
    const t = compiled({ start: '06:18', end: '06:28' });
    const run = t.segments.find((s) => s.items.some((i) => i.contentId === 'news'))!;
    expect(run.start).toBe(vn(DAY, '06:18'));
    expect(run.items[0]!.contentId).toBe('news');
    expect(run.items[0]!.reason.rule).toContain('06:18–06:28');
    expect(whatPlaysAt(t, vn(DAY, '06:18') + 30_000)).toMatchObject({ item: { contentId: 'news' }, offsetMs: 30_000 });
    expect(whatPlaysAt(t, vn(DAY, '06:10')).item?.contentId).not.toBe('news');
  });

  it('compiles every window inside a slot to a run that starts where the stored window starts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 360, max: 388 }), fc.integer({ min: 2, max: 30 }), (start, len) => {
        const end = Math.min(390, start + len);
        const win = { start: formatClock(start), end: formatClock(end) };
        expect(validateSchedule(entry(win), [speaker], [news]).map((i) => i.code)).toEqual([]);
        const t = compiled(win);
        const plays = t.segments.flatMap((s) => {
          let at = s.start;
          return s.items.map((i) => {
            const out = { contentId: i.contentId, at };
            at += i.durationMs;
            return out;
          });
        });
        expect(plays.find((p) => p.contentId === 'news')?.at).toBe(vn(DAY, win.start) + (start === 360 ? 5_000 : 0));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a window that reaches past its broadcast slot, naming the window and the slots', () => {
    const [i] = validateSchedule(entry({ start: '06:18', end: '06:36' }), [speaker], [news]);
    expect(i).toMatchObject({ code: 'speaker_window_outside_slot', params: { window: '06:18–06:36', slots: '06:00–06:30, 17:00–17:30' } });
    expect(i!.vi).toContain('06:18–06:36');
  });

  it('refuses a window too short for its content', () => {
    const [i] = validateSchedule(
      entry({ start: '06:10', end: '06:11' }),
      [speaker],
      [content('news', { kind: 'audio', durationMs: 120_000 })],
    );
    expect(i?.code).toBe('speaker_window_too_short');
  });

  it('accepts a window that covers whole slots (all day, or 05:00–07:00) and plays the entry from each slot it covers', () => {
    for (const win of [
      { start: '00:00', end: '24:00' },
      { start: '05:00', end: '07:00' },
    ]) {
      expect(validateSchedule(entry(win), [speaker], [news])).toEqual([]);
    }
    const t = compiled({ start: '00:00', end: '24:00' });
    const runs = t.segments.filter((seg) => seg.items.some((i) => i.contentId === 'news'));
    expect(runs.map((r) => r.start)).toEqual([vn(DAY, '06:00'), vn(DAY, '17:00')]);
    expect(compiled({ start: '05:00', end: '07:00' }).segments.filter((seg) => seg.items.some((i) => i.contentId === 'news'))).toHaveLength(
      1,
    );
  });

  it('refuses a window that starts before a slot and ends inside it', () => {
    const [i] = validateSchedule(entry({ start: '05:50', end: '06:10' }), [speaker], [news]);
    expect(i).toMatchObject({ code: 'speaker_window_outside_slot', params: { window: '05:50–06:10' } });
  });
});
