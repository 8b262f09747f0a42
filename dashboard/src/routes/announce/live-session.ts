// One live announcement (phát trực tiếp) over /ws/announce (subprotocol bantin.announce.v1): send the start
// request, start MediaRecorder on the microphone once the server accepts, stream its WebM/Opus slices in order
// as binary messages, and follow the server through tone → on-air → ended (or refused). Framework-free: the
// WebSocket and MediaRecorder constructors and the clock are parameters, so tests drive it with fakes.
// Frames are hand-checked (no zod in the browser bundle), as lib/live-status.ts does.
import { micErrorKind, type MicErrorKind } from '../../lib/mic';

export const LIVE_PROTOCOL = 'bantin.announce.v1';
export const LIVE_PATH = '/ws/announce';
/** The format the server expects, and the one to try when the browser does not name the codec. */
export const LIVE_TYPES = ['audio/webm;codecs=opus', 'audio/webm'] as const;
/** MediaRecorder timeslice: the server drops a broadcast after 2.5 s without audio. */
export const SLICE_MS = 100;
/** After "stop", how long the last slice may take to come out of the recorder before stop is sent anyway. */
const FLUSH_MS = 1000;
/** After "stop", how long to wait for "ended" before giving up on the socket. */
const END_WAIT_MS = 10_000;
const OPEN = 1;

export type LiveClass = 'priority' | 'emergency';
export type LiveStateName = 'idle' | 'connecting' | 'tone' | 'on-air' | 'ended' | 'refused' | 'error';

export interface StartRequest {
  groupIds: number[];
  class: LiveClass;
  title?: string;
}

export interface LiveRefusal {
  code: string;
  message: { vi: string; en: string } | null;
  onAir: { by: string; groups: string[]; since: string } | null;
}

export interface LiveEnd {
  id: number | null;
  reason: string;
  durationMs: number | null;
  recorded: boolean;
}

/** connect: no socket could be opened or it closed before the server answered; lost: it closed mid-broadcast. */
export type LiveError = 'connect' | 'lost' | 'mic';

export interface LiveView {
  state: LiveStateName;
  /** The broadcast's id and reach, once accepted. */
  id: number | null;
  speakers: number | null;
  zones: number | null;
  /** The clock (deps.now) when the voice went on air, for the elapsed timer. */
  onAirAt: number | null;
  /** "Kết thúc phát" was pressed; waiting for the server's "ended". */
  stopping: boolean;
  ended: LiveEnd | null;
  refused: LiveRefusal | null;
  error: LiveError | null;
  micError: MicErrorKind | null;
}

export const IDLE_VIEW: LiveView = {
  state: 'idle',
  id: null,
  speakers: null,
  zones: null,
  onAirAt: null,
  stopping: false,
  ended: null,
  refused: null,
  error: null,
  micError: null,
};

/** The part of WebSocket this module uses. */
export interface LiveSocket {
  readonly readyState: number;
  binaryType: string;
  send(data: string | ArrayBuffer): void;
  close(code?: number): void;
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  onerror: (() => void) | null;
}
export type SocketCtor = new (url: string, protocol: string) => LiveSocket;

