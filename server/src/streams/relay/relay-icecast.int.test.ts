// A relay (tiếp âm) from a real Icecast 2, fed by ffmpeg with a 660 Hz tone like a radio station: in its window
// the group's stream zone plays the station (decoded and measured), pulled by ONE ffmpeg for the zone and the web
// players' live feed; stopping the station is dead air — the zone falls back to its fallback (a 440 Hz clip)
// within seconds, an incident is recorded; restarting the station resumes the relay and closes the incident.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../media/tools/run-tool';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { storeGeneratedTone } from '../../../test/factories/media';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../../test/factories/scheduling';
import { startIcecast, type TestIcecast } from '../../../test/support/icecast';
import { decodeToPcm, dominantTones } from '../../../test/support/tones';

const WINDOW = { start: '18:00', end: '18:30' };
let offset = 0;
let ice: TestIcecast;
let t: TestCtx;
let station: ChildProcess | null = null;
let groupId = 0;
let scheduleId = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-relay-'));

/** The station: a 660 Hz tone, in real time, as MP3 on the Icecast mount /vov1.mp3. */
function startStation() {
  station = spawn(
    ffmpegPath,
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=660:sample_rate=44100',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '64k',
      '-content_type',
      'audio/mpeg',
      '-f',
      'mp3',
      `icecast://source:${ice.sourcePassword}@127.0.0.1:${ice.port}/vov1.mp3`,
    ],
    { stdio: 'ignore' },
  );
}
async function stopStation() {
  const s = station;
  station = null;
  if (!s || s.exitCode !== null) return;
  const done = new Promise((r) => s.once('close', r));
  s.kill('SIGKILL');
  await done;
}

/** What the zone sends out over the next `ms`, as the dominant tone of each 250 ms. */
async function zoneTones(ms: number): Promise<number[]> {
  const chunks: Buffer[] = [];
  const stop = t.streamEngine.subscribe(groupId, (mp3) => chunks.push(mp3));
  expect(stop).not.toBeNull();
  await new Promise((r) => setTimeout(r, ms));
  stop!();
  return dominantTones(await decodeToPcm(Buffer.concat(chunks)), [440, 660], 250);
}
const mostly = (tones: number[], hz: number) => tones.filter((x) => x === hz).length >= tones.length * 0.7;

/** Polls until the zone's last second is mostly `hz`; answers how long that took (ms). */
async function untilZonePlays(hz: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    const tones = await zoneTones(1000);
    if (mostly(tones, hz)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`the zone did not play ${hz} Hz within ${timeoutMs} ms: ${JSON.stringify(tones)}`);
  }
}

