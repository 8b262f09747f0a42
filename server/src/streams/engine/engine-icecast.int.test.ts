// The zone's third output against a real Icecast 2: the mount /<slug>.mp3 appears with the group's name, and a
// listener of that mount hears the zone's schedule (the clip's 440 Hz in its slot).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { storeGeneratedTone } from '../../../test/factories/media';
import { addContent, callerFor, everyDay, vn } from '../../../test/factories/scheduling';
import { sourcesOf, startIcecast, type TestIcecast } from '../../../test/support/icecast';
import { decodeToPcm, dominantTones } from '../../../test/support/tones';

const SLOT = { start: '07:00', end: '07:30' };
const SLOT_START = vn('2026-03-02', '07:00');
let offset = vn('2026-03-02', '06:00') - Date.now();
let ice: TestIcecast;
let t: TestCtx;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-ice-media-'));

beforeAll(async () => {
  ice = await startIcecast();
  t = await createTestContext({ clock: () => Date.now() + offset, env: { BANTIN_ICECAST_URL: `icecast://source:${ice.sourcePassword}@127.0.0.1:${ice.port}` } });
  const ed = await callerFor(t, 'editor1', ['editor']);
  const sha = await storeGeneratedTone(t.media, dir, 'clip.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=60'], 60_000);
  const clip = await addContent(t, { media: 'audio', mediaSha: sha, durationMs: 60_000 });
  const g = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 4', broadcastSlots: [SLOT] })).body.id;
  await ed('POST', '/api/schedules', { class: 'normal', contentId: clip, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [SLOT]) });
  // The zone starts inside its slot: the clip is on air from the first frame.
  offset = SLOT_START + 1000 - Date.now();
  await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-4' });
  await t.streamEngine.settled();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
  await ice?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a zone with BANTIN_ICECAST_URL', () => {
  it('appears as the Icecast mount /<slug>.mp3, named after the group, and its listeners hear the schedule', async () => {
    let mount: ReturnType<typeof sourcesOf>[number] | undefined;
    const end = Date.now() + 30_000;
    while (!mount && Date.now() < end) {
      mount = sourcesOf(await ice.status()).find((s) => s.listenurl.endsWith('/to-4.mp3'));
      if (!mount) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mount).toBeDefined();
    // The name goes out as UTF-8 bytes; Icecast 2.4's JSON status shows those bytes read as Latin-1.
    expect(Buffer.from(mount!.server_name ?? '', 'latin1').toString('utf8')).toBe('Tổ dân phố 4');
    expect(mount!.server_type).toBe('audio/mpeg');

    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${ice.port}/to-4.mp3`, { signal: ac.signal });
    expect(res.status).toBe(200);
    const chunks: Buffer[] = [];
    const reader = res.body!.getReader();
    const stopAt = Date.now() + 4000;
    while (Date.now() < stopAt) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
    }
    ac.abort();
    const tones = dominantTones(await decodeToPcm(Buffer.concat(chunks)), [440, 550, 780, 1000], 250);
    const heard = tones.filter((hz) => hz !== 0);
    expect(heard.length, JSON.stringify(tones)).toBeGreaterThanOrEqual(8);
    expect(heard.every((hz) => hz === 440), JSON.stringify(tones)).toBe(true);
  }, 90_000);
});