/** The part of MediaRecorder this module uses. */
export interface LiveRecorder {
  readonly state: string;
  start(timeslice: number): void;
  stop(): void;
  ondataavailable: ((e: { data: { size: number; arrayBuffer(): Promise<ArrayBuffer> } }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
}
export interface RecorderCtor {
  new (stream: MediaStream, options: { mimeType: string }): LiveRecorder;
  isTypeSupported(type: string): boolean;
}

export interface LiveDeps {
  WebSocket: SocketCtor;
  MediaRecorder: RecorderCtor;
  url: string;
  now(): number;
}

export interface LiveSession {
  /** Ends the broadcast normally: the last slice, then {"type":"stop"}, then wait for "ended". */
  stop(): void;
  /** Leaving the screen: say stop and close at once. */
  abort(): void;
  /** Resolves with the final view (ended, refused, error, or idle when cancelled before the socket opened). */
  readonly done: Promise<LiveView>;
}

/** ws:// or wss:// on this host, after the page's own scheme. */
export function wsUrl(path: string, loc: { protocol: string; host: string } = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${path}`;
}

/** The recording type to ask for: WebM/Opus where the browser says it has it, else plain WebM. */
export function liveMimeType(isTypeSupported: (type: string) => boolean): string {
  try {
    if (isTypeSupported(LIVE_TYPES[0])) return LIVE_TYPES[0];
  } catch {
    // A browser that throws on the question gets the plain type.
  }
  return LIVE_TYPES[1];
}

/** The start message: the title only when one was given, cut at 200 characters. */
export function startMessage(req: StartRequest): string {
  const title = req.title?.trim().slice(0, 200);
  return JSON.stringify({ type: 'start', groupIds: req.groupIds, class: req.class, ...(title ? { title } : {}) });
}

type Frame = Record<string, unknown>;
const isObj = (v: unknown): v is Frame => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parseFrame(data: unknown): Frame | null {
  if (typeof data !== 'string') return null;
  try {
    const m: unknown = JSON.parse(data);
    return isObj(m) && typeof m.type === 'string' ? m : null;
  } catch {
    return null;
  }
}

function readRefusal(m: Frame): LiveRefusal {
  const msg =
    isObj(m.message) && typeof m.message.vi === 'string' && typeof m.message.en === 'string'
      ? { vi: m.message.vi, en: m.message.en }
      : null;
  const o = m.onAir;
  const onAir =
    isObj(o) && typeof o.by === 'string'
      ? {
          by: o.by,
          groups: Array.isArray(o.groups) ? o.groups.filter((g): g is string => typeof g === 'string') : [],
          since: typeof o.since === 'string' ? o.since : '',
        }
      : null;
  return { code: typeof m.code === 'string' ? m.code : 'unknown', message: msg, onAir };
}

function readEnd(m: Frame): LiveEnd {
  return {
    id: num(m.id),
    reason: typeof m.reason === 'string' ? m.reason : 'stopped',
    durationMs: num(m.durationMs),
    recorded: isObj(m.recording),
  };
}

/** Opens the socket and runs one broadcast on `stream`; `report` hears every new view. */
export function startLive(stream: MediaStream, req: StartRequest, deps: LiveDeps, report: (v: LiveView) => void): LiveSession {
  let view: LiveView = { ...IDLE_VIEW, state: 'connecting' };
  let settle!: (v: LiveView) => void;
  const done = new Promise<LiveView>((resolve) => (settle = resolve));
  let finished = false;
  let opened = false;
  let recorder: LiveRecorder | null = null;
  /** Slices go out strictly in order, each after the one before it has its bytes. */
  let chain: Promise<void> = Promise.resolve();
  let streaming = false;
  let endTimer: ReturnType<typeof setTimeout> | null = null;
  let socket: LiveSocket;

  const set = (patch: Partial<LiveView>) => {
    view = { ...view, ...patch };
    report(view);
  };
  const sendText = (obj: object) => {
    if (socket.readyState === OPEN) socket.send(JSON.stringify(obj));
  };

  function stopRecorder(): void {
    streaming = false;
    if (recorder && recorder.state !== 'inactive') {
      try {
        recorder.stop();
      } catch {
        // Already stopped by the browser (the track ended).
      }
    }
  }

  function finish(patch: Partial<LiveView>): void {
    if (finished) return;
    finished = true;
    stopRecorder();
    if (endTimer) clearTimeout(endTimer);
    set({ stopping: false, ...patch });
    try {
      socket.close(1000);
    } catch {
      // Closed already.
    }
    settle(view);
  }

  function startRecorder(): void {
    let r: LiveRecorder;
    try {
      r = new deps.MediaRecorder(stream, { mimeType: liveMimeType((t) => deps.MediaRecorder.isTypeSupported(t)) });
    } catch (err) {
      sendText({ type: 'stop' });
      finish({ state: 'error', error: 'mic', micError: micErrorKind(err) });
      return;
    }
    recorder = r;
    streaming = true;
    r.ondataavailable = (e) => {
      const blob = e.data;
      if (!streaming || blob.size === 0) return;
      chain = chain
        .then(() => blob.arrayBuffer())
        .then((bytes) => {
          if (!finished && socket.readyState === OPEN) socket.send(bytes);
        })
        .catch(() => undefined);
    };
    r.onerror = () => stop();
    try {
      r.start(SLICE_MS);
    } catch (err) {
      recorder = null;
      sendText({ type: 'stop' });
      finish({ state: 'error', error: 'mic', micError: micErrorKind(err) });
    }
  }

  function onFrame(m: Frame): void {
    if (finished) return;
    switch (m.type) {
      case 'accepted':
        set({ id: num(m.id), speakers: num(m.speakers), zones: num(m.zones) });
        if (!view.stopping && !recorder) startRecorder();
        return;
      case 'tone':
        set({ state: 'tone' });
        return;
      case 'on-air':
        set({ state: 'on-air', onAirAt: deps.now() });
        return;
      case 'refused':
        finish({ state: 'refused', refused: readRefusal(m) });
        return;
      case 'ended':
        finish({ state: 'ended', ended: readEnd(m) });
        return;
    }
  }

  function stop(): void {
    if (finished || view.stopping) return;
    if (!opened) {
      // Nothing was asked of the server yet: just let the socket go.
      finish({ ...IDLE_VIEW });
      return;
    }
    set({ stopping: true });
    const flushed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FLUSH_MS);
      if (recorder && recorder.state !== 'inactive') {
        recorder.onstop = () => {
          clearTimeout(timer);
          resolve();
        };
      } else {
        clearTimeout(timer);
        resolve();
      }
    });
    // The recorder's last slice still goes out (ondataavailable fires before onstop); nothing after "stop".
    if (recorder && recorder.state !== 'inactive') {
      try {
        recorder.stop();
      } catch {
        // Already stopped.
      }
    }
    void flushed
      .then(() => chain)
      .then(() => {
        streaming = false;
        if (!finished) sendText({ type: 'stop' });
      });
    endTimer = setTimeout(() => finish({ state: 'error', error: 'lost' }), END_WAIT_MS);
  }

  function abort(): void {
    if (finished) return;
    if (opened) sendText({ type: 'stop' });
    finish(opened ? { state: 'error', error: 'lost' } : { ...IDLE_VIEW });
  }

  try {
    socket = new deps.WebSocket(deps.url, LIVE_PROTOCOL);
  } catch {
    const failed: LiveView = { ...view, state: 'error', error: 'connect' };
    report(failed);
    return { stop: () => {}, abort: () => {}, done: Promise.resolve(failed) };
  }
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => {
    opened = true;
    socket.send(startMessage(req));
  };
  socket.onmessage = (e) => {
    const m = parseFrame(e.data);
    if (m) onFrame(m);
  };
  socket.onerror = () => {};
  socket.onclose = () => {
    if (finished) return;
    // Closed without "ended": before "accepted" the server never took it (or refused the upgrade: no session,
    // no permission, wrong origin); after it, the network dropped and the server ends the broadcast itself.
    finish({ state: 'error', error: view.id === null ? 'connect' : 'lost' });
  };
  report(view);
  return { stop, abort, done };
}
