// Device isolation over real HTTP and WebSocket: two paired loudspeakers with different timelines, content made
// through the real API (each message renders its own speech file, so every version has distinct bytes). A
// device token opens only the files of its own timeline that an approved version still uses; it never reads
// another device's timeline; it loses a file when the file leaves its timeline; a revoked token is 401 everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/realtime-server';
import { CLOSE_UNAUTHORIZED } from '../../src/realtime/device-hub';

type Auth = { cookie: string; csrf: string };
type Version = { id: number; number: number; state: string; files: string[] };
let s: TestServer;
let editor: Auth;
let reviewer: Auth;
let a: { id: number; token: string };
let b: { id: number; token: string };
let fileA = '';
let fileB = '';
let contentA = 0;

const call = async <T = Record<string, unknown>>(who: Auth, method: string, path: string, body?: unknown) => {
  const res = await s.http(path, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as T;
  return { status: res.status, body: json };
};
const media = (sha: string, token?: string, how: 'bearer' | 'query' = 'bearer') =>
  how === 'query'
    ? s.http(`/api/device/media/${sha}?token=${encodeURIComponent(token ?? '')}`)
    : s.http(`/api/device/media/${sha}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const statusOf = async (sha: string, token: string) => (await media(sha, token)).status;

/** A message through the API: draft version 1 with its own rendered speech file. */
async function message(text: string) {
  const res = await call<{ id: number; latest: Version }>(editor, 'POST', '/api/content', {
    kind: 'message',
    title: text.slice(0, 40),
    body: text,
  });
  expect(res.status).toBe(201);
  expect(res.body.latest.files).toHaveLength(1);
  return { id: res.body.id, version: res.body.latest, file: res.body.latest.files[0]! };
}
const submit = (id: number, n: number) => call(editor, 'POST', `/api/content/${id}/versions/${n}/submit`);
const decide = (versionId: number, decision: 'approve' | 'reject' | 'revoke', reason?: string) =>
  call(reviewer, 'POST', '/api/reviews', { versionId, decision, reason });
async function approved(text: string) {
  const m = await message(text);
  expect((await submit(m.id, 1)).status).toBe(200);
  expect((await decide(m.version.id, 'approve')).status).toBe(200);
  return m;
}
/** All day, every day, for three weeks from today, on the given devices. */
async function schedule(contentId: number, deviceIds: number[]) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const when = { dateFrom: day(-1), dateTo: day(21), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '24:00' }] };
  const res = await call(editor, 'POST', '/api/schedules', { class: 'normal', contentId, target: { deviceIds }, when });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await s.timeline.settled();
}
const manifest = async (deviceId: number) => new Set((await s.timeline.getTimeline(deviceId))?.media.map((m) => m.sha256));

beforeAll(async () => {
  s = await startTestServer();
  editor = await s.createUser('bien-tap', ['editor']);
  reviewer = await s.createUser('van-hoa', ['reviewer']);
  a = await s.createDevice('speaker', 'Loa tổ 1');
  b = await s.createDevice('speaker', 'Loa tổ 2');
  const ma = await approved('Tổ 1: giữ gìn vệ sinh chung, không xả rác nơi công cộng.');
  const mb = await approved('Tổ 2: lịch tiêm chủng mở rộng vào sáng thứ bảy tại trạm y tế.');
  contentA = ma.id;
  fileA = ma.file;
  fileB = mb.file;
  await schedule(ma.id, [a.id]);
  await schedule(mb.id, [b.id]);
  expect(await manifest(a.id)).toEqual(new Set([fileA]));
  expect(await manifest(b.id)).toEqual(new Set([fileB]));
}, 120_000);
afterAll(() => s.stop());

describe('device media', () => {
  it('serves each device the files of its own timeline, by bearer token and by ?token=', async () => {
    const ok = await media(fileA, a.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('audio/wav');
    expect(ok.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await media(fileA, a.token, 'query')).status).toBe(200);
    expect(await statusOf(fileB, b.token)).toBe(200);
  });

  it('refuses another device’s file with 404, whichever way the token is given', async () => {
    const res = await media(fileB, a.token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('media_not_found');
    expect((await media(fileB, a.token, 'query')).status).toBe(404);
    expect(await statusOf(fileA, b.token)).toBe(404);
    // Our own token in the header and theirs in the query: the header decides, nothing leaks.
    expect((await s.http(`/api/device/media/${fileB}?token=${b.token}`, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(
      404,
    );
  });

  it('refuses a staff session (403), no token (401), and sha256 spellings that are not the stored one', async () => {
    const staff = await s.http(`/api/device/media/${fileA}`, { headers: { cookie: editor.cookie } });
    expect(staff.status).toBe(403);
    expect((await media(fileA)).status).toBe(401);
    expect((await media(fileA.toUpperCase(), a.token)).status).toBe(404);
    for (const bad of ['..%2F..%2Fbantin.db', '%2e%2e%2f%2e%2e%2fbantin.db', `${fileA.slice(0, 63)}`, `${fileA}00`]) {
      expect([400, 404]).toContain((await media(bad, a.token)).status);
    }
  });

  it('never serves the files of draft, submitted, rejected or revoked versions, even to a device that knows the sha256', async () => {
    const draft = await message('Bản nháp: chưa được duyệt, không được phát.');
    const submitted = await message('Đã gửi duyệt nhưng chưa có quyết định.');
    expect((await submit(submitted.id, 1)).status).toBe(200);
    const rejected = await message('Nội dung bị từ chối vì chưa đúng quy định.');
    expect((await submit(rejected.id, 1)).status).toBe(200);
    expect((await decide(rejected.version.id, 'reject', 'Sai chính tả')).status).toBe(200);
    const revoked = await approved('Thông báo đã được duyệt rồi bị thu hồi.');
    expect((await decide(revoked.version.id, 'revoke', 'Hết hiệu lực')).status).toBe(200);
    // A schedule of the non-approved content targets device A: the compiler must still leave their files out.
    for (const m of [draft, submitted, rejected, revoked]) await schedule(m.id, [a.id]);
    const files = await manifest(a.id);
    for (const m of [draft, submitted, rejected, revoked]) {
      expect(files.has(m.file)).toBe(false);
      expect(await statusOf(m.file, a.token), m.file).toBe(404);
      expect(await statusOf(m.file, b.token)).toBe(404);
    }
    expect(await statusOf(fileA, a.token)).toBe(200);
  });

  it('loses a file when it leaves the device’s timeline: a new version replaces it, then revocation removes it', async () => {
    // Version 2 (new text, new speech) is a draft: version 1 keeps playing, v2's file is not fetchable.
    const v2 = await call<{ latest: Version }>(editor, 'POST', `/api/content/${contentA}/versions`, {
      title: 'Tổ 1 (sửa)',
      body: 'Tổ 1: giữ gìn vệ sinh chung; phân loại rác tại nguồn từ tháng này.',
    });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body.latest.number).toBe(2);
    const file2 = v2.body.latest.files[0]!;
    expect(file2).not.toBe(fileA);
    expect(await statusOf(file2, a.token)).toBe(404);
    expect((await submit(contentA, 2)).status).toBe(200);
    expect(await statusOf(file2, a.token)).toBe(404);
    expect(await statusOf(fileA, a.token)).toBe(200);

    // Approved: v2 replaces v1 in A's timeline; v1's file is no longer A's.
    expect((await decide(v2.body.latest.id, 'approve')).status).toBe(200);
    await s.timeline.settled();
    expect(await manifest(a.id)).toContain(file2);
    expect(await statusOf(file2, a.token)).toBe(200);
    expect(await statusOf(fileA, a.token)).toBe(404);
    expect(await statusOf(file2, b.token)).toBe(404);

    // Revoked: refused at once, before and after the recompile takes it out of the timeline.
    expect((await decide(v2.body.latest.id, 'revoke', 'Thu hồi')).status).toBe(200);
    expect(await statusOf(file2, a.token)).toBe(404);
    await s.timeline.settled();
    expect(await manifest(a.id)).not.toContain(file2);
    expect(await statusOf(file2, a.token)).toBe(404);
  });
});

describe('timelines', () => {
  it('sends each device its own timeline over its socket, naming only its own files', async () => {
    const ca = await s.connect(b.token);
    const first = await ca.next('time.v1').then(() => nextTimeline(ca));
    // timeline.v2 names no device on the wire: the socket is the device's. What arrives is B's stored timeline.
    expect(first.version).toBe((await s.timeline.getTimeline(b.id))!.version);
    expect(first.version).not.toBe((await s.timeline.getTimeline(a.id))!.version);
    expect(first.media.map((m) => m.sha256)).toEqual([fileB]);
    ca.close();
  });

  it('gives a device token nothing of the staff timeline routes', async () => {
    for (const path of [
      `/api/devices/${b.id}/timeline`,
      `/api/devices/${b.id}/timeline/at?t=${Date.now()}`,
      `/api/devices/${a.id}`,
      '/api/devices',
    ]) {
      expect((await s.http(path, { headers: { authorization: `Bearer ${a.token}` } })).status, path).toBe(401);
      expect((await s.http(`${path}${path.includes('?') ? '&' : '?'}token=${a.token}`)).status, path).toBe(401);
    }
  });
});

describe('a revoked device token', () => {
  it('gets 401 on every device route and on /ws/device, and its open socket is closed with 4401', async () => {
    const c = await s.createDevice('speaker', 'Loa tổ 3');
    await schedule(contentA, [c.id]);
    const m = await approved('Tổ 3: họp dân vào tối thứ sáu tại nhà văn hoá.');
    await schedule(m.id, [c.id]);
    expect(await statusOf(m.file, c.token)).toBe(200);
    const live = await s.connect(c.token);
    await live.next('time.v1');

    expect((await call(editor, 'POST', `/api/devices/${c.id}/revoke`)).status).toBe(200);
    expect((await live.waitClosed())?.code).toBe(CLOSE_UNAUTHORIZED);
    for (const res of [
      await s.http('/api/device/me', { headers: { authorization: `Bearer ${c.token}` } }),
      await media(m.file, c.token),
      await media(m.file, c.token, 'query'),
    ]) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('device_unauthenticated');
    }
    await expect(s.connect(c.token)).rejects.toMatchObject({ status: 401 });
    await expect(s.connect(c.token, 'query')).rejects.toMatchObject({ status: 401 });
  });

  it('is 401 too once the device is deleted', async () => {
    const d = await s.createDevice('kiosk', 'Kiosk cũ');
    expect((await s.http('/api/device/me', { headers: { authorization: `Bearer ${d.token}` } })).status).toBe(200);
    expect((await call(editor, 'DELETE', `/api/devices/${d.id}`)).status).toBeLessThan(300);
    expect((await s.http('/api/device/me', { headers: { authorization: `Bearer ${d.token}` } })).status).toBe(401);
    await expect(s.connect(d.token)).rejects.toMatchObject({ status: 401 });
  });
});

type WireTimeline = { version: string; media: { sha256: string }[] };
/** The first timeline message, whichever version of the message the hub speaks. */
async function nextTimeline(c: TestClient): Promise<WireTimeline> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const m = c.inbox.find((x) => x.type.startsWith('timeline.'));
    if (m) return m.timeline as WireTimeline;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no timeline message; inbox: ${JSON.stringify(c.inbox.map((m) => m.type))}`);
}
