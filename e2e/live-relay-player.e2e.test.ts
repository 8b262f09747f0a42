// A loudspeaker player in a real Chromium plays a relay (tiếp âm): a paired speaker page, an approved relay
// source and a relay schedule covering now (through the API), the live item in its timeline, and the live
// renderer feeding the socket's MP3 frames through MediaSource into an <audio> element. What comes out of that
// element is captured with WebAudio and must peak at the tone's 1 kHz, close behind the live edge.
// - The player side: the page's live socket is answered by the test (Playwright's routeWebSocket) with a
//   1 kHz tone at real-time pace, so the URL, subprotocols, reconnect and close are checked too.
// - The whole path: the server's relay engine pulls the tone from an HTTP stream in this test (allowPrivate, on
//   127.0.0.1), publishes it in the live hub, and /ws/live sends it to the page.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { ffmpegPath } from '../server/src/media/tools/run-tool';
import { createFrameSplitter } from '../server/src/streams/mp3-frames';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { claimPairing, createStaff, EDITOR_AND_REVIEWER, fetchSession, sleep, until, vnDate, type FetchSession } from './story-helpers';

const TONE_HZ = 1000;
/** An MPEG-1 Layer III frame holds 1152 samples; at 44.1 kHz that is this long. */
const FRAME_MS = (1152 / 44_100) * 1000;

function toneFrames(): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const args = [
      '-hide_banner',
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${TONE_HZ}:duration=10:sample_rate=44100`,
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
    p.on('close', (code) =>
      code === 0 ? resolve(createFrameSplitter().push(Buffer.concat(out))) : reject(new Error(`ffmpeg exited ${code}`)),
    );
  });
}

/** Sends the tone's frames, looped, at real-time pace; answers how many seconds of audio went out so far. */
function paced(frames: Buffer[], send: (chunk: Buffer) => void) {
  const started = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor((Date.now() - started) / FRAME_MS) + 2; // a little ahead, as a relay's encoder is
    const batch: Buffer[] = [];
    for (; sent < due; sent++) batch.push(frames[sent % frames.length]!);
    if (batch.length) send(Buffer.concat(batch));
  }, 100);
  return { stop: () => clearInterval(timer), sentSeconds: () => (sent * FRAME_MS) / 1000 };
}

/** An Icecast-like HTTP stream of the tone, for the relay engine to pull. */
async function startToneStream(frames: Buffer[]) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Cache-Control': 'no-cache' });
    const p = paced(frames, (c) => res.write(c));
    req.on('close', p.stop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/tone.mp3`,
    requests: () => requests,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

type Heard = { hz: number; db: number; lag: number; currentTime: number; paused: boolean };

/** Routes the live <audio> element into an AnalyserNode (once per element) and reads its spectrum's peak. */
function listenToLiveAudio(page: Page): Promise<Heard> {
  return page.evaluate(async () => {
    type Tapped = HTMLAudioElement & { __tap?: { ctx: AudioContext; an: AnalyserNode } };
    const el = document.querySelector('[data-testid="live-audio"]') as Tapped;
    if (!el.__tap) {
      const ctx = new AudioContext();
      const an = ctx.createAnalyser();
      an.fftSize = 8192;
      ctx.createMediaElementSource(el).connect(an);
      an.connect(ctx.destination);
      await ctx.resume();
      el.__tap = { ctx, an };
    }
    const { ctx, an } = el.__tap;
    await new Promise((r) => setTimeout(r, 1200));
    const bins = new Float32Array(an.frequencyBinCount);
    an.getFloatFrequencyData(bins);
    let best = 1;
    for (let i = 2; i < bins.length; i++) if (bins[i]! > bins[best]!) best = i;
    const b = el.buffered;
    return {
      hz: (best * ctx.sampleRate) / an.fftSize,
      db: bins[best]!,
      lag: b.length ? b.end(b.length - 1) - el.currentTime : -1,
      currentTime: el.currentTime,
      paused: el.paused,
    };
  });
}

const audioTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement | null)?.currentTime ?? 0);

