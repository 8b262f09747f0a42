// Sends fuzzed frames over a real socket and judges the hub's answer. After each frame on /ws/device a probe
// (an unknown type) follows: its error.v1 marks the end of the answers to the frame, so every frame is
// judged on its own. A frame that ends the connection must end it with a protocol close code; the device
// then reconnects, which must work. A refused frame changes nothing in the database.
import { ERROR_CODES } from '@bantin/protocol';
import type { Db } from '../../src/db/sqlite';
import { diffSnapshots, takeSnapshot, WS_IGNORED, WS_RECONNECT_IGNORED, type Ignored, type Snapshot } from './state-snapshot';
import { note, type FuzzStats } from './fuzz-config';
import type { FuzzSocket, Received } from './ws-client';
import type { WsFrame } from './ws-inputs';

export type WsTarget = {
  db: Db;
  dataDir: string;
  sock: FuzzSocket;
  /** Opens a new connection after the last one was closed, and waits until its connect sequence is done. */
  reconnect(): Promise<FuzzSocket>;
  /** Messages the server sends on its own (pushes), which are no answer to a frame. */
  isPush(m: Received): boolean;
  /** /ws/device answers every refused frame; /ws/dashboard ignores whatever it receives. */
  answers: boolean;
};

const CLEAN_CLOSE = [1002, 1007, 1009];
const describeFrame = (f: WsFrame) => `${f.kind} ${f.data.length} B [${f.notes.join('; ')}] ${f.data.subarray(0, 80).toString('utf8')}`;

export async function settle(db: Db, dataDir: string, ignored: Ignored = WS_IGNORED): Promise<Snapshot> {
  let last = await takeSnapshot(db, dataDir, ignored);
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const next = await takeSnapshot(db, dataDir, ignored);
    if (!diffSnapshots(last, next).length) return next;
    last = next;
  }
  return last;
}

let probes = 0;

function send(sock: FuzzSocket, f: WsFrame) {
  if (f.kind === 'raw') sock.writeRaw(f.data);
  else sock.ws.send(f.data, { binary: f.kind === 'binary' });
}

/** The database and data directory as a whole, and without what a reconnection legitimately writes. */
export type WsState = { full: Snapshot; reduced: Snapshot };

export async function stateOf(t: WsTarget): Promise<WsState> {
  return { full: await takeSnapshot(t.db, t.dataDir, WS_IGNORED), reduced: await takeSnapshot(t.db, t.dataDir, WS_RECONNECT_IGNORED) };
}

/** Sends one frame and checks what follows; returns the state to compare the next frame against. */
/** Sends one frame and checks what follows; returns the state to compare the next frame against. */
export async function sendFrame(t: WsTarget, f: WsFrame, before: WsState, s: FuzzStats): Promise<WsState> {
  s.tried++;
  const sock = t.sock;
  const start = sock.inbox.length;
  const probe = `fuzz.probe.${++probes}`;
  const isProbeAnswer = (m: Received) => m.json?.type === 'error.v1' && typeof m.json.message === 'string' && m.json.message.includes(`"${probe}"`);
  send(sock, f);
  let pong = false;
  if (f.expect === 'close') await sock.waitFor(() => sock.closed !== null, 1500);
  if (!sock.closed) {
    if (t.answers) {
      sock.ws.send(JSON.stringify({ type: probe }));
      await sock.waitFor(() => sock.closed !== null || sock.inbox.slice(start).some(isProbeAnswer), 5000);
    } else pong = await sock.pingPong(3000);
  }

  if (sock.closed) {
    const { code } = sock.closed;
    if (code === 1011) {
      s.fiveXx++;
      note(s, `closed 1011 (internal error): ${describeFrame(f)}`);
    } else if (!CLEAN_CLOSE.includes(code)) {
      s.crashes++;
      note(s, `closed ${code} (not a protocol close): ${describeFrame(f)}`);
    } else if (f.expect !== 'close' || !f.closeCodes.includes(code)) {
      s.badAnswers++;
      note(s, `closed ${code}, expected ${f.expect === 'close' ? f.closeCodes.join('/') : 'an error.v1'}: ${describeFrame(f)}`);
    }
    try {
      t.sock = await t.reconnect();
    } catch (err) {
      s.crashes++;
      note(s, `reconnect failed after ${describeFrame(f)}: ${String(err)}`);
      throw err;
    }
    const diff = diffSnapshots(before.reduced, await settle(t.db, t.dataDir, WS_RECONNECT_IGNORED));
    if (diff.length) {
      s.changed++;
      note(s, `changed after a closing frame: ${describeFrame(f)}: ${diff.join(', ')}`);
    }
    return stateOf(t);
  }

  // An answer sent from a rejected promise's handler may come just after the probe's: give it a moment.
  await new Promise((r) => setTimeout(r, 5));
  const all = sock.inbox.slice(start);
  const end = all.findIndex(isProbeAnswer);
  const answers = all.filter((m, i) => i !== end && !t.isPush(m));
  if (t.answers && end < 0) {
    s.crashes++;
    note(s, `no answer to the probe after ${describeFrame(f)}`);
  }
  if (!t.answers && !pong) {
    s.crashes++;
    note(s, `no pong after ${describeFrame(f)}`);
  }
  const errors = answers.filter((m) => m.json?.type === 'error.v1');
  for (const m of answers) {
    const e = m.json;
    const wellFormed = e !== null && (e.type !== 'error.v1' || ((ERROR_CODES as readonly unknown[]).includes(e.code) && typeof e.message === 'string'));
    if (!wellFormed) {
      s.badAnswers++;
      note(s, `malformed answer ${m.text.slice(0, 200)} to ${describeFrame(f)}`);
    }
  }
  if (errors.some((m) => m.json?.code === 'internal')) {
    s.fiveXx++;
    note(s, `error.v1 internal: ${describeFrame(f)}`);
    return stateOf(t);
  }
  if (!errors.length) {
    if (!t.answers && !answers.length && f.expect !== 'close') {
      // The dashboard socket ignores what it receives: silence and an open socket are the clean answer.
      return compare(t, f, before, s);
    }
    if (f.sure) {
      s.acceptedInvalid++;
      note(s, `accepted (${answers.map((m) => m.text.slice(0, 60)).join(', ') || 'no answer'}): ${describeFrame(f)}`);
    } else s.validSkipped++;
    await settle(t.db, t.dataDir);
    return stateOf(t);
  }
  return compare(t, f, before, s);
}

async function compare(t: WsTarget, f: WsFrame, before: WsState, s: FuzzStats): Promise<WsState> {
  const after = await stateOf(t);
  const diff = diffSnapshots(before.full, after.full);
  if (diff.length) {
    s.changed++;
    note(s, `changed on a refused frame: ${describeFrame(f)}: ${diff.join(', ')}`);
  }
  return after;
}
