// /ws/live over real sockets: a paired speaker whose timeline holds a relay (tiếp âm, scheduled through the API
// from an approved relay source) hears the feed's MP3 frames from the live hub; everyone else is refused before
// any socket exists; the socket closes when the feed ends, the token is revoked or the schedule goes; a listener
// that does not read loses chunks instead of growing the server's memory.
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX, whatPlaysAt, type DeviceTimeline } from '@bantin/protocol';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { callerFor, everyDay, type Caller } from '../../test/factories/scheduling';
import { ffmpegPath } from '../media/tools/run-tool';
import { createFrameSplitter, frameLength } from '../streams/mp3-frames';
import { LIVE_CLOSE, LIVE_MAX_BUFFERED } from './live-socket';

let s: TestServer;
let admin: Caller;
let reviewer: Caller;
let editor: Caller;
/** 3 s of an 880 Hz tone as whole MP3 frames, grouped four by four like an encoder's output. */
let chunks: Buffer[];

function toneMp3(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const args = [
      '-hide_banner',
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=880:duration=3',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '64k',
      '-f',
      'mp3',
      'pipe:1',
    ];
    const p = spawn(ffmpegPath, args);
    const out: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg exited ${code}`))));
  });
}

/** Today's date in the server's zone (schedules speak in local dates). */
const localDate = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());

beforeAll(async () => {
  s = await startTestServer();
  // The test is the feed's encoder: the relay engine would pull the (unreachable) source, find dead air and take
  // the relay off the timelines. Its own tests cover it (streams/relay); the whole path is e2e/live-relay-player.
  await s.relayEngine?.close();
  admin = await callerFor(s, 'quantri-live', ['admin']);
  reviewer = await callerFor(s, 'kiemduyet-live', ['reviewer']);
  editor = await callerFor(s, 'bientap-live', ['editor']);
  const frames = createFrameSplitter().push(await toneMp3());
  chunks = [];
  for (let i = 0; i < frames.length; i += 4) chunks.push(Buffer.concat(frames.slice(i, i + 4)));
});
afterAll(() => s.stop());

/** A paired speaker without quiet hours (by default 21:00–06:00 silences relays too), whenever the test runs. */
async function speakerDevice() {
  const d = await s.createDevice('speaker');
  const res = await editor('PATCH', `/api/devices/${d.id}`, { quietHours: null });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return d;
}

/** An approved relay source (never pulled here: the test publishes into the hub itself). */
async function approvedSource(name: string): Promise<number> {
  const created = await admin('POST', '/api/relay-sources', { name, url: 'http://127.0.0.1:9/live.mp3', allowPrivate: true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const decided = await reviewer('POST', `/api/relay-sources/${created.body.id}/decision`, { decision: 'approve' });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return created.body.id as number;
}

/** A relay entry covering now (all of today) for the given devices; answers its feed id. */
async function relayFor(deviceIds: number[], name = `Tiếp âm ${deviceIds.join(',')}`): Promise<{ scheduleId: number; feed: string }> {
  const relaySourceId = await approvedSource(name);
  const tz = s.config.tz;
  const res = await editor('POST', '/api/schedules', {
    name,
    class: 'normal',
    relaySourceId,
    target: { deviceIds, groupIds: [], kinds: [] },
    when: everyDay(localDate(tz), localDate(tz), [{ start: '00:00', end: '24:00' }]),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const tl = (await s.timeline.getTimeline(deviceIds[0]!)) as DeviceTimeline;
  const now = Date.now();
  const playing = whatPlaysAt(tl, now);
  const feed = playing.item?.live?.id;
  expect(feed, JSON.stringify(playing.segment)).toBe(`relay:${res.body.id}`);
  return { scheduleId: res.body.id as number, feed: feed! };
}

type Listener = { ws: WebSocket; messages: Buffer[]; bytes: () => number; closed: Promise<{ code: number; reason: string }> };

/** Opens /ws/live; resolves with the listener, or rejects with the refused upgrade's status and problem code. */
function listen(token: string, id: string, protocols = [LIVE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]) {
  return new Promise<Listener>((resolve, reject) => {
    const ws = new WebSocket(`ws://${s.base}/ws/live?id=${encodeURIComponent(id)}`, protocols);
    const messages: Buffer[] = [];
    ws.on('message', (d: Buffer, binary) => {
      if (!binary) throw new Error('a text message on the live socket');
      messages.push(d);
    });
    const closed = new Promise<{ code: number; reason: string }>((res) =>
      ws.once('close', (code, reason) => res({ code, reason: reason.toString() })),
    );
    ws.once('open', () => resolve({ ws, messages, closed, bytes: () => messages.reduce((n, m) => n + m.length, 0) }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`HTTP ${res.statusCode} ${body}`), {
            status: res.statusCode,
            code: (JSON.parse(body) as { code: string }).code,
          }),
        ),
      );
    });
    ws.once('error', (err) => reject(err));
  });
}

