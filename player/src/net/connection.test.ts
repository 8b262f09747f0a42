import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../test-support/fake-clock';
import type { ServerToDevice } from '../lib/protocol';
import { createConnection, deviceSocketUrl, type SocketLike } from './connection';

class FakeSocket implements SocketLike {
  readyState = 0;
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
}

function setup(random = () => 0.999) {
  const clock = createFakeClock(0);
  const sockets: FakeSocket[] = [];
  const messages: ServerToDevice[] = [];
  const events: string[] = [];
  const conn = createConnection({
    url: 'ws://h/ws/device',
    token: 'tok123',
    clock,
    random,
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
  it('offers bantin.v1 and the token as subprotocols', () => {
    const { sockets, conn } = setup();
    conn.start();
    expect(sockets[0]!.protocols).toEqual(['bantin.v1', 'bantin.token.tok123']);
    expect(deviceSocketUrl({ protocol: 'https:', host: 'x:8443' })).toBe('wss://x:8443/ws/device');
  });

  it('retries with growing full-jitter waits capped at 60 s', () => {
    const { clock, sockets, conn } = setup();
    conn.start();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const before = clock.now();
      sockets.at(-1)!.drop();
      const count = sockets.length;
      while (sockets.length === count) clock.advance(1);
      waits.push(clock.now() - before);
    }
    expect(waits).toEqual([999, 1998, 3996, 7992, 15984, 31968, 59940, 59940, 59940]);
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
