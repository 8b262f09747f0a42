// Device clients of the crash test: real `ws` sockets on /ws/device, token as subprotocol, behaving like the
// player (player/src/net): hello.v1 on open, a heartbeat now and then, reconnect after any close with the
// player's own full-jitter backoff (@bantin/protocol/core's backoff), whose attempt counter resets when the server
// speaks. They play what their timeline says and send proof of play (`plays.v1`) with fresh event ids,
// keep every record until the server acknowledges it (`plays.ack.v1`, sent only after the commit), and
// resend the unacknowledged ones after a reconnect or a timeout, as a player's on-disk queue does.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { fullJitterDelay, type BackoffOptions } from '@bantin/protocol/core';
import type { Ledger } from './ledger';

const now = () => performance.timeOrigin + performance.now();

type PlayRecord = {
  eventId: string;
  contentId: string;
  versionId: string;
  sha256: string;
  start: number;
  end: number;
  result: 'completed' | 'interrupted' | 'failed';
  class: 'emergency' | 'priority' | 'normal' | 'ads' | 'fallback';
};
type Item = { contentId: string; versionId: string; sha256: string; durationMs: number };
type Segment = { class: PlayRecord['class']; items?: Item[]; seq?: number };
type TimelineBody = { items?: Item[]; sequences?: number[][]; segments?: Segment[] };

const RESEND_AFTER_MS = 3000;
const MAX_BATCH = 500;

/** The playable items of a timeline message, in either wire form (v1: items per segment; v2: packed). */
function itemsOf(tl: TimelineBody): (Item & { class: PlayRecord['class'] })[] {
  const out: (Item & { class: PlayRecord['class'] })[] = [];
  for (const s of tl.segments ?? []) {
    const items = s.items ?? (s.seq !== undefined ? (tl.sequences?.[s.seq] ?? []).map((i) => tl.items?.[i]).filter((x): x is Item => !!x) : []);
    for (const it of items) out.push({ ...it, class: s.class });
    if (out.length > 200) break;
  }
  return out;
}

export class DeviceClient {
  /** Connections opened so far (1-based); a connection's first server message is stamped by its number. */
  connSeq = 0;
  private readonly firstMessage = new Map<number, number>();
  private readonly openedAt = new Map<number, number>();
  private ws: WebSocket | null = null;
  private attempt = 0;
  /** Since when the server has not answered (null while it does): bounds the backoff like the player's. */
  private downSince: number | null = null;
  private stopped = false;
  private spoke = false;
  private items: (Item & { class: PlayRecord['class'] })[] = [];
  private readonly pending = new Map<string, { record: PlayRecord; sentAt: number }>();
  private tick: NodeJS.Timeout | null = null;
  private readonly bornAt = now();
  messages = 0;
  refused = new Map<number, number>();

  constructor(
    readonly id: number,
    readonly kind: 'led' | 'kiosk',
    private readonly token: string,
    private readonly opts: { port: number; ledger: Ledger; backoff: BackoffOptions },
  ) {}

  start(): void {
    this.connect();
    this.tick = setInterval(() => this.play(), 250 + randomInt(500));
  }

  stop(): void {
    this.stopped = true;
    if (this.tick) clearInterval(this.tick);
    this.ws?.terminate();
  }

  /** Connected and spoken to on the current connection. */
  get live(): boolean {
    return this.spoke && this.ws?.readyState === WebSocket.OPEN;
  }

  /** When the first connection numbered above `seq` got its first server message (null: not yet). */
  resumedAt(seq: number): number | null {
    return this.firstServed(seq)?.at ?? null;
  }

  /** For that connection: how long from opening it to the server's first message (the server's part). */
  servedWithin(seq: number): number | null {
    const f = this.firstServed(seq);
    return f ? f.at - this.openedAt.get(f.seq)! : null;
  }

  private firstServed(seq: number): { seq: number; at: number } | null {
    let best: { seq: number; at: number } | null = null;
    for (const [s, at] of this.firstMessage) if (s > seq && (best === null || at < best.at)) best = { seq: s, at };
    return best;
  }

  get unacked(): number {
    return this.pending.size;
  }

