// Fan-out bench, client process: opens one device WebSocket per token (retrying 503 with full jitter, as a
// player does) and one socket to the bare server each, and records when each socket receives the alert, the
// changed timeline and the bare broadcast. Driven over IPC by run.ts.
import WebSocket from 'ws';

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);

type Start = { type: 'start'; port: number; barePort: number; tokens: string[] };
let phase = '';
let reconnects = 0;
const got = new Map<string, number[]>();
const record = (p: string) => {
  let a = got.get(p);
  if (!a) got.set(p, (a = []));
  a.push(now());
};

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
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { type: string; action?: string; timeline?: { version: string } };
        if (m.type === 'timeline.v1') {
          attempt = 0;
          if (version === null) {
            version = m.timeline!.version;
            resolve();
          } else if (m.timeline!.version !== version) {
            version = m.timeline!.version;
            if (phase === 'timeline') record('timeline');
          }
        } else if (m.type === 'alert.v1' && m.action === 'start' && phase === 'alert') record('alert');
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
