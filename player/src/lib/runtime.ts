// The composition root of a paired player: opens storage, builds the clock, media sync, queues, core and
// socket, restores the stored timeline and alerts (so a reboot without network plays on at once), and
// connects. Nothing else constructs these; components receive them.
import { createPlayerCore, type DeviceKind, type KioskMessage, type PlayerCore } from '../core/player-core';
import { createMediaSync } from '../media/sync';
import { pickMediaStore } from '../media/store';
import { createMediaUrls, type MediaUrls } from '../media/urls';
import { createLiveSource, type LiveSource } from '../media/live-socket';
import { createConnection, deviceSocketUrl } from '../net/connection';
import { createMemoryQueueStore, type QueueStore } from '../queue/outbox';
import { freeStorageBytes, persistStorage, serviceWorkerServes } from './browser';
import { createOffsetClock, type Clock } from './clock';
import { idbQueueStore, kvGet, kvSet } from './idb';
import { fetchIdentity } from './pairing';
import type { AlertMessage, DeviceTimeline, DeviceToServer, PlayRecord, QuizAnswer } from '@bantin/protocol/core';
import { sha256Hex } from './sha256';
import { LAYOUT_CAPABILITY, readItem, writeItem } from '@bantin/protocol/core';
import { uuidV4 } from './uuid';

export const PLAYER_VERSION = '0.1.0';
export const KEYS = {
  token: 'bantin.token',
  deviceId: 'bantin.deviceId',
  kind: 'bantin.kind',
  offset: 'bantin.clockOffset',
  volume: 'bantin.volume',
  pairing: 'bantin.pairing',
} as const;

export interface Runtime {
  core: PlayerCore;
  urls: MediaUrls;
  /** Speakers: opens the live socket of a feed their timeline plays (tiếp âm); absent or null on screens. */
  live?: LiveSource | null;
  kind: DeviceKind;
  clock: Clock;
  label: string;
  /** A fresh UUID (quiz round ids). */
  newId(): string;
  stop(): void;
}

export function parseKind(value: string | null | undefined): DeviceKind | null {
  return value === 'led' || value === 'kiosk' || value === 'speaker' ? value : null;
}

/** Device kind: `?kind=` (set in the kiosk's start URL) over the server's word over the last known. */
async function resolveKind(token: string, onRevoked: () => void): Promise<{ kind: DeviceKind; name: string }> {
  const fromUrl = parseKind(new URLSearchParams(location.search).get('kind'));
  const known = parseKind(readItem(KEYS.kind));
  // Do not hold playback hostage to the network: wait for the server briefly, then go with what we know.
  const identity = await Promise.race([fetchIdentity(token), new Promise<null>((r) => setTimeout(() => r(null), 3_000))]);
  if (identity === 'revoked') onRevoked();
  const fromServer = identity && identity !== 'revoked' ? parseKind(identity.kind) : null;
  if (fromServer) writeItem(KEYS.kind, fromServer);
  const name = identity && identity !== 'revoked' ? identity.name : '';
  return { kind: fromUrl ?? fromServer ?? known ?? 'led', name };
}

export async function startRuntime(opts: { db: IDBDatabase | null; token: string; deviceId: string; onRevoked(): void }): Promise<Runtime> {
  const { db, token } = opts;
  persistStorage();
  const clock = createOffsetClock(Number(readItem(KEYS.offset) ?? 0));
  const { kind, name } = await resolveKind(token, opts.onRevoked);
  const store = pickMediaStore(db);
  let core: PlayerCore | null = null;
  const media = createMediaSync({
    store,
    hash: (b) => sha256Hex(b),
    onError: (m) => core?.error(m),
    onReady: () => core?.mediaReady(),
    async fetchBytes(ref) {
      const res = await fetch(ref.url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.arrayBuffer();
    },
  });
  const playsStore: QueueStore<PlayRecord> = db ? idbQueueStore<PlayRecord>(db, 'plays') : createMemoryQueueStore();
  const quizStore: QueueStore<QuizAnswer> = db ? idbQueueStore<QuizAnswer>(db, 'quiz') : createMemoryQueueStore();
  // Feedback and citizens' reports share the kiosk's one form queue (the `feedback` store).
  const feedbackStore: QueueStore<KioskMessage> = db ? idbQueueStore<KioskMessage>(db, 'feedback') : createMemoryQueueStore();
  let send: (m: DeviceToServer) => boolean = () => false;
  core = createPlayerCore({
    kind,
    clock,
    localNow: Date.now,
    syncClock(serverTime, localAt) {
      const change = clock.syncTo(serverTime, localAt);
      writeItem(KEYS.offset, String(Math.round(clock.offset())));
      return change;
    },
    send: (m) => send(m),
    playsStore,
    feedbackStore,
    quizStore,
    media,
    uuid: () => uuidV4(),
    reload: () => location.reload(),
    freeBytes: freeStorageBytes,
    saveTimeline: (t) => void kvSet(db, 'timeline', t),
    saveAlerts: (a) => void kvSet(db, 'alerts', a),
    saveVolume: (v) => void writeItem(KEYS.volume, String(v)),
    playerVersion: PLAYER_VERSION,
    capabilities: [
      'image',
      'video',
      'audio',
      'text',
      'speech',
      store.kind === 'cache' ? 'cache-api' : 'idb-media',
      ...(kind === 'kiosk' ? ['touch'] : []),
      // Screens render layouts (banner, clock, ticker): they take timeline.v3.
      ...(kind !== 'speaker' ? [LAYOUT_CAPABILITY] : []),
    ],
    initialVolume: Number(readItem(KEYS.volume) ?? 100),
  });
  const urls = createMediaUrls({ store, swServes: serviceWorkerServes });
  const playerCore = core;
  const connection = createConnection({
    url: deviceSocketUrl(location),
    token,
    deviceId: opts.deviceId,
    clock,
    layout: kind !== 'speaker',
    onOpen: () => playerCore.connected(),
    onClose: () => playerCore.disconnected(),
    onMessage: (m) => playerCore.handle(m),
    onUnauthorized: opts.onRevoked,
    onConnectFailed(failures) {
      if (failures !== 1 && failures % 5 !== 0) return;
      void fetchIdentity(token).then((r) => r === 'revoked' && opts.onRevoked());
    },
  });
  send = connection.send;
  const [timeline, alerts] = await Promise.all([kvGet<DeviceTimeline>(db, 'timeline'), kvGet<AlertMessage[]>(db, 'alerts')]);
  // A timeline stored for another device (the PC was re-paired) is not ours to play.
  playerCore.start(timeline && timeline.deviceId === opts.deviceId ? timeline : null, alerts ?? []);
  connection.start();
  // Reload command, power button, crash of the tab: record the play in progress as interrupted (best effort).
  const onPageHide = () => playerCore.stop();
  addEventListener('pagehide', onPageHide);
  return {
    core: playerCore,
    urls,
    live: kind === 'speaker' ? createLiveSource({ location, token }) : null,
    kind,
    clock,
    label: name || `#${opts.deviceId}`,
    newId: () => uuidV4(),
    stop() {
      removeEventListener('pagehide', onPageHide);
      connection.stop();
      playerCore.stop();
    },
  };
}
