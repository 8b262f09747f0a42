import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
let now = vn('2026-03-02', '08:00');
let events: { deviceId: number; version: string }[];
beforeEach(async () => {
  now = vn('2026-03-02', '08:00');
  t = await createTestContext({ clock: () => now });
  ed = await callerFor(t, 'editor1', ['editor']);
  events = [];
  t.bus.on('timeline.changed', ({ deviceId, version }) => events.push({ deviceId, version }));
});
afterEach(() => t.cleanup());

const meta = async () =>
  new Map(
    (await t.db.all<{ device_id: number; version: string; compiled_at: number }>('SELECT device_id, version, compiled_at FROM device_timelines')).map((r) => [
      r.device_id,
      r,
    ]),
  );
const morning = everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '11:00' }]);

describe('timeline service', () => {
  it('stores a timeline per device over [today 00:00, +horizon+1 days) and uses the starter pack as fallback', async () => {
    const loop = await addContent(t, { media: 'image', system: true });
    await t.timeline.recompileAll();
    const led = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body.id;
    const tl = await t.timeline.getTimeline(led);
    expect(tl!.from).toBe(vn('2026-03-02'));
    expect(tl!.to).toBe(vn('2026-03-10'));
    expect(tl!.segments[0]).toMatchObject({ class: 'fallback', start: vn('2026-03-02', '05:30'), end: vn('2026-03-02', '22:00') });
    expect(tl!.segments[0]!.items[0]).toMatchObject({ contentId: String(loop) });
    expect(tl!.media[0]!.url).toBe(`/api/device/media/${tl!.media[0]!.sha256}`);
  });

  it('recompiles only the devices a schedule reaches; the others keep their version and compiled_at', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 5' })).body.id;
    const inGroup = (await ed('POST', '/api/devices', { name: 'LED tổ 5', kind: 'led', groupIds: [g] })).body.id;
    const other = (await ed('POST', '/api/devices', { name: 'LED tổ 6', kind: 'led' })).body.id;
    const c = await addContent(t, { media: 'image' });
    const before = await meta();
    events = [];
    now += 60_000;
    const s = (await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { groupIds: [g] }, when: morning })).body.id;
    const after = await meta();
    expect(after.get(other)).toEqual(before.get(other));
    expect(after.get(inGroup)!.version).not.toBe(before.get(inGroup)!.version);
    expect(after.get(inGroup)!.compiled_at).toBe(now);
    expect(events).toEqual([{ deviceId: inGroup, version: after.get(inGroup)!.version }]);

    // Moving the entry to the other device recompiles both (before and after targets), and only them.
    const third = (await ed('POST', '/api/devices', { name: 'LED 3', kind: 'led' })).body.id;
    const mid = await meta();
    events = [];
    await ed('PATCH', `/api/schedules/${s}`, { target: { deviceIds: [other] } });
    const end = await meta();
    expect(end.get(third)).toEqual(mid.get(third));
    expect(events.map((e) => e.deviceId).sort()).toEqual([inGroup, other].sort());
  });

  it('fires no event and writes nothing when a recompile gives the same version', async () => {
    await ed('POST', '/api/devices', { name: 'LED', kind: 'led' });
    const before = await meta();
    events = [];
    now += 3_600_000;
    const r = await t.timeline.recompileAll();
    expect(r.changed).toEqual([]);
    expect(events).toEqual([]);
    expect(await meta()).toEqual(before);
  });

  it('recompiles the devices using a content when the content service announces a change', async () => {
    const c = await addContent(t, { media: 'image' });
    const led = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body.id;
    const kiosk = (await ed('POST', '/api/devices', { name: 'Kiosk', kind: 'kiosk' })).body.id;
    await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { deviceIds: [led] }, when: morning });
    const before = await meta();
    events = [];
    // Withdraw the approval behind the content service's back, then announce it the way it does.
    await t.db.run('UPDATE content SET approved_version_id = NULL WHERE id = ?', [c]);
    t.bus.emit('content.changed', { contentId: c });
    await t.timeline.settled();
    expect(events.map((e) => e.deviceId)).toEqual([led]);
    expect((await meta()).get(kiosk)).toEqual(before.get(kiosk));
    const at = await ed('GET', `/api/devices/${led}/timeline/at?t=${vn('2026-03-02', '09:00')}`);
    expect(at.body.item).toBeNull();
  });

  it('recompiles the members when group membership changes, and speakers take the group’s broadcast slots', async () => {
    const news = await addContent(t, { speech: true, durationMs: 60_000 });
    const sp = (await ed('POST', '/api/devices', { name: 'Loa', kind: 'speaker' })).body.id;
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 2', broadcastSlots: [{ start: '18:00', end: '18:30' }] })).body.id;
    await ed('POST', '/api/schedules', { class: 'normal', contentId: news, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '18:00', end: '18:30' }]) });
    events = [];
    await ed('POST', `/api/groups/${g}/members`, { deviceIds: [sp] });
    expect(events.map((e) => e.deviceId)).toEqual([sp]);
    const at = await ed('GET', `/api/devices/${sp}/timeline/at?t=${vn('2026-03-02', '18:00')}`);
    expect(at.body.item).toMatchObject({ contentId: String(news), kind: 'speech' });
    expect(at.body.segment).toMatchObject({ mode: 'once' });
  });

  it('previews any range with the reason of every item, and answers what plays at t outside the stored horizon', async () => {
    const led = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body.id;
    const c = await addContent(t, { media: 'image' });
    const s = (await ed('POST', '/api/schedules', { class: 'priority', contentId: c, target: { kinds: ['led'] }, when: morning })).body.id;
    const res = await ed('GET', `/api/devices/${led}/timeline?from=${encodeURIComponent('2026-03-20T07:00:00+07:00')}&to=${vn('2026-03-20', '12:00')}`);
    expect(res.status).toBe(200);
    const seg = res.body.segments[0];
    expect(seg).toMatchObject({ class: 'priority', start: vn('2026-03-20', '07:00'), end: vn('2026-03-20', '11:00') });
    expect(seg.items[0].reason).toMatchObject({ scheduleId: String(s) });
    expect(seg.items[0].reason.rule).toContain('07:00–11:00');
    const at = await ed('GET', `/api/devices/${led}/timeline/at?t=${vn('2026-03-25', '08:00')}`);
    expect(at.body).toMatchObject({ source: 'compiled', item: { contentId: String(c) } });
    expect((await ed('GET', `/api/devices/${led}/timeline?from=100&to=50`)).status).toBe(400);
    expect((await ed('GET', `/api/devices/${led}/timeline?from=0&to=${40 * 86_400_000}`)).status).toBe(400);
    expect((await ed('GET', '/api/devices/999/timeline')).status).toBe(404);
  });

  it('the horizon job moves the window forward a day and announces the new versions', async () => {
    await addContent(t, { media: 'image', system: true });
    const led = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body.id;
    const job = t.jobs.find((j) => j.name === 'extend-horizon')!;
    expect(job).toMatchObject({ name: 'extend-horizon', rule: '10 0 * * *' });
    expect(t.jobs.some((j) => j.name === 'extend-horizon')).toBe(true);
    events = [];
    now = vn('2026-03-03', '00:10');
    await job.run();
    const tl = await t.timeline.getTimeline(led);
    expect(tl!.from).toBe(vn('2026-03-03'));
    expect(events.map((e) => e.deviceId)).toEqual([led]);
  });
});
