// A zone stream from end to end, the way an IP receiver hears it: the zone made through the API, a receiver
// with its own stream URL, the real encoder (ffmpeg) and the real fan-out over HTTP. What the receiver got is
// decoded and checked against the programme: silence before the slot, the clip in it, an emergency alert
// cutting in (attention tone, then 1 kHz); revoking the receiver ends its stream.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { addReceiver } from '../../test/support/stream-zones';
import { storeGeneratedTone } from '../../test/factories/media';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../test/factories/scheduling';
import { decodeToPcm, dominantTones } from '../../test/support/tones';

const WINDOW_MS = 250;
const SLOT = { start: '07:00', end: '07:30' };
const SLOT_START = vn('2026-03-02', '07:00');
let offset = vn('2026-03-02', '06:00') - Date.now();
const zoneNow = () => Date.now() + offset;
const sleepUntilZone = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - zoneNow())));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-zone-rx-'));

/** An HTTP listener that keeps every chunk with the zone time it arrived at. */
function receive(url: string) {
  const chunks: { at: number; bytes: Buffer }[] = [];
  let closed = false;
  let status = 0;
  const req = http.get(url, { agent: false }, (res) => {
    status = res.statusCode ?? 0;
    res.on('data', (b: Buffer) => chunks.push({ at: zoneNow(), bytes: b }));
    res.on('close', () => (closed = true));
  });
  req.on('error', () => (closed = true));
  return { chunks, status: () => status, closed: () => closed, stop: () => req.destroy() };
}

describe('a receiver on a zone stream', () => {
  let s: TestServer;
  let ed: Caller;
  let group: number;
  let rx: { id: number; token: string; mp3Path: string };
  let alertSha: string;

  beforeAll(async () => {
    s = await startTestServer({ clock: zoneNow });
    ed = await callerFor(s, 'editor1', ['editor']);
    const clipSha = await storeGeneratedTone(s.media, dir, 'clip.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=30'], 30_000);
    alertSha = await storeGeneratedTone(s.media, dir, 'alert.wav', ['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=3'], 3000);
    const clip = await addContent(s, { media: 'audio', mediaSha: clipSha, durationMs: 30_000, title: 'Bản tin 440' });
    group = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 7', broadcastSlots: [SLOT] })).body.id;
    expect((await ed('POST', '/api/schedules', { class: 'normal', contentId: clip, target: { groupIds: [group] }, when: everyDay('2026-03-01', '2026-03-31', [SLOT]) })).status).toBe(201);
    offset = SLOT_START - 4000 - Date.now();
    const zone = await ed('PUT', `/api/groups/${group}/stream-zone`, { slug: 'to-7' });
    expect(zone.status, JSON.stringify(zone.body)).toBe(200);
    await s.streamEngine.settled();
    rx = await addReceiver(s, group);
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hears silence, then the clip in its slot, then the alert cutting in; a revoked receiver is cut off', async () => {
    const l = receive(`http://${s.base}${rx.mp3Path}`);
    await sleepUntilZone(SLOT_START + 5000);
    const postedAt = zoneNow();
    const alert = await ed('POST', '/api/alerts', { text: 'Báo động thử', audioSha256: alertSha, target: { groupIds: [group] } });
    expect(alert.status, JSON.stringify(alert.body)).toBe(201);
    await sleepUntilZone(postedAt + 7000);
    expect(l.status()).toBe(200);

    const firstAt = l.chunks[0]!.at;
    const tones = dominantTones(await decodeToPcm(Buffer.concat(l.chunks.map((c) => c.bytes))), [440, 780, 1000], WINDOW_MS);
    const windows = tones.map((hz, i) => ({ zone: firstAt + i * WINDOW_MS, hz }));
    const between = (from: number, to: number) => windows.filter((w) => w.zone >= from && w.zone + WINDOW_MS <= to).map((w) => w.hz);
    expect(between(firstAt, SLOT_START - 500).every((hz) => hz === 0), JSON.stringify(tones)).toBe(true);
    expect(between(SLOT_START + 1000, postedAt - 250).every((hz) => hz === 440), JSON.stringify(tones)).toBe(true);
    const after = windows.filter((w) => w.zone >= postedAt - 500);
    const toneAt = after.findIndex((w) => w.hz === 780);
    expect(toneAt, JSON.stringify(after.map((w) => w.hz))).toBeGreaterThanOrEqual(0);
    expect(after.slice(toneAt).some((w) => w.hz === 1000)).toBe(true);
    console.log(`[measure] alert POST → attention tone at the receiver: ${after[toneAt]!.zone - postedAt} ms (window ${WINDOW_MS} ms)`);

    expect((await ed('POST', `/api/devices/${rx.id}/revoke`, {})).status).toBe(200);
    const deadline = Date.now() + 5000;
    while (!l.closed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(l.closed()).toBe(true);
    const refused = await fetch(`http://${s.base}${rx.mp3Path}`);
    expect(refused.status).toBe(401);
  }, 120_000);
});
