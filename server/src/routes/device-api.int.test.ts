// Device media over real HTTP: a device token opens only the files of its own timeline (still approved) and of
// its active alerts; staff sessions and other devices get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';

let s: TestServer;
const actor = { id: null, name: 'test' };
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const wav = () => {
  const b = Buffer.alloc(44 + 800);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + 800, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(800, 40);
  for (let i = 44; i < b.length; i++) b[i] = (i * 37) & 0xff;
  return b;
};
const get = (p: string, token?: string, headers: Record<string, string> = {}) =>
  s.http(p, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

describe('GET /api/device/me', () => {
  it('tells a device who it is, and refuses no token (401) and a staff session (403)', async () => {
    const d = await s.createDevice('kiosk', 'Kiosk một cửa');
    expect(await (await get('/api/device/me', d.token)).json()).toEqual({ id: d.id, kind: 'kiosk', name: 'Kiosk một cửa' });
    expect((await get('/api/device/me')).status).toBe(401);
    const { cookie } = await s.login('admin');
    expect((await get('/api/device/me', undefined, { cookie })).status).toBe(403);
  });
});

describe('GET /api/device/media/{sha256}', () => {
  it('serves an active alert’s audio to its targets only, with immutable caching and ranges, until cancel', async () => {
    const sha = await s.media.storeGenerated(wav(), { mime: 'audio/wav', kind: 'audio', durationMs: 50, name: 'tone.wav' });
    const a = await s.createDevice('speaker');
    const b = await s.createDevice('speaker');
    const alert = await s.alerts.issue(actor, { text: 'Thử còi', audioSha256: sha, target: { all: false, deviceIds: [a.id], groupIds: [], kinds: [] } });

    const ok = await get(`/api/device/media/${sha}`, a.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${sha}"`);
    expect(ok.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(ok.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await ok.arrayBuffer()).equals(wav())).toBe(true);
    const part = await get(`/api/device/media/${sha}`, a.token, { range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('RIFF');
    // ?token= for media elements that cannot set headers.
    expect((await s.http(`/api/device/media/${sha}?token=${a.token}`)).status).toBe(200);

    expect((await get(`/api/device/media/${sha}`, b.token)).status).toBe(404);
    expect((await get(`/api/device/media/${sha}`)).status).toBe(401);
    await s.alerts.cancel(actor, alert.id);
    expect((await get(`/api/device/media/${sha}`, a.token)).status).toBe(404);
  });

  it('serves files of the device’s own timeline while approved, and nothing else', async () => {
    await s.seedStarterPack();
    const speaker = await s.createDevice('speaker');
    await s.timeline.settled();
    const tl = await s.timeline.getTimeline(speaker.id);
    const file = tl?.media.find((m) => m.mime.startsWith('audio/'));
    expect(file, 'the starter pack gives speakers an audio file (the jingle)').toBeDefined();
    expect((await get(`/api/device/media/${file!.sha256}`, speaker.token)).status).toBe(200);

    // A device whose timeline does not list the file may not have it.
    const led = await s.createDevice('led');
    await s.timeline.settled();
    const ledFiles = new Set((await s.timeline.getTimeline(led.id))?.media.map((m) => m.sha256));
    if (!ledFiles.has(file!.sha256)) expect((await get(`/api/device/media/${file!.sha256}`, led.token)).status).toBe(404);

    // Not approved any more (before any recompile has removed it from the timeline): 404.
    await s.db.run("UPDATE content_versions SET state = 'withdrawn' WHERE state = 'approved' AND (media_sha256 = ? OR speech_sha256 = ? OR files LIKE ?)", [
      file!.sha256, file!.sha256, `%${file!.sha256}%`,
    ]);
    expect((await get(`/api/device/media/${file!.sha256}`, speaker.token)).status).toBe(404);
    expect((await get('/api/device/media/not-a-sha', speaker.token)).status).toBe(404);
  });
});