describe.skipIf(skipBrowserTests)('a loudspeaker player plays a relay in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: FetchSession;
  let editor: FetchSession;
  let reviewer: FetchSession;
  let frames: Buffer[];
  let tone: Awaited<ReturnType<typeof startToneStream>>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    frames = await toneFrames();
    tone = await startToneStream(frames);
    server = await startServer();
    browser = await launchBrowser();
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, 'live-relay-password-1');
    editor = await fetchSession(server, 'bientap', 'live-relay-password-1');
    reviewer = await fetchSession(server, 'duyet', 'live-relay-password-1');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await tone?.stop();
  });

  /** A speaker player page, paired by code, with no quiet hours (so the relay plays whenever the test runs). */
  async function speakerPage(name: string, setup?: (context: BrowserContext) => Promise<void>) {
    const context = await browser.newContext();
    contexts.push(context);
    await setup?.(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(server.url + '/player/');
    const claim = await claimPairing(page, admin, { name, kind: 'speaker' });
    expect(claim.status).toBe(200);
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    expect((await editor('PATCH', `/api/devices/${claim.body.id}`, { quietHours: null })).status).toBe(200);
    return { page, id: claim.body.id };
  }

  /** An approved relay source of the tone stream and a relay entry covering now (all of today) for one device. */
  async function relayTo(deviceId: number, name: string): Promise<number> {
    const source = await admin<{ id: number }>('POST', '/api/relay-sources', { name, url: tone.url, allowPrivate: true });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    expect((await reviewer('POST', `/api/relay-sources/${source.body.id}/decision`, { decision: 'approve' })).status).toBe(200);
    const entry = await editor<{ id: number }>('POST', '/api/schedules', {
      name,
      class: 'normal',
      relaySourceId: source.body.id,
      target: { deviceIds: [deviceId], groupIds: [], kinds: [] },
      // Today only: consecutive all-day windows would merge into one segment longer than the relay's item.
      when: { dateFrom: vnDate(), dateTo: vnDate(), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '24:00' }] },
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    return entry.body.id;
  }

  it('hears the live socket’s MP3 frames at 1 kHz, close to the live edge; reconnects after a drop; closes when the relay goes', async () => {
    type Live = { ws: WebSocketRoute; url: string; protocols: string[]; closedBy: number | null; feed: ReturnType<typeof paced> };
    const sockets: Live[] = [];
    const { page, id } = await speakerPage('Loa tổ 5 (tiếp âm)', (context) =>
      context.routeWebSocket(/\/ws\/live\?/, (ws) => {
        const live: Live = {
          ws,
          url: ws.url(),
          protocols: ws.protocols(),
          closedBy: null,
          feed: paced(frames, (c) => live.closedBy === null && ws.send(c)),
        };
        ws.onClose((code) => {
          live.closedBy = code ?? 1005;
          live.feed.stop();
        });
        sockets.push(live);
      }),
    );
    const scheduleId = await relayTo(id, 'VOV1 thời sự');

    const first = await until(async () => sockets[0], 20_000, 'the player to open the live socket');
    expect(first.url).toBe(`${server.url.replace('http:', 'ws:')}/ws/live?id=${encodeURIComponent(`relay:${scheduleId}`)}`);
    const token = await page.evaluate(() => localStorage.getItem('bantin.token'));
    expect(first.protocols).toEqual(['bantin.live.v1', `bantin.token.${token}`]);
    expect(await page.locator('[data-testid="player-item"][data-active="true"]').getAttribute('data-kind')).toBe('audio');

    await until(async () => (await audioTime(page)) > 1.5, 15_000, 'the live audio to play');
    const heard = await listenToLiveAudio(page);
    expect(heard.paused).toBe(false);
    expect(Math.abs(heard.hz - TONE_HZ), JSON.stringify(heard)).toBeLessThan(30);
    expect(heard.db).toBeGreaterThan(-60);
    // Latency: audio sent minus audio played, and what waits in the element's buffer.
    const latency = first.feed.sentSeconds() - (await audioTime(page));
    console.log(`live relay latency: ${latency.toFixed(2)} s behind the socket, ${heard.lag.toFixed(2)} s buffered ahead`);
    expect(heard.lag).toBeLessThan(1.5);
    expect(latency).toBeLessThan(2);

    // The server drops the socket (restart, network): the player opens it again while the relay is on.
    first.closedBy = 1001;
    first.feed.stop();
    first.ws.close({ code: 1001, reason: 'going away' });
    const second = await until(async () => sockets[1], 10_000, 'the player to reconnect');
    expect(second.url).toBe(first.url);
    const before = await audioTime(page);
    await until(async () => (await audioTime(page)) > before + 1, 10_000, 'the audio to go on after the reconnect');
    expect(Math.abs((await listenToLiveAudio(page)).hz - TONE_HZ)).toBeLessThan(30);

    // The relay is deleted: the timeline changes, the item ends, and the player closes its socket itself.
    expect((await editor('DELETE', `/api/schedules/${scheduleId}`)).status).toBeLessThan(300);
    await until(async () => second.closedBy !== null, 15_000, 'the player to close the live socket');
    await until(async () => (await page.getByTestId('live-audio').count()) === 0, 5_000, 'the live element to go');
    await sleep(3_000);
    expect(sockets).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('hears a relay pulled by the server from an HTTP stream, through the live hub and /ws/live', async () => {
    const { page, id } = await speakerPage('Loa tổ 6 (tiếp âm)');
    const pulledBefore = tone.requests();
    await relayTo(id, 'Đài tỉnh');
    await until(async () => tone.requests() > pulledBefore, 20_000, 'the relay engine to pull the source');
    await until(async () => (await audioTime(page)) > 1.5, 30_000, 'the relayed audio to play');
    const heard = await listenToLiveAudio(page);
    console.log(`relayed through the server: ${heard.lag.toFixed(2)} s buffered ahead of the playhead`);
    expect(Math.abs(heard.hz - TONE_HZ), JSON.stringify(heard)).toBeLessThan(30);
    expect(heard.db).toBeGreaterThan(-60);
    expect(heard.lag).toBeLessThan(1.5);
    expect(pageErrors).toEqual([]);
  });
});
