// Fan-out bench, client process: opens one device WebSocket per token (retrying 503 with full jitter, as a
// player does) and one socket to the bare server each, and records when each socket receives the alert, the
// changed timeline and the bare broadcast. Driven over IPC by run.ts.
//
// Each device offers `bantin.deflate`, as the browser player does, so timelines arrive as raw-DEFLATE binary
// frames. Every device on one version receives the same bytes (timeline.v2 carries no device id), so this
// process, which stands in for thousands of devices on a shared CPU, inflates each distinct frame once and
// recognises repeats by comparing bytes: decoding every copy here (a real player decodes its own on its own
// CPU) would charge the clients' work to the server's delivery, while the bare broadcast's clients decode
// nothing. Receipt is stamped before anything else. One frame in 50 is also inflated and unpacked in full
// between phases, to check that what arrived is a valid timeline of that version.
import { inflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import { unpackTimeline } from '@bantin/protocol/core';

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);

type Start = { type: 'start'; port: number; barePort: number; tokens: string[] };
let phase = '';
let reconnects = 0;
const got = new Map<string, number[]>();
const record = (p: string, t = now()) => {
  let a = got.get(p);
  if (!a) got.set(p, (a = []));
  a.push(t);
};

const known = new Map<number, { data: Buffer; version: string }[]>();
let checked = 0;
/** The version of a binary timeline.v2 frame; null for any other message. */
function timelineVersion(data: Buffer, isBinary: boolean): string | null {
  if (!isBinary) return null;
  const same = known.get(data.length)?.find((k) => k.data.equals(data));
  let version = same?.version;
  if (version === undefined) {
    const msg = JSON.parse(inflateRawSync(data).toString()) as { type?: string; timeline?: { version?: unknown } };
    if (msg.type !== 'timeline.v2' || typeof msg.timeline?.version !== 'string') throw new Error(`binary frame that is not a timeline.v2: ${String(msg.type)}`);
    version = msg.timeline.version;
    known.set(data.length, [...(known.get(data.length) ?? []), { data, version }]);
  }
  if (checked++ % 50 === 0) toVerify.push({ data, version });
  return version;
}

const toVerify: { data: Buffer; version: string }[] = [];
let verified = 0;
/** Inflates and unpacks the kept frames in full; returns an error message for the first that fails. */
function verifyKept(): string | null {
  for (const { data, version } of toVerify.splice(0)) {
    const msg = JSON.parse(inflateRawSync(data).toString()) as { type: string; timeline: unknown };
    const tl = unpackTimeline(msg.timeline, 'bench');
    if (msg.type !== 'timeline.v2' || !tl || tl.version !== version) return 'a timeline.v2 frame did not inflate and unpack to its version';
    verified++;
  }
  return null;
}

function connectDevice(port: number, token: string): Promise<void> {
  return new Promise((resolve) => {
    let attempt = 0;
    let version: string | null = null;
    const open = () => {
      let retried = false;
      // Like a player: any failed or lost connection is retried with full jitter (1 s → 60 s).
      const retry = (minMs = 0) => {
        if (retried) return;
        retried = true;
        attempt++;
        setTimeout(open, minMs + Math.random() * Math.min(60_000, 1000 * 2 ** attempt));
      };
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/device`, ['bantin.v1', `bantin.token.${token}`, 'bantin.deflate'], { perMessageDeflate: false });
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        const t = now();
        const v = timelineVersion(data, isBinary);
        if (v !== null) {
          attempt = 0;
          if (version === null) {
            version = v;
            resolve();
          } else if (v !== version) {
            version = v;
            if (phase.startsWith('timeline')) record(phase, t);
          }
          return;
        }
        const m = JSON.parse(data.toString()) as { type: string; action?: string };
        if (m.type === 'alert.v1' && m.action === 'start' && phase.startsWith('alert')) record(phase, t);
      });
      ws.on('unexpected-response', (_req, res) => {
        res.resume();
        retry(Number(res.headers['retry-after'] ?? 1) * 1000);
      });
      ws.on('close', () => {
        reconnects++;
        retry();
      });
      ws.on('error', () => retry());
    };
    open();
  });
}

function connectBare(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    ws.on('open', () => resolve());
    ws.on('message', () => record(phase));
    ws.on('error', reject);
  });
}

process.on('message', async (m: Start | { type: 'phase'; phase: string } | { type: 'report' } | { type: 'stop' }) => {
  if (m.type === 'start') {
    await Promise.all(m.tokens.map((t) => connectDevice(m.port, t)));
    for (let i = 0; i < m.tokens.length; i += 200) await Promise.all(m.tokens.slice(i, i + 200).map(() => connectBare(m.barePort)));
    send({ type: 'connected', n: m.tokens.length });
  } else if (m.type === 'phase') {
    const failed = verifyKept();
    if (failed) {
      process.stderr.write(failed + '\n');
      process.exit(1);
    }
    phase = m.phase;
    send({ type: 'phase', phase: m.phase });
  } else if (m.type === 'report') {
    send({ type: 'report', got: Object.fromEntries(got), reconnects, verified });
  } else if (m.type === 'stop') process.exit(0);
});
