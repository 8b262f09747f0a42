// Fan-out bench, client process: opens one device WebSocket per token (retrying 503 with full jitter, as a
// player does) and one socket to the bare server each, and records when each socket receives the alert, the
// changed timeline and the bare broadcast. Driven over IPC by run.ts.
//
// Receipt is stamped before anything else, and a timeline.v1 is recognised from its first bytes instead of a
// full JSON.parse: this process stands in for thousands of devices on a shared CPU, and parsing ~30 KB per
// device here (a real player parses its own timeline on its own CPU) would charge the clients' work to the
// server's delivery, while the bare broadcast's clients parse nothing.
import WebSocket from 'ws';

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

const TIMELINE_HEAD = '{"type":"timeline.v1",';
/** The version of a timeline.v1 frame from its head (deviceId, from, to, version come before segments). */
function timelineVersion(data: Buffer): string | null {
  const head = data.subarray(0, 512).toString();
  if (!head.startsWith(TIMELINE_HEAD)) return null;
  const m = /"version":"([^"]+)"/.exec(head);
  if (!m) throw new Error(`timeline.v1 without a version in its head: ${head.slice(0, 200)}`);
  return m[1]!;
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
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/device`, ['bantin.v1', `bantin.token.${token}`], { perMessageDeflate: false });
      ws.on('message', (data: Buffer) => {
        const t = now();
        const v = timelineVersion(data);
        if (v !== null) {
          attempt = 0;
          if (version === null) {
            version = v;
            resolve();
          } else if (v !== version) {
            version = v;
            if (phase === 'timeline') record('timeline', t);
          }
          return;
        }
        const m = JSON.parse(data.toString()) as { type: string; action?: string };
        if (m.type === 'alert.v1' && m.action === 'start' && phase === 'alert') record('alert', t);
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
    phase = m.phase;
    send({ type: 'phase', phase: m.phase });
  } else if (m.type === 'report') {
    send({ type: 'report', got: Object.fromEntries(got), reconnects });
  } else if (m.type === 'stop') process.exit(0);
});
