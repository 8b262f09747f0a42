// The zone encoder end to end: real ffmpeg, real SQLite, the real compiler. A subscriber collects the zone's MP3
// frames, which are decoded and checked window by window against the programme: silence before the slot, the
// clip in it, the alert cutting in (attention tone, then 1 kHz), and the schedule resuming by the wall clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { storeGeneratedTone } from '../../../test/factories/media';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../../test/factories/scheduling';
import { decodeToPcm, dominantTones } from '../../../test/support/tones';
import type { AsRunSpan } from '../source';

const WINDOW_MS = 250;
const TONES = [440, 550, 780, 1000];
const SLOT = { start: '07:00', end: '07:30' };
const SLOT_START = vn('2026-03-02', '07:00');

let offset = vn('2026-03-02', '06:00') - Date.now();
const zoneNow = () => Date.now() + offset;
let t: TestCtx;
let ed: Caller;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-engine-'));

const storeTone = (name: string, input: string[], durationMs: number) => storeGeneratedTone(t.media, dir, name, input, durationMs);

type Heard = { frames: Buffer[]; at: number[]; firstZoneMs: number };
function listen(zoneId: number): Heard & { stop: () => void } {
  const heard: Heard = { frames: [], at: [], firstZoneMs: 0 };
  const stop = t.streamEngine.subscribe(zoneId, (f) => {
    if (heard.frames.length === 0) heard.firstZoneMs = zoneNow();
    heard.frames.push(f);
    heard.at.push(Date.now());
  });
  if (!stop) throw new Error(`zone ${zoneId} is not running`);
  return Object.assign(heard, { stop });
}
const sleepUntilZone = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - zoneNow())));

/** Dominant tone per window, with the zone time each window starts at (frames arrive slightly ahead). */
async function analyse(h: Heard) {
  const tones = dominantTones(await decodeToPcm(Buffer.concat(h.frames)), TONES, WINDOW_MS);
  return tones.map((hz, i) => ({ zone: h.firstZoneMs + i * WINDOW_MS, hz }));
}
const between = (w: { zone: number; hz: number }[], from: number, to: number) => w.filter((x) => x.zone >= from && x.zone + WINDOW_MS <= to).map((x) => x.hz);
/** Index of the first run of at least `n` windows of `hz`. */
const firstRun = (w: { hz: number }[], hz: number, n: number) => w.findIndex((_, i) => w.slice(i, i + n).length === n && w.slice(i, i + n).every((x) => x.hz === hz));

let a: number;
let b: number;
let clip: number;
let alertAudio: string;
const asRun: AsRunSpan[] = [];

