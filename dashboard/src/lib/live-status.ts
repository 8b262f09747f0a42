// The live feed of the dashboard (/ws/dashboard, session cookie): device status (online, last seen, now
// playing, cache) and alert acknowledgements, kept in one signal shared by every screen that shows them.
// One socket for the whole tab, opened by the first screen that needs it and closed with the last one;
// it reconnects with full-jitter backoff. Frames are hand-checked (no zod in the browser bundle).
import { fullJitterDelay, type DeviceStatusMessage } from '@bantin/protocol/core';
import { signal } from '@preact/signals';

export type LiveDevice = Omit<DeviceStatusMessage, 'type'>;
export interface LiveAck {
  alertId: string;
  deviceId: string;
  at: number;
}
export type Connection = 'connecting' | 'open' | 'closed';
export interface LiveState {
  devices: Readonly<Record<string, LiveDevice>>;
  acks: readonly LiveAck[];
  connection: Connection;
}

export const EMPTY_LIVE: LiveState = { devices: {}, acks: [], connection: 'closed' };
const MAX_ACKS = 5000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const readConnection = (c: Record<string, unknown>) => ({ address: strOrNull(c.address), userAgent: strOrNull(c.userAgent), since: numOrNull(c.since) ?? 0 });

function readStatus(m: Record<string, unknown>): LiveDevice | null {
  if (typeof m.deviceId !== 'string' || typeof m.online !== 'boolean') return null;
  const np = isObj(m.nowPlaying) && typeof m.nowPlaying.contentId === 'string' ? (m.nowPlaying as LiveDevice['nowPlaying']) : null;
  const c = m.cache;
  const cache =
    isObj(c) && typeof c.files === 'number' && typeof c.missing === 'number'
      ? {
          files: c.files,
          missing: c.missing,
          bytes: numOrNull(c.bytes) ?? 0,
          timelineVersion: typeof c.timelineVersion === 'string' ? c.timelineVersion : null,
        }
      : null;
  return {
    deviceId: m.deviceId,
    online: m.online,
    lastSeenAt: numOrNull(m.lastSeenAt),
    nowPlaying: np,
    cache,
    freeBytes: numOrNull(m.freeBytes),
    errors: Array.isArray(m.errors) ? m.errors.filter((e): e is string => typeof e === 'string').slice(-20) : [],
    playerVersion: typeof m.playerVersion === 'string' ? m.playerVersion : null,
    ...(Array.isArray(m.stream) ? { stream: m.stream.filter(isObj).map(readConnection).slice(0, 20) } : {}),
    ...(m.sleeping === true ? { sleeping: true } : {}),
  };
}

/** The state after one frame of the feed; frames that do not parse leave it unchanged. */
export function applyFrame(state: LiveState, raw: string): LiveState {
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return state;
  }
  if (!isObj(m)) return state;
  if (m.type === 'device.status.v1') {
    const d = readStatus(m);
    return d ? { ...state, devices: { ...state.devices, [d.deviceId]: d } } : state;
  }
  if (m.type === 'alert.ack.v1' && typeof m.alertId === 'string' && typeof m.deviceId === 'string' && typeof m.at === 'number') {
    const ack = { alertId: m.alertId, deviceId: m.deviceId, at: m.at };
    if (state.acks.some((a) => a.alertId === ack.alertId && a.deviceId === ack.deviceId)) return state;
    return { ...state, acks: [...state.acks, ack].slice(-MAX_ACKS) };
  }
  return state;
}

export type CacheHealth = 'ok' | 'syncing' | 'unknown';

/** Cache health of a device: every file of its manifest present, some still missing, or not reported. */
export function cacheHealth(d: LiveDevice | undefined): CacheHealth {
  if (!d?.cache) return 'unknown';
  return d.cache.missing === 0 ? 'ok' : 'syncing';
}

/** Acks of one alert, by device id (first ack wins). */
export function acksOf(state: LiveState, alertId: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of state.acks) if (a.alertId === String(alertId) && !out.has(a.deviceId)) out.set(a.deviceId, a.at);
  return out;
}

export const live = signal<LiveState>(EMPTY_LIVE);

let users = 0;
let socket: WebSocket | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;

function open(): void {
  if (typeof WebSocket === 'undefined' || typeof location === 'undefined') return;
  live.value = { ...live.value, connection: 'connecting' };
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/dashboard`;
  let ws: WebSocket;
  try {
    ws = new WebSocket(url);
  } catch {
    return retry();
  }
  socket = ws;
  ws.onmessage = (e) => {
    attempt = 0;
    if (typeof e.data === 'string') live.value = applyFrame(live.value, e.data);
  };
  ws.onopen = () => (live.value = { ...live.value, connection: 'open' });
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    live.value = { ...live.value, connection: 'closed' };
    retry();
  };
}

function retry(): void {
  if (users === 0) return;
  // Full jitter, 1 s → 60 s, as the players do (protocol README).
  const wait = fullJitterDelay(attempt);
  attempt += 1;
  timer = setTimeout(() => {
    timer = null;
    if (users > 0 && !socket) open();
  }, wait);
}

/** Starts the feed (if it is not running) and returns the function that releases it. */
export function subscribeLive(): () => void {
  users += 1;
  if (users === 1 && !socket && !timer) open();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users > 0) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const ws = socket;
    socket = null;
    ws?.close();
    live.value = { ...live.value, connection: 'closed' };
  };
}