let admin: Caller;
beforeAll(async () => {
  ice = await startIcecast();
  startStation();
  offset = vn('2026-03-02', '17:00') - Date.now();
  t = await createTestContext({ clock: () => Date.now() + offset, env: { BANTIN_RELAY_SILENCE_S: '4' } });
  admin = await callerFor(t, 'quantri', ['admin']);
  const ed = await callerFor(t, 'bientap', ['editor']);
  const reviewer = await callerFor(t, 'kiemduyet', ['reviewer']);
  const sha = await storeGeneratedTone(t.media, dir, 'fallback.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=60'], 60_000);
  const fallback = await addContent(t, { media: 'audio', mediaSha: sha, durationMs: 60_000, title: 'Nhạc chờ' });
  groupId = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 2' })).body.id;
  expect(
    (
      await ed('POST', '/api/schedules', {
        class: 'fallback',
        contentId: fallback,
        target: { groupIds: [groupId] },
        when: everyDay('2026-03-01', '2026-03-31', [WINDOW]),
      })
    ).status,
  ).toBe(201);
  const source = await admin('POST', '/api/relay-sources', {
    name: 'VOV1',
    url: `http://127.0.0.1:${ice.port}/vov1.mp3`,
    allowPrivate: true,
  });
  expect(source.status, JSON.stringify(source.body)).toBe(201);
  expect(
    (await reviewer('POST', `/api/relay-sources/${source.body.id}/decision`, { decision: 'approve', url: source.body.url })).status,
  ).toBe(200);
  const relay = await ed('POST', '/api/schedules', {
    name: 'Tiếp âm VOV1',
    class: 'normal',
    relaySourceId: source.body.id,
    target: { groupIds: [groupId] },
    when: everyDay('2026-03-01', '2026-03-31', [WINDOW]),
  });
  expect(relay.status, JSON.stringify(relay.body)).toBe(201);
  scheduleId = relay.body.id;
  // The zone starts before the window: it waits in silence, not pulling the station.
  expect((await ed('PUT', `/api/groups/${groupId}/stream-zone`, { slug: 'to-2' })).status).toBe(200);
  await t.streamEngine.settled();
}, 120_000);
afterAll(async () => {
  await stopStation();
  await t?.cleanup();
  await ice?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const incidents = () =>
  t.db.all<{ reason: string; started_at: number; ended_at: number | null }>('SELECT * FROM relay_incidents ORDER BY id');

describe('a relay from Icecast', () => {
  it('is not pulled before its window, and plays in the zone within it, from one ffmpeg', async () => {
    await t.relayEngine!.step();
    expect(t.relayEngine!.status()).toEqual([]);
    expect(mostly(await zoneTones(1500), 0)).toBe(true);

    // 18:00:02 in the ward: the window is on.
    offset = vn('2026-03-02', '18:00') + 2000 - Date.now();
    const took = await untilZonePlays(660, 20_000);
    expect(took).toBeLessThan(20_000);
    const status = t.relayEngine!.status();
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ scheduleId, feed: `relay:${scheduleId}`, onAir: true, incidentOpen: false });
    // The web players' feed is on air from the same process.
    expect(t.liveHub.isOn(`relay:${scheduleId}`)).toBe(true);
    const frames: Buffer[] = [];
    const off = t.liveHub.subscribe(`relay:${scheduleId}`, { frames: (f) => frames.push(f), ended: () => undefined });
    await new Promise((r) => setTimeout(r, 1500));
    off!();
    const heard = dominantTones(await decodeToPcm(Buffer.concat(frames)), [440, 660], 250);
    expect(mostly(heard, 660), JSON.stringify(heard)).toBe(true);
    expect(await incidents()).toEqual([]);
  }, 60_000);

  it('falls back when the station stops, records the incident, and resumes when it returns', async () => {
    const stoppedAt = Date.now();
    await stopStation();
    const fellBack = await untilZonePlays(440, 15_000);
    const fallbackS = (Date.now() - stoppedAt) / 1000;
    expect(fallbackS).toBeLessThanOrEqual(12);
    expect(fellBack).toBeGreaterThanOrEqual(0);
    const open = await incidents();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ reason: 'source_failed', ended_at: null });
    expect(t.relayAir.offAir().has(scheduleId)).toBe(true);
    expect(t.liveHub.isOn(`relay:${scheduleId}`)).toBe(false);
    // Every staff role sees the incident, named by its entry and source.
    const viewer = await callerFor(t, 'xem', ['viewer']);
    const seen = await viewer('GET', '/api/relays/on-air');
    expect(seen.status).toBe(200);
    expect(seen.body.relays).toEqual([expect.objectContaining({ scheduleId, onAir: false, incidentOpen: true })]);
    expect(seen.body.incidents[0]).toMatchObject({
      scheduleId,
      scheduleName: 'Tiếp âm VOV1',
      sourceName: 'VOV1',
      reason: 'source_failed',
      endedAt: null,
    });

    startStation();
    await untilZonePlays(660, 40_000);
    const closed = await incidents();
    expect(closed).toHaveLength(1);
    expect(closed[0]!.ended_at).not.toBeNull();
    expect(t.relayAir.offAir().has(scheduleId)).toBe(false);
  }, 90_000);

  it('treats a station that is on but silent as dead air after BANTIN_RELAY_SILENCE_S (4 s here)', async () => {
    const quiet = spawn(
      ffmpegPath,
      [
        '-hide_banner',
        '-nostdin',
        '-v',
        'error',
        '-re',
        '-f',
        'lavfi',
        '-i',
        'anullsrc=r=44100:cl=mono',
        '-c:a',
        'libmp3lame',
        '-b:a',
        '64k',
        '-content_type',
        'audio/mpeg',
        '-f',
        'mp3',
        `icecast://source:${ice.sourcePassword}@127.0.0.1:${ice.port}/quiet.mp3`,
      ],
      { stdio: 'ignore' },
    );
    try {
      const ed = await callerFor(t, 'bientap2', ['editor']);
      const reviewer = await callerFor(t, 'kiemduyet2', ['reviewer']);
      const g = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 3' })).body.id;
      const source = await admin('POST', '/api/relay-sources', {
        name: 'Đài tỉnh',
        url: `http://127.0.0.1:${ice.port}/quiet.mp3`,
        allowPrivate: true,
      });
      expect(
        (await reviewer('POST', `/api/relay-sources/${source.body.id}/decision`, { decision: 'approve', url: source.body.url })).status,
      ).toBe(200);
      const relay = await ed('POST', '/api/schedules', {
        class: 'normal',
        relaySourceId: source.body.id,
        target: { groupIds: [g] },
        when: everyDay('2026-03-01', '2026-03-31', [WINDOW]),
      });
      expect(relay.status).toBe(201);
      const id = relay.body.id as number;
      const started = Date.now();
      const end = started + 20_000;
      let rows: { schedule_id: number; reason: string; ended_at: number | null }[] = [];
      while (Date.now() < end) {
        rows = await t.db.all('SELECT * FROM relay_incidents WHERE schedule_id = ?', [id]);
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(rows, 'a silence incident').toEqual([expect.objectContaining({ reason: 'silence', ended_at: null })]);
      // Not before the silence lasted its 4 s (the connection itself takes a moment more).
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
      expect(t.relayAir.offAir().has(id)).toBe(true);
      expect(t.liveHub.isOn(`relay:${id}`)).toBe(false);
    } finally {
      quiet.kill('SIGKILL');
    }
  }, 60_000);

  it('never follows a redirect: a source that answers 302 is dead air, never on air', async () => {
    const http = await import('node:http');
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${ice.port}/vov1.mp3` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    const port = (redirector.address() as { port: number }).port;
    try {
      const ed = await callerFor(t, 'bientap3', ['editor']);
      const reviewer = await callerFor(t, 'kiemduyet3', ['reviewer']);
      const g = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 6' })).body.id;
      const source = await admin('POST', '/api/relay-sources', {
        name: 'Chuyển hướng',
        url: `http://127.0.0.1:${port}/live.mp3`,
        allowPrivate: true,
      });
      expect(
        (await reviewer('POST', `/api/relay-sources/${source.body.id}/decision`, { decision: 'approve', url: source.body.url })).status,
      ).toBe(200);
      const relay = await ed('POST', '/api/schedules', {
        class: 'normal',
        relaySourceId: source.body.id,
        target: { groupIds: [g] },
        when: everyDay('2026-03-01', '2026-03-31', [WINDOW]),
      });
      const id = relay.body.id as number;
      const end = Date.now() + 15_000;
      let rows: { detail: string | null; reason: string }[] = [];
      while (Date.now() < end && rows.length === 0) {
        rows = await t.db.all('SELECT * FROM relay_incidents WHERE schedule_id = ?', [id]);
        if (!rows.length) await new Promise((r) => setTimeout(r, 200));
      }
      expect(rows).toEqual([expect.objectContaining({ reason: 'source_failed' })]);
      expect(rows[0]!.detail).toMatch(/HTTP 302.*redirect/);
      expect(t.relayEngine!.status().find((r) => r.scheduleId === id)?.onAir).toBe(false);
    } finally {
      redirector.close();
    }
  }, 60_000);

  it('stops pulling when the window closes', async () => {
    offset = vn('2026-03-02', '18:30') + 1000 - Date.now();
    await t.relayEngine!.step();
    expect(t.relayEngine!.status()).toEqual([]);
    expect(t.liveHub.isOn(`relay:${scheduleId}`)).toBe(false);
  }, 30_000);
});