beforeAll(async () => {
  t = await createTestContext({ clock: zoneNow });
  ed = await callerFor(t, 'editor1', ['editor']);
  // A 30 s clip: 440 Hz for 10 s, then 550 Hz, so a resumed schedule tells where it resumed.
  const clipSha = await storeTone('clip.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=10', '-f', 'lavfi', '-i', 'sine=frequency=550:duration=20', '-filter_complex', 'concat=n=2:v=0:a=1'], 30_000);
  alertAudio = await storeTone('alert.wav', ['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=3'], 3000);
  clip = await addContent(t, { media: 'audio', mediaSha: clipSha, durationMs: 30_000, title: 'Nhạc thử 440' });
  a = (await ed('POST', '/api/groups', { name: 'Tổ 1', broadcastSlots: [SLOT] })).body.id;
  b = (await ed('POST', '/api/groups', { name: 'Tổ 2', broadcastSlots: [SLOT] })).body.id;
  await ed('POST', '/api/schedules', { class: 'normal', contentId: clip, target: { groupIds: [a, b] }, when: everyDay('2026-03-01', '2026-03-31', [SLOT]) });
  t.bus.on('stream.as-run', (s) => void asRun.push(s));
  // The zones' "now" is a few seconds before the slot.
  offset = SLOT_START - 5000 - Date.now();
  await ed('PUT', `/api/groups/${a}/stream-zone`, { slug: 'to-1' });
  await ed('PUT', `/api/groups/${b}/stream-zone`, { slug: 'to-2', quietHours: { start: '06:30', end: '08:00' } });
  await t.streamEngine.settled();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a stream zone’s encoder', () => {
  it('plays silence, then the clip in its slot; an alert cuts in (tone, then 1 kHz), also in quiet hours; cancel resumes by the wall clock', async () => {
    const ha = listen(a);
    const hb = listen(b);
    await sleepUntilZone(SLOT_START + 4000);
    const postedAt = Date.now();
    const alertZoneMs = zoneNow();
    const res = await ed('POST', '/api/alerts', { text: 'Thử báo động', audioSha256: alertAudio, target: { groupIds: [a, b] }, repeatMin: 10 });
    expect(res.status).toBe(201);
    await sleepUntilZone(alertZoneMs + 6500);
    const cancelZoneMs = zoneNow();
    await ed('POST', `/api/alerts/${res.body.id}/cancel`, {});
    await sleepUntilZone(cancelZoneMs + 5000);
    ha.stop();
    hb.stop();

    const wa = await analyse(ha);
    const wb = await analyse(hb);
    // Before the slot: silence; in it: the clip's first tone.
    expect(between(wa, SLOT_START - 4000, SLOT_START - 500).every((hz) => hz === 0)).toBe(true);
    expect(between(wa, SLOT_START + 1000, alertZoneMs - 250).every((hz) => hz === 440)).toBe(true);
    // Quiet hours: zone B stays silent in the slot.
    expect(between(wb, SLOT_START - 4000, alertZoneMs - 250).every((hz) => hz === 0)).toBe(true);

    for (const w of [wa, wb]) {
      const during = w.filter((x) => x.zone >= alertZoneMs - 500 && x.zone < cancelZoneMs);
      const tone = during.findIndex((x) => x.hz === 780);
      const message = firstRun(during, 1000, 8);
      expect(tone, JSON.stringify(during.map((x) => x.hz))).toBeGreaterThanOrEqual(0);
      expect(message).toBeGreaterThan(tone);
    }
    // After the cancel the schedule goes on where the wall clock is (past 10 s of the clip: 550 Hz), not where
    // it was cut (440 Hz); zone B is back to its quiet hours.
    const after = between(wa, cancelZoneMs + 2500, cancelZoneMs + 4500);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((hz) => hz === 550), JSON.stringify(after)).toBe(true);
    expect(between(wb, cancelZoneMs + 2500, cancelZoneMs + 4500).every((hz) => hz === 0)).toBe(true);

    // A measurement, not an assertion: alert POST → the first second of 1 kHz message at the subscriber.
    const dur = wa.filter((x) => x.zone >= alertZoneMs - 500);
    const first = firstRun(dur, 1000, 4);
    const frameIndex = Math.floor(((wa.indexOf(dur[first]!) * WINDOW_MS) / 1000) * (44_100 / 1152));
    console.log(`[measure] alert POST → first 1 kHz at the subscriber: ${ha.at[frameIndex]! - postedAt} ms (the attention tone is ~2 s of it)`);

    // As-run: what went out on zone A, in order.
    const reasons = asRun.filter((s) => s.zoneId === a).map((s) => s.reason);
    expect(reasons).toEqual(expect.arrayContaining(['silence', 'normal', 'alert-tone', 'emergency']));
    const played = asRun.find((s) => s.zoneId === a && s.reason === 'normal')!;
    expect(played).toMatchObject({ contentId: clip, title: 'Nhạc thử 440' });
    expect(played.startMs).toBeGreaterThanOrEqual(SLOT_START - 50);
    expect(asRun.some((s) => s.zoneId === b && s.reason === 'quiet-hours')).toBe(true);
  }, 120_000);

  it('serves the HLS playlist and segments of a running zone, and nothing outside its folder', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const playlist = t.streamEngine.hlsFile(a, 'index.m3u8');
    expect(playlist).not.toBeNull();
    const text = fs.readFileSync(playlist!, 'utf8');
    const segment = text.split('\n').find((l) => l.endsWith('.ts'))!;
    expect(t.streamEngine.hlsFile(a, segment)).toBe(path.join(path.dirname(playlist!), segment));
    expect(t.streamEngine.hlsFile(a, '../../bantin.db')).toBeNull();
    expect(t.streamEngine.format(a)).toEqual({ bitrateKbps: 64, channels: 1 });
    expect(t.streamEngine.subscribe(9999, () => undefined)).toBeNull();
  });
});
