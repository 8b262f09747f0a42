// The public zone streams against a real server on a loopback port, a real ffmpeg tone per zone (test
// source), real receivers with tokens from the service, and ffmpeg decoding what the listeners got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { createToneZoneSource, type ToneZone } from '../../test/support/tone-zone-source';
import { addReceiver, addStreamZone } from '../../test/support/stream-zones';
import { decodeMp3, openStream, toneFrequency } from '../../test/support/stream-client';
import { createIcyReader } from '../../test/support/icy-reader';
import { frameLength as mp3FrameLength } from '../streams/mp3-frames';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const actor = { id: null, name: 'test' };

async function until(what: string, f: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await f())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('GET /stream/:slug.mp3 and HLS', () => {
  const zones = new Map<number, ToneZone>();
  const tone = createToneZoneSource(zones);
  let s: TestServer;
  let a: { id: number; group: number; token: string; mp3Path: string; hlsPath: string };
  let b: { group: number; token: string };
  const url = (p: string) => `http://${s.base}${p}`;

  beforeAll(async () => {
    s = await startTestServer({ zoneAudio: tone.source });
    const ga = await addStreamZone(s, 'to-3', { name: 'Tổ 3' });
    const gb = await addStreamZone(s, 'to-4', { name: 'To 4' });
    zones.set(ga, { title: "Bản tin sáng 'Phường'", frequency: 440, hls: true });
    zones.set(gb, { title: '', frequency: 1000 });
    a = { ...(await addReceiver(s, ga)), group: ga };
    b = { ...(await addReceiver(s, gb)), group: gb };
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    tone.stop();
  });

  it('refuses a wrong, missing or other zone token with 401 problem+json and an unknown zone with 404', async () => {
    for (const p of ['/stream/to-3.mp3?token=' + 'x'.repeat(43), '/stream/to-3.mp3', `/stream/to-3.mp3?token=${b.token}`, `/stream/to-3/index.m3u8?token=${b.token}`]) {
      const res = await fetch(url(p), { headers: { 'accept-language': 'en' } });
      expect(res.status, p).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { code: string; detail: string };
      expect(body.code).toBe('stream_unauthorized');
      expect(body.detail).toMatch(/token/);
    }
    const vi = (await (await fetch(url('/stream/to-3.mp3'))).json()) as { detail: string };
    expect(vi.detail).toMatch(/Mã luồng/);
    const unknown = await fetch(url(`/stream/khong-co.mp3?token=${a.token}`));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('stream_zone_not_found');
    // Nothing was streamed for any of these: no subscription to the encoder was taken.
    expect(tone.subscribeCalls()).toBe(0);
  });

  it('streams MP3 with ICY headers, and StreamTitle every 16000 audio bytes when asked', async () => {
    const plain = await openStream(url(a.mp3Path));
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('audio/mpeg');
    expect(plain.headers['cache-control']).toContain('no-cache');
    expect(plain.headers['content-length']).toBeUndefined();
    expect(plain.headers['icy-br']).toBe('64');
    expect(decodeURIComponent(plain.headers['icy-name'] as string)).toBe('Tổ 3');
    expect(plain.headers['icy-metaint']).toBeUndefined();
    const icy = await openStream(url(a.mp3Path), { 'Icy-MetaData': '1' });
    expect(icy.headers['icy-metaint']).toBe('16000');
    await until('40000 bytes', () => icy.received() > 40_000, 30_000);
    icy.close();
    plain.close();
    const reader = createIcyReader();
    reader.push(icy.bytes());
    expect(reader.titles.length).toBeGreaterThanOrEqual(2);
    expect(reader.titles[0]).toBe('Bản tin sáng ’Phường’');
    // What is left between the metadata blocks is clean MP3 starting on a frame.
    const audio = Buffer.concat(reader.audio);
    expect(mp3FrameLength(audio, 0)).toBeGreaterThan(0);
    const decoded = await decodeMp3(audio);
    expect(decoded.errors).toBe('');
    expect(toneFrequency(decoded.pcm)).toBeGreaterThan(420);
    expect(toneFrequency(decoded.pcm)).toBeLessThan(460);
  }, 60_000);

  it('feeds two listeners of a zone from one subscription, which ends after the last leaves', async () => {
    const calls = tone.subscribeCalls();
    const one = await openStream(url(a.mp3Path));
    const two = await openStream(url(a.mp3Path));
    await until('both receive 24 KB', () => one.received() > 24_000 && two.received() > 24_000, 30_000);
    expect(tone.sinks(a.group)).toBe(1);
    expect(tone.subscribeCalls()).toBe(calls + 1);
    expect(s.fanout.listenerCount(a.group)).toBe(2);
    one.close();
    two.close();
    await until('unsubscribed', () => tone.sinks(a.group) === 0);
    for (const l of [one, two]) {
      const d = await decodeMp3(l.bytes());
      expect(d.code).toBe(0);
      expect(d.pcm.length).toBeGreaterThan(44100); // more than half a second of audio
      expect(Math.abs(toneFrequency(d.pcm) - 440)).toBeLessThan(20);
    }
    // Another zone is another tone.
    const other = await openStream(url(`/stream/to-4.mp3?token=${b.token}`));
    await until('1000 Hz zone', () => other.received() > 16_000, 30_000);
    other.close();
    expect(Math.abs(toneFrequency((await decodeMp3(other.bytes())).pcm) - 1000)).toBeLessThan(40);
  }, 90_000);

  it('closes an open stream within two seconds of a revoke, and refuses the token afterwards', async () => {
    const r = await addReceiver(s, a.group, 'Bộ thu bị mất');
    const l = await openStream(url(r.mp3Path));
    await until('audio', () => l.received() > 4000);
    await s.devices.revoke(actor, r.id);
    expect(await l.waitClosed(2000)).toBe(true);
    await s.streamReportsSettled();
    const row = await s.db.get<{ status: string }>('SELECT status FROM devices WHERE id = ?', [r.id]);
    expect(JSON.parse(row!.status).online).toBe(false);
    expect((await fetch(url(r.mp3Path))).status).toBe(401);
  }, 60_000);

  it('closes the stream on rotation: the old URL is dead, the new one plays', async () => {
    const r = await addReceiver(s, a.group, 'Bộ thu đổi mã');
    const l = await openStream(url(r.mp3Path));
    await until('audio', () => l.received() > 4000);
    const rotated = await s.receivers.rotate(actor, r.id);
    expect(await l.waitClosed(2000)).toBe(true);
    expect((await fetch(url(r.mp3Path))).status).toBe(401);
    const again = await openStream(url(rotated.access.mp3Path));
    expect(again.status).toBe(200);
    again.close();
  }, 60_000);

  it('shows a receiver online with address, client and since while any of its streams is open', async () => {
    const r = await addReceiver(s, a.group, 'Bộ thu có mặt');
    const { cookie } = await s.login('admin');
    const dash = await s.connectDashboard(cookie);
    const status = async () =>
      JSON.parse((await s.db.get<{ status: string }>('SELECT status FROM devices WHERE id = ?', [r.id]))!.status) as {
        online: boolean;
        stream?: { address: string; userAgent: string; since: number }[];
      };
    const vlc = await openStream(url(r.mp3Path), { 'User-Agent': 'VLC/3.0.20 LibVLC/3.0.20' });
    const mpv = await openStream(url(r.mp3Path), { 'User-Agent': 'mpv 0.35.1' });
    await until('two connections stored', async () => (await status()).stream?.length === 2);
    const both = await status();
    expect(both.online).toBe(true);
    expect(both.stream!.map((c) => c.userAgent).sort()).toEqual(['VLC/3.0.20 LibVLC/3.0.20', 'mpv 0.35.1']);
    expect(both.stream![0]!.address).toMatch(/127\.0\.0\.1/);
    expect(both.stream![0]!.since).toBeGreaterThan(Date.now() - 60_000);
    const live = await dash.next('device.status.v1', 10_000, { deviceId: String(r.id), online: true });
    expect((live.stream as unknown[]).length).toBeGreaterThanOrEqual(1);
    vlc.close();
    await until('one connection left', async () => (await status()).stream?.length === 1);
    expect((await status()).online).toBe(true);
    mpv.close();
    await until('offline', async () => (await status()).online === false);
    await s.streamReportsSettled();
    const sessions = await s.db.all<{ disconnected_at: number | null }>('SELECT disconnected_at FROM device_sessions WHERE device_id = ?', [r.id]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.disconnected_at).not.toBeNull();
    await dash.next('device.status.v1', 10_000, { deviceId: String(r.id), online: false });
  }, 60_000);

  it('serves the HLS playlist with the token on every segment URL, and no file outside the folder', async () => {
    const warm = tone.warm(a.group)!;
    try {
      let playlist = '';
      await until('a playlist with segments', async () => {
        const res = await fetch(url(a.hlsPath));
        playlist = res.status === 200 ? await res.text() : '';
        return /\.ts/.test(playlist);
      }, 30_000);
      const segments = playlist.split('\n').filter((l) => l && !l.startsWith('#'));
      expect(segments.length).toBeGreaterThan(0);
      for (const seg of segments) expect(seg).toMatch(new RegExp(`^[\\w-]+\\.ts\\?token=${a.token}$`));
      const seg = await fetch(url(`/stream/to-3/${segments.at(-1)!}`));
      expect(seg.status).toBe(200);
      expect(seg.headers.get('content-type')).toBe('video/mp2t');
      expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      expect((await fetch(url(`/stream/to-3/${segments[0]!.replace(/\?token=.*/, '')}`))).status).toBe(401);
      for (const bad of ['..%2F..%2Fbantin.db', '%2Fetc%2Fpasswd', 'bantin.db', '.index.m3u8']) {
        expect((await fetch(url(`/stream/to-3/${bad}?token=${a.token}`))).status, bad).toBe(404);
      }
    } finally {
      warm();
    }
  }, 60_000);
});