const until = async (cond: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return cond();
};

/** Whether a buffer is a run of whole MP3 frames, nothing before, between or after. */
function wholeFrames(b: Buffer): boolean {
  let at = 0;
  while (at < b.length) {
    const n = frameLength(b, at);
    if (!n) return false;
    at += n;
  }
  return at === b.length;
}

describe('/ws/live', () => {
  it('a speaker whose timeline plays the relay now hears the feed as binary messages of whole MP3 frames', async () => {
    const speaker = await speakerDevice();
    const { feed } = await relayFor([speaker.id]);
    const pub = s.liveHub.publish(feed, 'VOV1');
    const l = await listen(speaker.token, feed);
    expect(l.ws.protocol).toBe(LIVE_PROTOCOL);
    expect(s.liveHub.onAir().find((f) => f.id === feed)?.listeners).toBe(1);
    for (const c of chunks) pub.write(c);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(await until(() => l.bytes() === total)).toBe(true);
    expect(l.messages).toHaveLength(chunks.length);
    expect(l.messages.every(wholeFrames)).toBe(true);
    expect(Buffer.concat(l.messages).equals(Buffer.concat(chunks))).toBe(true);

    // Anything small the player sends is ignored.
    l.ws.send('hello');
    pub.write(chunks[0]!);
    expect(await until(() => l.messages.length === chunks.length + 1)).toBe(true);

    // The feed ends: the socket closes normally, the hub forgets the listener.
    pub.end();
    expect(await l.closed).toEqual({ code: LIVE_CLOSE.ended, reason: 'ended' });
    expect(await until(() => !s.realtime.live.listeners().some((x) => x.deviceId === speaker.id))).toBe(true);
  });

  it('refuses a speaker not targeted, an LED, a bad token, another feed, and no live subprotocol', async () => {
    const speaker = await speakerDevice();
    const other = await speakerDevice();
    const led = await s.createDevice('led');
    const { feed } = await relayFor([speaker.id]);
    const pub = s.liveHub.publish(feed, 'VOV1');
    await expect(listen(other.token, feed)).rejects.toMatchObject({ status: 403, code: 'live_not_scheduled' });
    await expect(listen(led.token, feed)).rejects.toMatchObject({ status: 403, code: 'live_not_for_kind' });
    for (const token of ['', 'x', 'not-a-real-token-at-all-xxxxxxxx', speaker.token + 'x', 'y'.repeat(201)]) {
      await expect(listen(token, feed), token).rejects.toMatchObject({ status: 401, code: 'device_unauthenticated' });
    }
    await expect(listen(speaker.token, 'relay:999999')).rejects.toMatchObject({ status: 403, code: 'live_not_scheduled' });
    await expect(listen(speaker.token, '')).rejects.toMatchObject({ status: 403, code: 'live_not_scheduled' });
    const revoked = await speakerDevice();
    await s.devices.revoke({ id: null, name: 'test' }, revoked.id);
    await expect(listen(revoked.token, feed)).rejects.toMatchObject({ status: 401 });
    // Without bantin.live.v1 the server selects no subprotocol, which a client that offered some refuses.
    await expect(listen(speaker.token, feed, ['bantin.v1', `${TOKEN_PROTOCOL_PREFIX}${speaker.token}`])).rejects.toThrow();
    pub.end();
  });

  it('answers 404 while the scheduled feed is not on air, and opens once it is', async () => {
    const speaker = await speakerDevice();
    const { feed } = await relayFor([speaker.id]);
    await expect(listen(speaker.token, feed)).rejects.toMatchObject({ status: 404, code: 'live_off_air' });
    const pub = s.liveHub.publish(feed, 'VOV1');
    const l = await listen(speaker.token, feed);
    pub.end();
    expect((await l.closed).code).toBe(1000);
  });

  it('ends a socket that sends more than 1 KiB in one message (1009)', async () => {
    const speaker = await speakerDevice();
    const { feed } = await relayFor([speaker.id]);
    const pub = s.liveHub.publish(feed, 'VOV1');
    const l = await listen(speaker.token, feed);
    l.ws.send(Buffer.alloc(2048));
    expect((await l.closed).code).toBe(1009);
    pub.end();
  });

  it('closes with 4401 when the device is revoked, and with 4403 when its timeline stops playing the feed', async () => {
    const a = await speakerDevice();
    const b = await speakerDevice();
    const { scheduleId, feed } = await relayFor([a.id, b.id]);
    const pub = s.liveHub.publish(feed, 'VOV1');
    const la = await listen(a.token, feed);
    const lb = await listen(b.token, feed);
    expect(s.liveHub.onAir().find((f) => f.id === feed)?.listeners).toBe(2);

    expect((await editor('POST', `/api/devices/${a.id}/revoke`)).status).toBe(200);
    expect((await la.closed).code).toBe(LIVE_CLOSE.unauthorized);

    pub.write(chunks[0]!);
    expect(await until(() => lb.messages.length === 1)).toBe(true);
    expect((await editor('DELETE', `/api/schedules/${scheduleId}`)).status).toBeLessThan(300);
    expect(await lb.closed).toEqual({ code: LIVE_CLOSE.notScheduled, reason: 'not_scheduled' });
    await expect(listen(b.token, feed)).rejects.toMatchObject({ status: 403, code: 'live_not_scheduled' });
    expect(s.liveHub.onAir().find((f) => f.id === feed)?.listeners).toBe(0);
    pub.end();
  });

  it('skips chunks for a listener that does not read, so its send buffer stays under the cap', async () => {
    const speaker = await speakerDevice();
    const { feed } = await relayFor([speaker.id]);
    const pub = s.liveHub.publish(feed, 'VOV1');
    const l = await listen(speaker.token, feed);
    (l.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const biggest = Math.max(...chunks.map((c) => c.length));
    let published = 0;
    const rss = process.memoryUsage().rss;
    // ~32 MB, over an hour of 64 kb/s, handed over a little at a time as an encoder would.
    while (published < 32 * 1024 * 1024) {
      for (const c of chunks) {
        pub.write(c);
        published += c.length;
      }
      await new Promise((r) => setImmediate(r));
    }
    const [stats] = s.realtime.live.listeners().filter((x) => x.deviceId === speaker.id);
    expect(stats!.sentBytes + stats!.skippedBytes).toBe(published);
    expect(stats!.skippedBytes).toBeGreaterThan(published / 2);
    expect(stats!.maxBuffered).toBeLessThanOrEqual(LIVE_MAX_BUFFERED + biggest);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);

    // Reading again, it is served again: what it gets is still whole frames.
    const before = l.messages.length;
    (l.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await until(() => l.bytes() === stats!.sentBytes, 10_000)).toBe(true);
    pub.write(chunks[1]!);
    expect(await until(() => l.messages.length > before && l.bytes() === stats!.sentBytes + chunks[1]!.length, 5000)).toBe(true);
    expect(l.messages.every(wholeFrames)).toBe(true);
    pub.end();
    await l.closed;
  });
});
