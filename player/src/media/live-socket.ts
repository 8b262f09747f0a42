// A live feed heard over the live socket (LIVE_SOCKET_PATH?id=<feed id>, the device token as a subprotocol beside
// LIVE_PROTOCOL): each binary message is one or more whole MP3 frames. While its item is on, the stream opens
// the socket again after any close — off air (404), a dropped network, a server restart — with the protocol's
// backoff (full jitter, bounded by the outage), and stops for good when stopped.
import { LIVE_PROTOCOL, LIVE_SOCKET_PATH, TOKEN_PROTOCOL_PREFIX, fullJitterDelay } from '@bantin/protocol/core';
import type { Clock, TimerHandle } from '../lib/clock';

/** The subset of WebSocket used here; tests pass a fake. */
export interface LiveSocketLike {
  binaryType?: string;
  close(code?: number, reason?: string): void;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Opens the live socket of one feed for this device. */
export interface LiveSource {
  open(id: string): LiveSocketLike;
}

export function liveSocketUrl(location: { protocol: string; host: string }, id: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${LIVE_SOCKET_PATH}?id=${encodeURIComponent(id)}`;
}

export function createLiveSource(opts: {
  location: { protocol: string; host: string };
  token: string;
  createSocket?: (url: string, protocols: string[]) => LiveSocketLike;
}): LiveSource {
  const make = opts.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as LiveSocketLike);
  return {
    open(id) {
      const s = make(liveSocketUrl(opts.location, id), [LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + opts.token]);
      s.binaryType = 'arraybuffer';
      return s;
    },
  };
}

export interface LiveStream {
  stop(): void;
}

export function startLiveStream(opts: {
  source: LiveSource;
  id: string;
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  random?: () => number;
  onChunk(mp3: ArrayBuffer): void;
}): LiveStream {
  let running = true;
  let socket: LiveSocketLike | null = null;
  let retry: TimerHandle | null = null;
  let attempt = 0;
  /** Since when no audio came (null while it comes): bounds the backoff. */
  let silentSince: number | null = null;

  const schedule = () => {
    socket = null;
    if (!running || retry !== null) return;
    silentSince ??= opts.clock.now();
    const delay = fullJitterDelay(attempt++, opts.random, { downForMs: opts.clock.now() - silentSince });
    retry = opts.clock.setTimeout(() => {
      retry = null;
      connect();
    }, delay);
  };

  function connect() {
    if (!running) return;
    let s: LiveSocketLike;
    try {
      s = opts.source.open(opts.id);
    } catch {
      schedule();
      return;
    }
    socket = s;
    s.onmessage = (ev) => {
      if (!(ev.data instanceof ArrayBuffer) || socket !== s) return;
      // Audio came: the server is there and the feed on air, so the next drop starts the backoff afresh.
      attempt = 0;
      silentSince = null;
      opts.onChunk(ev.data);
    };
    s.onclose = () => {
      if (socket === s) schedule();
    };
    s.onerror = () => undefined; // a close follows
  }

  connect();
  return {
    stop() {
      running = false;
      if (retry !== null) opts.clock.clearTimeout(retry);
      retry = null;
      const s = socket;
      socket = null;
      if (s) {
        s.onmessage = s.onclose = s.onerror = null;
        try {
          s.close(1000, 'done');
        } catch {
          // already closing
        }
      }
    },
  };
}
