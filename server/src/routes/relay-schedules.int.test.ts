// Relay schedule entries (lịch tiếp âm) on a real SQLite file: an entry names an approved relay source instead of
// a content; loudspeakers (and stream zones, the same compiler) play its live item in its windows — also outside
// their broadcast slots, never in quiet hours — and never screens; only approved sources can be scheduled; a
// relay in dead air leaves its window to the fallback until it resumes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSha256 } from '@bantin/protocol/core';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let admin: Caller;
let ed: Caller;
let reviewer: Caller;
let clock = vn('2026-03-02', '08:00');
beforeEach(async () => {
  clock = vn('2026-03-02', '08:00');
  t = await createTestContext({ clock: () => clock });
  // These tests are about the compiler: no station is reachable here, and the engine would (rightly) take a relay
  // whose window is on now off the air as dead air. relay-icecast.int.test.ts tests the engine with a real station.
  await t.relayEngine?.close();
  admin = await callerFor(t, 'quantri2', ['admin']);
  ed = await callerFor(t, 'bientap', ['editor']);
  reviewer = await callerFor(t, 'kiemduyet', ['reviewer']);
});
afterEach(() => t.cleanup());

const VOV1 = { name: 'VOV1', url: 'http://8.8.8.8:8000/vov1.mp3' };
const device = async (kind: 'led' | 'speaker', groupIds: number[] = []) =>
  (await ed('POST', '/api/devices', { name: `${kind}-${Math.random()}`, kind, groupIds })).body.id as number;
const playingAt = async (id: number, at: number) => (await ed('GET', `/api/devices/${id}/timeline/at?t=${at}`)).body;

async function approvedSource(body = VOV1): Promise<number> {
  const made = await admin('POST', '/api/relay-sources', body);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const ok = await reviewer('POST', `/api/relay-sources/${made.body.id}/decision`, { decision: 'approve', url: made.body.url });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return made.body.id;
}

const evening = (groupIds: number[], relaySourceId: number, cls = 'normal') => ({
  name: 'Tiếp âm VOV1 buổi tối',
  class: cls,
  relaySourceId,
  target: { groupIds, deviceIds: [], kinds: [] },
  when: everyDay('2026-03-01', '2026-03-31', [{ start: '18:00', end: '18:30' }]),
});

