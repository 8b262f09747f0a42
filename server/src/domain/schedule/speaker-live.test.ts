// Live announcements (phát trực tiếp) in the speaker compiler: they cut in at once, the programme resumes at
// its own position after, priority keeps quiet hours, emergency does not (and wins over an alert), and
// screens never get them.
import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { whatPlaysAt } from './protocol';
import { baseInput, content, device, schedule, target, vn } from '../../../test/factories/schedule';
import type { AnnouncementInput, CompileInput, ContentVersionInput } from './types';

const DAY = '2026-03-02';
const opts = { from: vn(DAY), to: vn(DAY) + 86_400_000 };

const liveItem = (id: string): ContentVersionInput => ({
  ...content(`live:${id}`, { kind: 'audio', durationMs: 86_400_000 }),
  media: [],
  live: { id: `live:${id}`, title: `Phát trực tiếp #${id}` },
});
const announcement = (id: string, from: number, to: number, cls: 'priority' | 'emergency' = 'priority', groupIds = ['g1']): AnnouncementInput => ({
  id,
  target: target({ groupIds, kinds: ['speaker'] }),
  from,
  to,
  class: cls,
  item: liveItem(id),
});

function input(over: Partial<CompileInput> = {}): CompileInput {
  const i = baseInput({
    devices: [device('sp1', 'speaker', { groupIds: ['g1'] }), device('sp2', 'speaker', { groupIds: ['g2'] }), device('led1', 'led', { groupIds: ['g1'] })],
    ...over,
  });
  i.contents.push(content('news', { kind: 'speech', durationMs: 20 * 60_000 }));
  i.schedules.push(
    schedule('n1', {
      target: target({ kinds: ['speaker'] }),
      what: { contentId: 'news' },
      when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '05:00', end: '18:00' }] },
    }),
  );
  return i;
}

describe('live announcements in the speaker compiler', () => {
  it('cuts into a slot at once and the slot resumes at its own position after', () => {
    const all = compileTimelines(input({ announcements: [announcement('7', vn(DAY, '06:05'), vn(DAY, '06:08'))] }), opts);
    const t = all.get('sp1')!;
    const during = whatPlaysAt(t, vn(DAY, '06:06'));
    expect(during.item?.live).toEqual({ id: 'live:7', title: 'Phát trực tiếp #7' });
    expect(during.segment?.class).toBe('priority');
    // After the announcement the bulletin goes on where it would have been (not from its start).
    const after = whatPlaysAt(t, vn(DAY, '06:09'));
    expect(after.item?.contentId).toBe('news');
    const plain = whatPlaysAt(compileTimelines(input(), opts).get('sp1')!, vn(DAY, '06:09'));
    expect(after.offsetMs).toBe(plain.offsetMs);
    // Another group's speaker and a screen of the same group never get it.
    expect(compileTimelines(input(), opts).get('sp2')!.version).toBe(all.get('sp2')!.version);
    expect(all.get('led1')!.segments.some((s) => s.items.some((it) => it.live))).toBe(false);
  });

  it('plays outside broadcast slots too, from its start to its end', () => {
    const t = compileTimelines(input({ announcements: [announcement('8', vn(DAY, '10:00'), vn(DAY, '10:02'))] }), opts).get('sp1')!;
    expect(whatPlaysAt(t, vn(DAY, '09:59')).item).toBeNull();
    expect(whatPlaysAt(t, vn(DAY, '10:00')).item?.live?.id).toBe('live:8');
    expect(whatPlaysAt(t, vn(DAY, '10:01') + 59_000).item?.live?.id).toBe('live:8');
    expect(whatPlaysAt(t, vn(DAY, '10:02')).item).toBeNull();
  });

  it('keeps quiet hours for priority and breaks them for emergency', () => {
    const pri = compileTimelines(input({ announcements: [announcement('9', vn(DAY, '22:00'), vn(DAY, '22:05'))] }), opts).get('sp1')!;
    expect(whatPlaysAt(pri, vn(DAY, '22:01')).item).toBeNull();
    const em = compileTimelines(input({ announcements: [announcement('9', vn(DAY, '22:00'), vn(DAY, '22:05'), 'emergency')] }), opts).get('sp1')!;
    const at = whatPlaysAt(em, vn(DAY, '22:01'));
    expect(at.item?.live?.id).toBe('live:9');
    expect(at.segment?.class).toBe('emergency');
  });

  it('wins over an alert while on, and the alert loop goes on after', () => {
    const alert = {
      id: 'a1',
      target: target({ kinds: ['speaker'] }),
      from: vn(DAY, '11:00'),
      to: vn(DAY, '12:00'),
      item: content('alert-text', { kind: 'text' }),
      speechItem: content('alert-speech', { kind: 'speech', durationMs: 30_000 }),
    };
    const t = compileTimelines(input({ alerts: [alert], announcements: [announcement('10', vn(DAY, '11:10'), vn(DAY, '11:12'), 'emergency')] }), opts).get('sp1')!;
    expect(whatPlaysAt(t, vn(DAY, '11:05')).item?.contentId).toBe('alert-speech');
    expect(whatPlaysAt(t, vn(DAY, '11:11')).item?.live?.id).toBe('live:10');
    expect(whatPlaysAt(t, vn(DAY, '11:13')).item?.contentId).toBe('alert-speech');
  });
});
