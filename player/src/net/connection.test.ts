import { deflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../test-support/fake-clock';
import { packTimeline, type DeviceTimeline } from '@bantin/protocol/core';
import { createConnection, deviceSocketUrl, type SocketLike } from './connection';
import type { Inbound } from './inbound';

class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType?: string;
  sent: string[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(d: string) {
    this.sent.push(d);
  }
  close() {
    this.readyState = 3;
  }
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  deliver(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  /** A binary frame as the server sends it to a `bantin.deflate` client, as a browser hands it over. */
  deliverDeflated(msg: unknown) {
    const b = deflateRawSync(Buffer.from(JSON.stringify(msg)));
    this.onmessage?.({ data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) });
  }
}

function setup(random = () => 0.999, inflate?: boolean) {
  const clock = createFakeClock(0);
  const sockets: FakeSocket[] = [];
  const messages: Inbound[] = [];
  const events: string[] = [];
  const conn = createConnection({
    url: 'ws://h/ws/device',
    token: 'tok123',
    deviceId: '7',
    clock,
    random,
    inflate,
    createSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    onOpen: () => events.push('open'),
    onClose: () => events.push('close'),
    onMessage: (m) => messages.push(m),
    onUnauthorized: () => events.push('unauthorized'),
    onConnectFailed: (n) => events.push(`failed:${n}`),
  });
  return { clock, sockets, messages, events, conn };
}

describe('createConnection', () => {
  it('offers bantin.v1 and the token as subprotocols, and bantin.deflate where it can inflate', () => {
    const { sockets, conn } = setup();
    conn.start();
    // Node 20, like Chromium, has DecompressionStream('deflate-raw').
    expect(sockets[0]!.protocols).toEqual(['bantin.v1', 'bantin.token.tok123', 'bantin.deflate']);
    expect(sockets[0]!.binaryType).toBe('arraybuffer');
    expect(deviceSocketUrl({ protocol: 'https:', host: 'x:8443' })).toBe('wss://x:8443/ws/device');
    const plain = setup(undefined, false);
    plain.conn.start();
    expect(plain.sockets[0]!.protocols).toEqual(['bantin.v1', 'bantin.token.tok123']);
  });

  it('inflates binary frames and keeps the order of the messages around them', async () => {
    const { sockets, conn, messages } = setup();
    conn.start();
    const s = sockets[0]!;
    s.accept();
    const item = { id: 'i1', contentId: '1', versionId: '1', sha256: 'a'.repeat(64), kind: 'text' as const, durationMs: 5000, reason: { scheduleId: null, rule: 'r' }, text: { title: 'Tiêu đề', body: 'Nội dung có dấu', style: 'led' as const } };
    const tl: DeviceTimeline = {
      deviceId: '7', from: 0, to: 7200_000, version: 'v1',
      segments: [
        { start: 0, end: 3600_000, class: 'normal', mode: 'loop', items: [item, item] },
        { start: 3600_000, end: 7200_000, class: 'normal', mode: 'loop', items: [item, item] },
      ],
      media: [],
    };
    s.deliver({ type: 'time.v1', serverTime: 1 });
    s.deliverDeflated({ type: 'timeline.v2', timeline: packTimeline(tl) });
    s.deliver({ type: 'time.v1', serverTime: 2 });
    s.onmessage?.({ data: new Uint8Array([1, 2, 3]).buffer }); // not DEFLATE: dropped, the rest goes on
    s.deliver({ type: 'time.v1', serverTime: 3 });
    expect(messages.map((m) => m.type)).toEqual(['time.v1']);
    // A broken frame is refused by the inflater after a moment (about 50 ms in Node's zlib): wait for it.
    await vi.waitFor(() => expect(messages).toHaveLength(4), { timeout: 2000, interval: 10 });
    expect(messages.map((m) => (m.type === 'time.v1' ? m.serverTime : m.type))).toEqual([1, 'timeline.v2', 2, 3]);
    const got = messages[1] as Extract<Inbound, { type: 'timeline.v2' }>;
    expect(got.timeline).toEqual(tl);
    // Unpacked items are shared, not copied per segment.
    expect(got.timeline.segments[0]!.items[0]).toBe(got.timeline.segments[1]!.items[1]);
  });

  it('retries with full-jitter waits that grow with the attempts and with the outage, capped at 60 s', () => {
    const { clock, sockets, conn } = setup();
    conn.start();
    const waits: number[] = [];
    for (let i = 0; i < 25; i++) {
      const before = clock.now();
      sockets.at(-1)!.drop();
      const count = sockets.length;
      while (sockets.length === count) clock.advance(1);
      waits.push(clock.now() - before);
    }
    // The server has been gone for `before` ms at each drop: the ceiling is min(60 s, 1 s·2^n, max(1 s, outage/2)).
    let down = 0;
    for (const [n, w] of waits.entries()) {
      expect(w).toBe(Math.floor(0.999 * Math.min(60_000, 1000 * 2 ** n, Math.max(1000, down / 2))));
      down += w;
    }
    expect(waits.slice(0, 3)).toEqual([999, 999, 999]);
    expect(waits.at(-1)).toBe(59_940);
  });

  it('comes back within half the outage once the server returns, however many attempts failed', () => {
    for (const outage of [3_000, 8_000, 40_000]) {
      const { clock, sockets, conn } = setup();
      conn.start();
      sockets[0]!.accept();
      sockets[0]!.deliver({ type: 'time.v1', serverTime: 1 });
      const lostAt = clock.now();
      sockets[0]!.drop();
      // Every attempt during the outage fails at once.
      while (clock.now() - lostAt < outage) {
        const count = sockets.length;
        clock.advance(1);
        if (sockets.length > count) sockets.at(-1)!.drop();
      }
      const back = clock.now();
      const count = sockets.length;
      while (sockets.length === count) clock.advance(1);
      expect(clock.now() - back).toBeLessThanOrEqual(Math.max(1000, outage / 2));
    }
  });

  it('waits zero to the ceiling when jitter draws low', () => {
    const { clock, sockets, conn } = setup(() => 0);
    conn.start();
    sockets[0]!.drop();
    clock.advance(0);
    expect(sockets).toHaveLength(2);
  });

  it('resets the backoff once the server has spoken, and dispatches valid messages only', () => {
    const { clock, sockets, conn, messages, events } = setup();
    conn.start();
    for (let i = 0; i < 3; i++) {
      sockets.at(-1)!.drop();
      clock.advance(60_000);
    }
    expect(conn.attempts()).toBe(3);
    const s = sockets.at(-1)!;
    s.accept();
    s.deliver({ type: 'time.v1', serverTime: 5 });
    s.deliver({ type: 'bogus' });
    expect(conn.attempts()).toBe(0);
    expect(messages).toEqual([{ type: 'time.v1', serverTime: 5 }]);
    expect(conn.send({ type: 'ack.v1', of: 'command', id: 'c' })).toBe(true);
    expect(JSON.parse(s.sent[0]!)).toEqual({ type: 'ack.v1', of: 'command', id: 'c' });
    s.drop();
    expect(events).toEqual(['failed:1', 'failed:2', 'failed:3', 'open', 'close']);
    expect(conn.send({ type: 'ack.v1', of: 'command', id: 'c' })).toBe(false);
  });

  it('stops retrying and asks to re-pair when the server rejects the token', () => {
    const { clock, sockets, conn, events } = setup();
    conn.start();
    sockets[0]!.accept();
    sockets[0]!.drop(4401);
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(events).toEqual(['open', 'close', 'unauthorized']);
    expect(clock.pending()).toBe(0);
  });

  it('counts connections that never opened, so the caller can check whether the token was revoked', () => {
    const { clock, sockets, conn, events } = setup();
    conn.start();
    for (let i = 0; i < 3; i++) {
      sockets.at(-1)!.drop();
      clock.advance(60_000);
    }
    sockets.at(-1)!.accept();
    sockets.at(-1)!.drop(4000); // replaced by a newer connection: just reconnect
    expect(events).toEqual(['failed:1', 'failed:2', 'failed:3', 'open', 'close']);
    clock.advance(60_000);
    expect(sockets).toHaveLength(5);
  });

  it('leaves no timer and no socket behind when stopped', () => {
    const { clock, sockets, conn } = setup();
    conn.start();
    sockets[0]!.drop();
    conn.stop();
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });
});
