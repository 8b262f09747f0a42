// Fan-out bench, client process: opens one device WebSocket per token (retrying 503 with full jitter, as a
// player does) and one socket to the bare server each, and records when each socket receives the alert, the
// changed timeline and the bare broadcast. Driven over IPC by run.ts.
//
// Each device offers `bantin.deflate`, as the browser player does, so timelines arrive as raw-DEFLATE binary
// frames whose head (type, deviceId, from, to, version) is a stored block: readable without inflating.
// Receipt is stamped before anything else, and a timeline.v2 is recognised from that head instead of a full
// inflate + JSON.parse: this process stands in for thousands of devices on a shared CPU, and decoding every
// timeline here (a real player decodes its own on its own CPU) would charge the clients' work to the
// server's delivery, while the bare broadcast's clients decode nothing. One frame in 50 is inflated and
// unpacked in full, to check that what arrives is a valid timeline of that version.
import { inflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import { unpackTimeline } from '../../protocol/src/packed';

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

const TIMELINE_HEAD = '{"type":"timeline.v2",';
let checked = 0;
/** The version of a binary timeline.v2 frame from its stored-block head; null for any other message. */
function timelineVersion(data: Buffer, isBinary: boolean): string | null {
  if (!isBinary) return null;
  // DEFLATE stored block: 1 header byte (0), LEN, NLEN, then LEN bytes of the message's head as text.
  const len = data.readUInt16LE(1);
  const head = data.subarray(5, 5 + Math.min(len, 512)).toString();
  if (data[0] !== 0 || !head.startsWith(TIMELINE_HEAD)) throw new Error(`binary frame that is not a timeline.v2 head: ${head.slice(0, 80)}`);
  const m = /"version":"([^"]+)"/.exec(head);
  if (!m) throw new Error(`timeline.v2 without a version in its head: ${head.slice(0, 200)}`);
  // Kept for a full check between phases, not now: decoding here would delay the receipt stamps of the
  // frames queued behind this one, which the bare broadcast's clients do not pay.
  if (checked++ % 50 === 0) toVerify.push({ data, version: m[1]! });
  return m[1]!;
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
