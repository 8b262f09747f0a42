import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { whatPlaysAt } from './protocol';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { CompileInput } from './types';

const DAY = '2026-03-02';
const opts = { from: vn(DAY), to: vn(DAY) + 86_400_000 };
const slotSchedule = (id: string, contentId: string, cls: 'normal' | 'priority' = 'normal') =>
  schedule(id, {
    class: cls,
    target: target({ kinds: ['speaker'] }),
    what: { contentId },
    when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '05:00', end: '18:00' }] },
  });

function speakerInput(over: Partial<CompileInput> = {}): CompileInput {
  const input = baseInput({ devices: [device('sp1', 'speaker')], ...over });
  input.contents.push(content('news', { kind: 'speech', durationMs: 120_000 }), content('notice', { kind: 'audio', durationMs: 60_000 }));
  return input;
}
const tl = (input: CompileInput) => compileTimelines(input, opts).get('sp1')!;

describe('compileTimelines (speakers)', () => {
  it('plays each slot once through, jingle first, then silence until the next slot', () => {
    const t = tl(speakerInput({ schedules: [slotSchedule('n1', 'news'), slotSchedule('n2', 'notice')] }));
    const morning = t.segments.find((s) => s.start === vn(DAY, '06:00'))!;
    expect(morning).toMatchObject({ end: vn(DAY, '06:30'), mode: 'once', class: 'normal' });
    expect(morning.items.map((i) => i.contentId)).toEqual(['jingle', 'news', 'notice']);
    expect(whatPlaysAt(t, vn(DAY, '06:00')).item?.contentId).toBe('jingle');
    const after = whatPlaysAt(t, vn(DAY, '06:10'));
    expect(after.item).toBeNull();
    expect(after.nextChangeAt).toBe(vn(DAY, '06:30'));
    expect(whatPlaysAt(t, vn(DAY, '12:00')).item).toBeNull();
    expect(t.segments.map((s) => s.start)).toEqual([vn(DAY, '06:00'), vn(DAY, '17:00')]);
  });

  it('puts priority entries before normal ones', () => {
    const t = tl(speakerInput({ schedules: [slotSchedule('n1', 'news'), slotSchedule('p1', 'notice', 'priority')] }));
    expect(t.segments[0]!.items.map((i) => i.contentId)).toEqual(['jingle', 'notice', 'news']);
    expect(t.segments[0]!.class).toBe('priority');
  });

  it('fills an empty slot with the speaker fallback, never a screen content', () => {
    const input = speakerInput({ schedules: [schedule('s1', { target: target({ kinds: ['speaker'] }) })] });
    input.contents.push(content('c1'));
    const t = tl(input);
    expect(t.segments[0]!.items.map((i) => i.contentId)).toEqual(['jingle', 'fallback-speaker']);
    expect(t.segments[0]!.class).toBe('fallback');
  });

  it('keeps quiet hours silent, dropping slots inside them', () => {
    const input = speakerInput({
      devices: [
        device('sp1', 'speaker', {
          broadcastSlots: [
            { start: '05:45', end: '06:15' },
            { start: '21:30', end: '22:00' },
          ],
        }),
      ],
    });
    const t = tl(input);
    expect(t.segments.map((s) => [s.start, s.end])).toEqual([[vn(DAY, '06:00'), vn(DAY, '06:15')]]);
    expect(t.segments[0]!.items[0]!.contentId).toBe('jingle');
  });

  it('lets an emergency break quiet hours and resumes a slot at its position', () => {
    const speech = content('alert-speech', { kind: 'speech', durationMs: 30_000 });
    const screen = content('alert-text', { kind: 'text' });
    const input = speakerInput({
      schedules: [slotSchedule('n1', 'news')],
      alerts: [
        {
          id: 'e1',
          target: target({ kinds: ['speaker'] }),
          from: vn(DAY, '23:00'),
          to: vn(DAY, '23:10'),
          item: screen,
          speechItem: speech,
        },
        {
          id: 'e2',
          target: target({ kinds: ['speaker'] }),
          from: vn(DAY, '06:00') + 10_000,
          to: vn(DAY, '06:01'),
          item: screen,
          speechItem: speech,
        },
      ],
    });
    const t = tl(input);
    expect(whatPlaysAt(t, vn(DAY, '23:05')).item?.contentId).toBe('alert-speech');
    expect(whatPlaysAt(t, vn(DAY, '23:05')).segment?.class).toBe('emergency');
    expect(whatPlaysAt(t, vn(DAY, '06:00') + 20_000).item?.contentId).toBe('alert-speech');
    // The slot resumes where it would have been: 60 s in = 5 s jingle + 55 s of news.
    const resumed = whatPlaysAt(t, vn(DAY, '06:01'));
    expect(resumed.item?.contentId).toBe('news');
    expect(resumed.offsetMs).toBe(55_000);
  });

  it('cuts an overfull slot at its end', () => {
    const input = speakerInput({ schedules: [slotSchedule('n1', 'long')] });
    input.contents.push(content('long', { kind: 'audio', durationMs: 40 * 60_000 }));
    const t = tl(input);
    expect(whatPlaysAt(t, vn(DAY, '06:29')).item?.contentId).toBe('long');
    expect(whatPlaysAt(t, vn(DAY, '06:29')).nextChangeAt).toBe(vn(DAY, '06:30'));
    expect(whatPlaysAt(t, vn(DAY, '06:30')).item).toBeNull();
  });
});