describe('relay schedule entries', () => {
  it('plays the relay on the group’s loudspeakers in its window, outside their broadcast slots, and not on screens', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 5' })).body.id as number;
    const speaker = await device('speaker', [g]);
    const led = await device('led', [g]);
    const sourceId = await approvedSource();
    const res = await ed('POST', '/api/schedules', evening([g], sourceId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ relaySourceId: sourceId, contentId: null, playlistId: null, class: 'normal' });
    const id = res.body.id as number;

    const during = await playingAt(speaker, vn('2026-03-02', '18:10'));
    const feed = `relay:${id}`;
    expect(during.item).toMatchObject({
      kind: 'audio',
      sha256: liveSha256(feed),
      live: { id: feed, title: 'VOV1' },
      reason: { scheduleId: String(id) },
    });
    expect(during.segment.class).toBe('normal');
    // The whole window is the relay's (after the slot's opening jingle, if the ward has one).
    expect((await playingAt(speaker, vn('2026-03-02', '18:29'))).item?.live?.id).toBe(feed);
    // Not before nor after its window (18:00–18:30 lies outside the default slots 06:00–06:30 and 17:00–17:30).
    expect((await playingAt(speaker, vn('2026-03-02', '17:59'))).item?.live).toBeUndefined();
    expect((await playingAt(speaker, vn('2026-03-02', '18:31'))).item?.live).toBeUndefined();
    // Screens never get it, and no file of it is in any media manifest.
    expect((await playingAt(led, vn('2026-03-02', '18:10'))).item?.live).toBeUndefined();
    const tl = await t.timeline.preview(speaker, vn('2026-03-02', '18:00'), vn('2026-03-02', '19:00'));
    expect(tl.media.map((m) => m.sha256)).not.toContain(liveSha256(feed));
  });

  it('plays an all-day relay on every day of the horizon (whole-day windows merge into one slot)', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 10' })).body.id as number;
    const speaker = await device('speaker', [g]);
    await ed('PATCH', `/api/devices/${speaker}`, { quietHours: null });
    const sourceId = await approvedSource();
    const allDay = { ...evening([g], sourceId), when: everyDay('2026-03-01', '2026-03-31', [{ start: '00:00', end: '24:00' }]) };
    const res = await ed('POST', '/api/schedules', allDay);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await t.timeline.settled();
    // One run a day: touching whole-day windows are not merged into one long slot (a run plays one window).
    const tl = (await t.timeline.getTimeline(speaker))!;
    const runs = tl.segments.filter((s) => s.items.some((i) => i.live));
    expect(runs.length).toBeGreaterThanOrEqual(7);
    expect(runs.every((s) => s.end - s.start === 86_400_000)).toBe(true);
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-05']) {
      expect((await playingAt(speaker, vn(day, '12:00'))).item?.live?.id, day).toBe(`relay:${res.body.id}`);
    }
  });

  it('refuses unapproved or unknown sources, the ads and fallback classes, and an empty target; nothing is saved', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 6' })).body.id as number;
    const pending = (await admin('POST', '/api/relay-sources', { name: 'Đài tỉnh', url: 'http://8.8.4.4/live.mp3' })).body.id as number;
    const approved = await approvedSource();
    const count = async () => (await t.db.all('SELECT id FROM schedules')).length;
    const before = await count();
    for (const [body, status, code] of [
      [evening([g], pending), 422, 'schedule_relay_not_approved'],
      [evening([g], 9999), 422, 'schedule_relay_not_approved'],
      [evening([g], approved, 'ads'), 422, 'schedule_relay_class'],
      [evening([g], approved, 'fallback'), 422, 'schedule_relay_class'],
      [evening([], approved), 400, 'schedule_target_empty'],
      [{ ...evening([g], approved), contentId: 1 }, 400, 'validation_failed'],
    ] as const) {
      const res = await ed('POST', '/api/schedules', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message?.vi ?? res.body.title).toBeTruthy();
    }
    const vi = await ed('POST', '/api/schedules', evening([g], pending));
    expect(JSON.stringify(vi.body)).toContain('chưa được duyệt');
    expect(await count()).toBe(before);
  });

  it('keeps quiet hours: a relay window inside them stays silent', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 7' })).body.id as number;
    const speaker = await device('speaker', [g]);
    const sourceId = await approvedSource();
    const late = { ...evening([g], sourceId), when: everyDay('2026-03-01', '2026-03-31', [{ start: '20:30', end: '21:30' }]) };
    expect((await ed('POST', '/api/schedules', late)).status).toBe(201);
    expect((await playingAt(speaker, vn('2026-03-02', '20:45'))).item?.live).toBeDefined();
    // Default quiet hours start at 21:00.
    expect((await playingAt(speaker, vn('2026-03-02', '21:10'))).item?.live).toBeUndefined();
  });

  it('falls back in its window while the relay is in dead air, and plays it again when it resumes', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 8' })).body.id as number;
    const speaker = await device('speaker', [g]);
    const filler = await addContent(t, { media: 'audio', durationMs: 60_000, title: 'Nhạc nền' });
    const sourceId = await approvedSource();
    const id = (await ed('POST', '/api/schedules', evening([g], sourceId))).body.id as number;
    expect(
      (
        await ed('POST', '/api/schedules', {
          class: 'fallback',
          contentId: filler,
          target: { groupIds: [g] },
          when: everyDay('2026-03-01', '2026-03-31', [{ start: '00:00', end: '23:59' }]),
        })
      ).status,
    ).toBe(201);
    const at = vn('2026-03-02', '18:10');
    expect((await playingAt(speaker, at)).item.live.id).toBe(`relay:${id}`);

    await t.relayAir.down(id);
    await t.timeline.settled();
    const down = await playingAt(speaker, at);
    expect(down.item.live).toBeUndefined();
    expect(down.item.contentId).toBe(String(filler));
    expect(down.segment.class).toBe('fallback');

    await t.relayAir.up(id);
    await t.timeline.settled();
    expect((await playingAt(speaker, at)).item.live.id).toBe(`relay:${id}`);
  });

  it('stops relaying a source that is deleted', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 9' })).body.id as number;
    const speaker = await device('speaker', [g]);
    const sourceId = await approvedSource();
    expect((await ed('POST', '/api/schedules', evening([g], sourceId))).status).toBe(201);
    expect((await playingAt(speaker, vn('2026-03-02', '18:10'))).item?.live).toBeDefined();
    expect((await admin('DELETE', `/api/relay-sources/${sourceId}`)).status).toBeLessThan(300);
    await t.timeline.settled();
    expect((await playingAt(speaker, vn('2026-03-02', '18:10'))).item?.live).toBeUndefined();
  });
});
