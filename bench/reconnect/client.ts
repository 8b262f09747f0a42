// Reconnect bench, client process: one simulated player per token. Each behaves like player/src/net in
// Chromium: subprotocols `bantin.v1` + `bantin.token.<token>` + `bantin.deflate` (BENCH_DEFLATE=0 leaves the
// last out, as a browser without DecompressionStream does; binary frames are inflated here), hello.v1 then a heartbeat.v1 on open and one every
// 30 s, and on any close or failed attempt a retry after the player's own full-jitter backoff
// (@bantin/protocol/core's backoff, imported as is) with the inputs player/src/net/connection.ts gives it: the
// attempt counter, and how long the server has been unreachable (the ceiling grows no faster than that);
// both reset whenever the server sends a message. Unlike a browser, it sees the admission's 503 and honours its Retry-After (the wait is
// Retry-After + the jittered backoff); BENCH_RETRY_AFTER=0 ignores it, as a browser must.
// After `arm`, it records per device when it is "back": the first timeline.v1 on a connection opened after
// the crash. Driven over IPC by run.ts.
import { inflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import { fullJitterDelay } from '@bantin/protocol/core';

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);
const HONOUR_RETRY_AFTER = process.env.BENCH_RETRY_AFTER !== '0';
const HEARTBEAT_MS = 30_000;
const DEFLATE = process.env.BENCH_DEFLATE !== '0';
const PROTOCOLS = (token: string) => ['bantin.v1', `bantin.token.${token}`, ...(DEFLATE ? ['bantin.deflate'] : [])];
/** Any version of the timeline message (timeline.v1, timeline.v2, …). */
const TIMELINE_HEAD = Buffer.from('{"type":"timeline.v');

type Device = {
  token: string;
  attempt: number;
  /** Since when the server has not answered (null while it does): bounds the backoff, as in the player. */
  downSince: number | null;
  /** Connections opened so far; the ones after `armedAt` count for the measure. */
  gen: number;
  armedGen: number;
  downAt: number | null;
  backAt: number | null;
  hadTimeline: boolean;
};

const stats = {
  busy503: 0,
  other5xx: 0,
  otherStatus: {} as Record<string, number>,
  attempts: 0,
  opened: 0,
  closes: 0,
  refused: 0,
  errorsAfterOpen: 0,
  received: {} as Record<string, number>,
};
let armed = false;
let port = 0;
const devices: Device[] = [];
let initialLeft = 0;

function hello() {
  return JSON.stringify({
    type: 'hello.v1',
    playerVersion: 'bench-reconnect',
    capabilities: ['video', 'audio', 'speech'],
    deviceClock: Math.round(Date.now()),
  });
}
function heartbeat(startedAt: number) {
  return JSON.stringify({
    type: 'heartbeat.v1',
    nowPlaying: null,
    cache: { files: 0, missing: 0, bytes: 0, timelineVersion: null },
    freeBytes: null,
    errors: [],
    uptimeMs: Math.round(now() - startedAt),
  });
}

function open(d: Device) {
  const gen = ++d.gen;
  const counted = armed && gen > d.armedGen;
  if (counted) stats.attempts++;
  let scheduled = false;
  let beat: NodeJS.Timeout | null = null;
  let wasOpen = false;
  const startedAt = now();
  const retry = (minMs = 0) => {
    if (scheduled) return;
    scheduled = true;
    if (beat) clearInterval(beat);
    d.downSince ??= Date.now();
    setTimeout(() => open(d), minMs + fullJitterDelay(d.attempt++, Math.random, { downForMs: Date.now() - d.downSince }));
  };
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/device`, PROTOCOLS(d.token), { perMessageDeflate: false });
  ws.on('open', () => {
    wasOpen = true;
    if (counted) stats.opened++;
    ws.send(hello());
    ws.send(heartbeat(startedAt));
    beat = setInterval(() => ws.readyState === ws.OPEN && ws.send(heartbeat(startedAt)), HEARTBEAT_MS);
  });
  ws.on('message', (raw: Buffer, isBinary: boolean) => {
    const t = now();
    d.attempt = 0;
    d.downSince = null;
    // A binary frame is raw DEFLATE (bantin.deflate): inflate it, as the player does, to see what it is.
    const data = isBinary ? inflateRawSync(raw) : raw;
    if (counted) {
      const type = /"type":"([^"]+)"/.exec(data.subarray(0, 64).toString())?.[1] ?? '?';
      stats.received[type] = (stats.received[type] ?? 0) + 1;
    }
    if (data.length < TIMELINE_HEAD.length || !data.subarray(0, TIMELINE_HEAD.length).equals(TIMELINE_HEAD)) return;
    if (!d.hadTimeline) {
      d.hadTimeline = true;
      if (--initialLeft === 0) send({ type: 'connected', n: devices.length });
    }
    if (armed && gen > d.armedGen && d.backAt === null) d.backAt = t;
  });
  ws.on('unexpected-response', (_req, res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const status = res.statusCode ?? 0;
      let code = '';
      try {
        code = (JSON.parse(Buffer.concat(chunks).toString()) as { code?: string }).code ?? '';
      } catch {
        code = '';
      }
      const admission = status === 503 && code === 'busy';
      if (counted) {
        if (admission) stats.busy503++;
        else if (status >= 500) stats.other5xx++;
        else stats.otherStatus[status] = (stats.otherStatus[status] ?? 0) + 1;
      }
      const after = Number(res.headers['retry-after'] ?? 0);
      retry(admission && HONOUR_RETRY_AFTER && Number.isFinite(after) ? after * 1000 : 0);
    });
    res.on('error', () => retry());
  });
  ws.on('close', () => {
    if (wasOpen) {
      stats.closes++;
      if (armed && d.downAt === null && gen <= d.armedGen) d.downAt = now();
    }
    retry();
  });
  ws.on('error', (err: NodeJS.ErrnoException) => {
    if (counted && err.code === 'ECONNREFUSED') stats.refused++;
    else if (counted && wasOpen) stats.errorsAfterOpen++;
    retry();
  });
}

type In = { type: 'start'; port: number; tokens: string[] } | { type: 'arm' } | { type: 'report' } | { type: 'stop' };

process.on('message', (m: In) => {
  if (m.type === 'start') {
    port = m.port;
    initialLeft = m.tokens.length;
    for (const token of m.tokens)
      devices.push({ token, attempt: 0, downSince: null, gen: 0, armedGen: 0, downAt: null, backAt: null, hadTimeline: false });
    for (const d of devices) open(d);
  } else if (m.type === 'arm') {
    armed = true;
    for (const d of devices) d.armedGen = d.gen;
    send({ type: 'armed' });
  } else if (m.type === 'report') {
    send({
      type: 'report',
      back: devices.map((d) => d.backAt).filter((t): t is number => t !== null),
      down: devices.map((d) => d.downAt).filter((t): t is number => t !== null),
      stats,
    });
  } else if (m.type === 'stop') process.exit(0);
});
// run.ts gone (failed or interrupted): do not linger as an orphan holding thousands of sockets.
process.on('disconnect', () => process.exit(0));