  private connect(): void {
    if (this.stopped) return;
    const seq = ++this.connSeq;
    this.openedAt.set(seq, now());
    this.spoke = false;
    let retried = false;
    const retry = (minMs = 0) => {
      if (retried || this.stopped) return;
      retried = true;
      if (this.ws === ws) this.ws = null;
      this.downSince ??= Date.now();
      const downForMs = Date.now() - this.downSince;
      setTimeout(() => this.connect(), minMs + fullJitterDelay(this.attempt++, Math.random, { ...this.opts.backoff, downForMs }));
    };
    const ws = new WebSocket(`ws://127.0.0.1:${this.opts.port}/ws/device`, ['bantin.v1', `bantin.token.${this.token}`], { perMessageDeflate: false, handshakeTimeout: 10_000 });
    this.ws = ws;
    ws.on('open', () => {
      this.send({ type: 'hello.v1', playerVersion: 'bench-crash', capabilities: ['image', 'audio', 'speech'], deviceClock: Math.round(Date.now()) });
      this.heartbeat();
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const t = now();
      this.attempt = 0;
      this.downSince = null;
      this.messages++;
      if (!this.firstMessage.has(seq)) {
        this.firstMessage.set(seq, t);
        this.spoke = true;
        this.resend(true);
      }
      if (!isBinary) this.receive(data.toString('utf8'));
    });
    ws.on('unexpected-response', (req, res) => {
      const status = res.statusCode ?? 0;
      this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
      res.resume();
      req.destroy();
      if (status === 401) this.opts.ledger.lose(`device-token:${this.id}`, 'the upgrade answered 401: the delivered token is unknown');
      const after = Number(res.headers['retry-after'] ?? 0);
      retry(status === 503 && Number.isFinite(after) ? after * 1000 : 0);
    });
    ws.on('close', () => retry());
    ws.on('error', () => retry());
  }

  private send(m: unknown): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  private heartbeat(): void {
    this.send({
      type: 'heartbeat.v1',
      nowPlaying: null,
      cache: { files: 0, missing: 0, bytes: 0, timelineVersion: null },
      freeBytes: null,
      errors: [],
      uptimeMs: Math.round(now() - this.bornAt),
    });
  }

  private receive(text: string): void {
    let m: { type?: string; timeline?: TimelineBody; eventIds?: string[] };
    try {
      m = JSON.parse(text) as typeof m;
    } catch {
      return;
    }
    if (m.type?.startsWith('timeline.') && m.timeline) this.items = itemsOf(m.timeline);
    else if (m.type === 'plays.ack.v1') {
      for (const id of m.eventIds ?? []) {
        if (!this.pending.delete(id)) continue;
        this.opts.ledger.plays.set(id, this.id);
        this.opts.ledger.ack('play');
      }
    }
  }

  /** Records a few plays of what the timeline says (or a stand-in), then sends what is due. */
  private play(): void {
    if (this.stopped) return;
    const t = Math.round(Date.now());
    for (let i = 1 + randomInt(6); i > 0; i--) {
      const it = this.items.length ? this.items[randomInt(this.items.length)]! : null;
      const duration = it?.durationMs ?? 10_000;
      const record: PlayRecord = {
        eventId: randomUUID(),
        contentId: it?.contentId ?? '1',
        versionId: it?.versionId ?? '1',
        sha256: it?.sha256 ?? randomBytes(32).toString('hex'),
        start: t - duration,
        end: t,
        result: randomInt(10) === 0 ? 'interrupted' : 'completed',
        class: it?.class ?? 'fallback',
      };
      this.pending.set(record.eventId, { record, sentAt: 0 });
    }
    if (randomInt(40) === 0) this.heartbeat();
    this.resend(false);
  }

  /** Sends records never sent, and (all = true, after a reconnect) or timed-out ones, in batches of ≤ 500. */
  private resend(all: boolean): void {
    if (!this.spoke) return;
    const t = now();
    const due = [...this.pending.values()].filter((p) => all || p.sentAt === 0 || t - p.sentAt > RESEND_AFTER_MS);
    for (let i = 0; i < due.length; i += MAX_BATCH) {
      const batch = due.slice(i, i + MAX_BATCH);
      if (!this.send({ type: 'plays.v1', records: batch.map((p) => p.record) })) return;
      for (const p of batch) p.sentAt = t;
    }
  }
}
