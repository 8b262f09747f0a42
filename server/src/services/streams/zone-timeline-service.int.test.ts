import { describe, expect, it } from 'vitest';
import type { Segment } from '@bantin/protocol';
import type { TestCtx } from '../../../test/support/context';
import { useEditorContext } from '../../../test/support/hooks';
import { addContent, everyDay, vn, type Caller } from '../../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '06:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

const SLOT = { start: '07:00', end: '07:30' };
const classes = (segs: readonly Segment[]) => segs.map((s) => `${s.class}:${s.items.map((i) => i.contentId).join(',')}`);

/** A group with a member speaker (no quiet hours of its own), a clip scheduled in its slot, and its zone. */
async function zoneWithClip(zone: Record<string, unknown> = {}) {
  const g = (await ed('POST', '/api/groups', { name: 'Tổ 5', broadcastSlots: [SLOT] })).body.id as number;
  const speaker = (await ed('POST', '/api/devices', { name: 'Loa 1', kind: 'speaker', quietHours: null, groupIds: [g] })).body.id as number;
  const clip = await addContent(t, { media: 'audio', durationMs: 60_000 });
  await ed('POST', '/api/schedules', { class: 'normal', contentId: clip, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [SLOT]) });
  await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-5', ...zone });
  await t.timeline.settled();
  await t.zoneTimelines.settled();
  return { g, speaker, clip };
}

describe('a stream zone’s timeline', () => {
  it('is what a member speaker of the group plays: same segments, same items', async () => {
    const { g, speaker, clip } = await zoneWithClip();
    const zone = (await t.zoneTimelines.timeline(g))!;
    const member = (await t.timeline.getTimeline(speaker))!;
    expect(zone.deviceId).toBe(`zone:${g}`);
    expect(zone.segments).toEqual(member.segments);
    expect(zone.from).toBe(member.from);
    expect(classes(zone.segments).some((c) => c.includes(String(clip)))).toBe(true);
  });

  it('keeps the zone’s quiet hours: nothing normal plays in a slot inside them', async () => {
    const { g, clip } = await zoneWithClip({ quietHours: { start: '06:45', end: '08:00' } });
    const zone = (await t.zoneTimelines.timeline(g))!;
    const today = zone.segments.filter((s) => s.start >= vn('2026-03-02', '06:45') && s.end <= vn('2026-03-02', '08:00'));
    expect(today.flatMap((s) => s.items).some((i) => i.contentId === String(clip))).toBe(false);
  });

  it('is recompiled when a schedule changes, without being asked', async () => {
    const { g } = await zoneWithClip();
    const before = t.zoneTimelines.current(g)!.version;
    const other = await addContent(t, { media: 'audio', durationMs: 30_000 });
    await ed('POST', '/api/schedules', { class: 'priority', contentId: other, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [SLOT]) });
    await t.zoneTimelines.settled();
    const after = t.zoneTimelines.current(g)!;
    expect(after.version).not.toBe(before);
    expect(after.segments.flatMap((s) => s.items).some((i) => i.contentId === String(other))).toBe(true);
  });

  it('takes an alert that names one member speaker, and drops it again when it is cancelled', async () => {
    const { g, speaker } = await zoneWithClip();
    const alert = (await ed('POST', '/api/alerts', { text: 'Bão số 3', target: { deviceIds: [speaker] } })).body.id as number;
    // Speakers play an alert once its text is rendered as speech.
    await t.alerts.settle();
    await t.zoneTimelines.settled();
    const during = t.zoneTimelines.current(g)!;
    expect(during.segments.some((s) => s.class === 'emergency' && s.start <= now && now < s.end)).toBe(true);
    await ed('POST', `/api/alerts/${alert}/cancel`, {});
    await t.zoneTimelines.settled();
    expect(t.zoneTimelines.current(g)!.segments.some((s) => s.class === 'emergency')).toBe(false);
  });

  it('is gone when the group stops being a zone', async () => {
    const { g } = await zoneWithClip();
    await ed('DELETE', `/api/groups/${g}/stream-zone`);
    await t.zoneTimelines.settled();
    expect(t.zoneTimelines.current(g)).toBeNull();
    expect(await t.zoneTimelines.timeline(g)).toBeNull();
  });
});
