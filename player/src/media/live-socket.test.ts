import { describe, expect, it } from 'vitest';
import { LIVE_PROTOCOL } from '@bantin/protocol/core';
import { createFakeClock } from '../test-support/fake-clock';
import { createLiveSource, liveSocketUrl, startLiveStream, type LiveSocketLike } from './live-socket';

class FakeSocket implements LiveSocketLike {
  binaryType = 'blob';
  closed: { code?: number; reason?: string } | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
  }
  /** The server (or the network) ends it. */
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const source = createLiveSource({
    location: { protocol: 'https:', host: 'bantin.example:8443' },
    token: 'tok-123',
    createSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
  });
  const clock = createFakeClock(1_000_000);
  const chunks: ArrayBuffer[] = [];
  const stream = startLiveStream({ source, id: 'relay:7', clock, random: () => 0.5, onChunk: (c) => chunks.push(c) });
  return { sockets, clock, chunks, stream };
}

describe('liveSocketUrl', () => {
  it('is the live path on the page’s host, the feed id encoded', () => {
    expect(liveSocketUrl({ protocol: 'http:', host: '10.0.0.2:8080' }, 'relay:12')).toBe('ws://10.0.0.2:8080/ws/live?id=relay%3A12');
    expect(liveSocketUrl({ protocol: 'https:', host: 'a.vn' }, 'x&y')).toBe('wss://a.vn/ws/live?id=x%26y');
  });
});

describe('startLiveStream', () => {
  it('opens the feed’s socket with the live protocol and the device token, for binary frames', () => {
    const { sockets } = setup();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('wss://bantin.example:8443/ws/live?id=relay%3A7');
    expect(sockets[0]!.protocols).toEqual([LIVE_PROTOCOL, 'bantin.token.tok-123']);
    expect(sockets[0]!.binaryType).toBe('arraybuffer');
  });

  it('hands on binary chunks and ignores text', () => {
    const { sockets, chunks } = setup();
    const b = new ArrayBuffer(417);
    sockets[0]!.onmessage?.({ data: b });
    sockets[0]!.onmessage?.({ data: 'hello' });
    expect(chunks).toEqual([b]);
  });

  it('opens again with backoff after a refusal or a drop, and starts the backoff afresh once audio came', () => {
    const { sockets, clock } = setup();
    sockets[0]!.drop(); // 404 off air: the browser sees a close without open
    expect(clock.pending()).toBe(1);
    clock.advance(500); // attempt 0: half of 1 s
    expect(sockets).toHaveLength(2);
    clock.advance(10_000); // the socket opened and stayed silent 10 s
    sockets[1]!.drop();
    clock.advance(999); // attempt 1: half of min(2 s, the outage / 2)
    expect(sockets).toHaveLength(2);
    clock.advance(1);
    expect(sockets).toHaveLength(3);
    sockets[2]!.onmessage?.({ data: new ArrayBuffer(10) });
    sockets[2]!.drop();
    clock.advance(500);
    expect(sockets).toHaveLength(4);
  });

  it('stop closes the socket, and nothing opens again', () => {
    const { sockets, clock, stream } = setup();
    stream.stop();
    expect(sockets[0]!.closed).toEqual({ code: 1000, reason: 'done' });
    sockets[0]!.drop();
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('stop during a backoff wait cancels it', () => {
    const { sockets, clock, stream } = setup();
    sockets[0]!.drop();
    stream.stop();
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });
});
