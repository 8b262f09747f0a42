// The device WebSocket to `/ws/device`: token as subprotocol `bantin.token.<token>` next to `bantin.v1`,
// reconnect with exponential backoff and full jitter (1 s → 60 s). The attempt counter resets only after the
// server has actually talked to us, so a server that accepts and drops at once is not hammered.
import { DEFLATE_PROTOCOL, LAYOUT_PROTOCOL, PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX, fullJitterDelay, type DeviceToServer } from '@bantin/protocol/core';
import type { Clock, TimerHandle } from '../lib/clock';
import { parseInbound, type Inbound } from './inbound';


/** True when this browser can inflate raw DEFLATE (DecompressionStream 'deflate-raw', Chromium 103+). */
export function canInflate(): boolean {
  if (typeof DecompressionStream === 'undefined') return false;
  try {
    // eslint-disable-next-line compat/compat -- guarded by the typeof check above
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** The UTF-8 JSON text of a frame: text frames as they are, binary frames inflated (raw DEFLATE). */
export async function frameText(data: unknown): Promise<string | null> {
  if (typeof data === 'string') return data;
  let blob: Blob;
  if (data instanceof Blob) blob = data;
  else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) blob = new Blob([data as ArrayBuffer]);
  else return null;
  // Binary frames come only after the player offered bantin.deflate, which it does only when canInflate().
  // eslint-disable-next-line compat/compat -- guarded by canInflate()
  return new Response(blob.stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
}
/** Close code with which the server says the token was revoked while connected (re-pair, do not retry). */
export const REVOKED_CLOSE_CODE = 4401;

/** The subset of WebSocket used here; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  binaryType?: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface ConnectionOptions {
  url: string;
  token: string;
  /** This device's id: timelines are unpacked for it. */
  deviceId?: string;
  clock: Clock;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  random?: () => number;
  onOpen(): void;
  onMessage(message: Inbound): void;
  /** Offer `bantin.deflate` (default: when the browser can inflate). */
  inflate?: boolean;
  /** Offer `bantin.layout`: the server sends timeline.v3 (layout and ticker track) from the first message. */
  layout?: boolean;
  onClose(): void;
  onUnauthorized?(): void;
  /**
   * A connection closed without ever opening, `failures` times in a row. A browser cannot see the upgrade's
   * 401 (revoked token), so the caller may ask GET /api/device/me now and then.
   */
  onConnectFailed?(failures: number): void;
}

export interface Connection {
  start(): void;
  stop(): void;
  send(message: DeviceToServer): boolean;
  isOpen(): boolean;
  /** Consecutive failed attempts so far. */
  attempts(): number;
}

const OPEN = 1;

export function deviceSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/device`;
}

export function createConnection(opts: ConnectionOptions): Connection {
  const make = opts.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike);
  let socket: SocketLike | null = null;
  let retry: TimerHandle | null = null;
  let attempt = 0;
  /** Since when the server has not answered us (null while it does): bounds the backoff (protocol core's backoff). */
  let downSince: number | null = null;
  let running = false;
  let open = false;
  const inflate = opts.inflate ?? canInflate();

  function schedule() {
    if (!running || retry !== null) return;
    downSince ??= opts.clock.now();
    const delay = fullJitterDelay(attempt++, opts.random, { downForMs: opts.clock.now() - downSince });
    retry = opts.clock.setTimeout(() => {
      retry = null;
      connect();
    }, delay);
  }

  function connect() {
    if (!running) return;
    let s: SocketLike;
    try {
      s = make(opts.url, [PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX + opts.token, ...(inflate ? [DEFLATE_PROTOCOL] : []), ...(opts.layout ? [LAYOUT_PROTOCOL] : [])]);
      s.binaryType = 'arraybuffer';
    } catch {
      schedule();
      return;
    }
    socket = s;
    // Binary frames inflate asynchronously: messages go through one chain so they keep their order
    // (time → timeline → alerts). A text frame with nothing queued before it is handed on at once.
    let pending = 0;
    let chain: Promise<void> = Promise.resolve();
    const deliver = (raw: string | null) => {
      const message = raw === null ? null : parseInbound(raw, opts.deviceId);
      if (message && socket === s) opts.onMessage(message);
    };
    s.onopen = () => {
      open = true;
      opts.onOpen();
    };
    s.onmessage = (ev) => {
      attempt = 0;
      downSince = null;
      if (typeof ev.data === 'string' && pending === 0) return deliver(ev.data);
      pending++;
      chain = chain
        .then(() => frameText(ev.data))
        .then(deliver, () => undefined)
        .finally(() => pending--);
    };
    s.onerror = () => undefined; // onclose follows and decides
    s.onclose = (ev) => {
      if (socket !== s) return;
      socket = null;
      const wasOpen = open;
      open = false;
      if (wasOpen) opts.onClose();
      else opts.onConnectFailed?.(attempt + 1);
      if (ev.code === REVOKED_CLOSE_CODE && opts.onUnauthorized) {
        running = false;
        opts.onUnauthorized();
        return;
      }
      schedule();
    };
  }

  return {
    start() {
      if (running) return;
      running = true;
      connect();
    },
    stop() {
      running = false;
      if (retry !== null) opts.clock.clearTimeout(retry);
      retry = null;
      const s = socket;
      socket = null;
      if (open) opts.onClose();
      open = false;
      if (s) {
        s.onclose = s.onmessage = s.onopen = s.onerror = null;
        try {
          s.close(1000);
        } catch {
          // already closed
        }
      }
    },
    send(message) {
      if (!socket || socket.readyState !== OPEN) return false;
      try {
        socket.send(JSON.stringify(message));
        return true;
      } catch {
        return false;
      }
    },
    isOpen: () => open && socket?.readyState === OPEN,
    attempts: () => attempt,
  };
}
