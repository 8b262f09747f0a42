// The timeline service: loads compile inputs from SQLite, runs the pure compiler over the horizon
// [start of today, + horizonDays + 1 day) in BANTIN_TZ, stores each device's timeline with its version (the
// shared JSON once per distinct version, see migration 0006), and recompiles only the devices a change can affect.
// It hears the changes other services announce on the event bus, and emits `timeline.changed` only when a
// device's version changed, so devices whose timeline stayed the same are not disturbed.
//
// The window starts at local midnight (not at `now`) so that recompiling later the same day with unchanged
// inputs yields the same segments and the same version; the daily horizon job moves it forward.
import type { Db } from '../../db/sqlite';
import type { Logger } from '../../log';
import {
  affectedDevices,
  targetsDevice,
  compileDevice,
  createCompileCache,
  type Change,
  type CompileOptions,
  type DeviceInput,
  type TargetInput,
} from '../../domain/schedule/index';
import { compileQuiz } from '../../domain/schedule/quiz';
import {
  versionWithLayout,
  versionWithQuiz,
  whatPlaysAt,
  type DeviceLayout,
  type DeviceTimeline,
  type MediaRef,
  type PlayingNow,
  type QuizQuestion,
  type TimelineItem,
} from '../../domain/schedule/protocol';
import { timelineBody, type SharedPart } from '../../repos/timeline-body';
import { DAY_MS, HOUR_MS, ZoneCalendar } from '../../domain/schedule/zone';
import { deviceRepo } from '../../repos/device-repo';
import { timelineRepo } from '../../repos/timeline-repo';
import { AppError } from '../app-error';
import type { EventBus, StoredTarget } from '../event-bus';
import { findConflicts, type Conflict } from './timeline-conflicts';
import { loadCompileInputs, toTargetInput, type AirState, type LoadedInputs } from './timeline-input';
import type { AnnouncementInput } from '../../domain/schedule/index';

/** What changed, as the other services say it; mapped to the devices it may affect. */
export type TimelineChange =
  | { type: 'device'; deviceId: number }
  | { type: 'devices'; deviceIds: number[] }
  | { type: 'schedule'; scheduleId: number; beforeTarget?: StoredTarget }
  | { type: 'content'; contentId: number }
  | { type: 'playlist'; playlistId: number }
  | { type: 'alert'; alertId: number; beforeTarget?: StoredTarget; deviceIds?: number[] };

export type RecompileResult = { compiled: number; changed: number[] };

export const MAX_PREVIEW_MS = 31 * DAY_MS;
/** Parsed timeline blobs kept in memory (distinct versions: a ward has a handful per device kind and group). */
const SHARED_CACHE_SIZE = 64;
/**
 * The recompile after an alert change waits a moment: connected devices already have the alert.v1, and
 * compiling thousands of timelines at once would otherwise compete for the CPU with delivering it.
 */
const ALERT_RECOMPILE_DELAY_MS = 250;

/** A kiosk's timeline with its quiz questions; the version then covers them (devices without questions keep theirs). */
/** What devices on one version share: segments, media and (kiosks) quiz questions. */
const sharedOf = (p: SharedPart): SharedPart => {
  const out: SharedPart = { segments: p.segments, media: p.media };
  if (p.quiz) out.quiz = p.quiz;
  if (p.ticker) out.ticker = p.ticker;
  if (p.layout) out.layout = p.layout;
  if (p.awake) out.awake = p.awake;
  return out;
};

const withQuiz = (tl: DeviceTimeline, quiz: QuizQuestion[]): DeviceTimeline =>
  quiz.length === 0 ? tl : { ...tl, quiz, version: versionWithQuiz(tl.version, quiz) };

/**
 * A screen's timeline with its approved layout: the layout version, the clock's zone and, for each banner or
 * image region, the approved version of the content it names (a text or an image; anything else, or a content
 * with no approved version valid now, leaves the region empty). Its media join the manifest; the version covers it all.
 */
function withLayout(tl: DeviceTimeline, inputs: LoadedInputs, deviceId: string, tz: string, now: number): DeviceTimeline {
  const l = inputs.layouts.get(deviceId);
  if (!l) return tl;
  const content: Record<string, TimelineItem> = {};
  const media = new Map<string, MediaRef>(tl.media.map((m) => [m.sha256, m]));
  for (const r of l.body.regions) {
    if ((r.kind !== 'banner' && r.kind !== 'image') || r.contentId === undefined) continue;
    const v = inputs.base.contents.find((c) => c.contentId === String(r.contentId) && c.state === 'approved');
    if (!v || (v.validFrom !== null && v.validFrom > now) || (v.validTo !== null && v.validTo <= now) || v.isAd) continue;
    if (!(v.kind === 'image' || (r.kind === 'banner' && v.kind === 'text'))) continue;
    const item: TimelineItem = {
      id: `region:${r.id}:${v.versionId}`,
      contentId: v.contentId,
      versionId: v.versionId,
      sha256: v.sha256,
      kind: v.kind,
      durationMs: v.durationMs,
      reason: { scheduleId: null, rule: `layout: vùng ${r.id} / region ${r.id}` },
    };
    if (v.text) item.text = v.text;
    content[r.id] = item;
    for (const m of v.media) media.set(m.sha256, m);
  }
  const layout: DeviceLayout = { id: String(l.layoutId), versionId: String(l.versionId), tz, body: l.body, content };
  const sorted = [...media.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  return { ...tl, layout, media: sorted, version: versionWithLayout(tl.version, undefined, layout) };
}

export type TimelineServiceDeps = {
  db: Db;
  clock: () => number;
  tz: string;
  horizonDays: number;
  bus: EventBus;
  log?: Logger;
  /** Relay entries in dead air now (services/relays/relay-air.ts): their windows play the fallback. */
  offAir?: () => ReadonlySet<number>;
  /** Live announcements on air now (services/live/announcement-air.ts). */
  announcements?: () => readonly AnnouncementInput[];
};

export function createTimelineService(deps: TimelineServiceDeps) {
  const cal = new ZoneCalendar(deps.tz);
  const air = (): AirState => ({ offAir: deps.offAir?.(), announcements: deps.announcements?.() });
  let queue: Promise<unknown> = Promise.resolve();
  /** Recompiles run one at a time, so an older result never overwrites a newer one. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const horizon = (now: number): CompileOptions => {
    const day = cal.dayOf(now);
    return { from: cal.toEpoch(day, 0), to: cal.toEpoch(day + deps.horizonDays + 1, 0), tz: deps.tz };
  };

  /** Device kinds by id, once per loaded inputs (a find() per device made a 10,000-device recompile quadratic). */
  const kinds = new WeakMap<LoadedInputs, Map<string, DeviceInput>>();
  const deviceOf = (inputs: LoadedInputs, id: string) => {
    let m = kinds.get(inputs);
    if (!m) kinds.set(inputs, (m = new Map(inputs.base.devices.map((d) => [d.id, d]))));
    return m.get(id);
  };
  const kindOf = (inputs: LoadedInputs, id: string) => deviceOf(inputs, id)?.kind;

  const compileOne = (inputs: LoadedInputs, id: string, opts: CompileOptions, cache = createCompileCache()): DeviceTimeline | null => {
    const kind = kindOf(inputs, id);
    if (!kind) return null;
    const compiled = compileDevice(inputs.byAudience[kind === 'speaker' ? 'speaker' : 'screen'], id, opts, cache);
    if (!compiled || kind === 'speaker') return compiled;
    const tl = withLayout(compiled, inputs, id, deps.tz, deps.clock());
    if (kind !== 'kiosk') return tl;
    return withQuiz(tl, compileQuiz(deviceOf(inputs, id)!, inputs.quiz.schedules, inputs.quiz.versions, opts));
  };

  /** Parsed blobs of recent versions: a connect storm of thousands of devices on one version parses it once. */
  const shared = new Map<string, SharedPart>();
  const remember = (version: string, part: SharedPart) => {
    shared.delete(version);
    shared.set(version, part);
    if (shared.size > SHARED_CACHE_SIZE) shared.delete(shared.keys().next().value!);
    return part;
  };
  const sharedPart = async (version: string): Promise<SharedPart | null> => {
    const hit = shared.get(version);
    if (hit) return remember(version, hit);
    const part = await timelineRepo.getSharedPart(deps.db, version);
    return part ? remember(version, part) : null;
  };

  /**
   * Compile the given devices and store those whose timeline changed or whose row is missing. Devices with
   * the same inputs share one compiled program (same segments, same version): its JSON is written once as a
   * blob, and each group of devices on one (version, window) is pointed at it by one statement, all in one
   * transaction.
   */
  const compileAndStore = async (inputs: LoadedInputs, ids: string[]): Promise<RecompileResult> => {
    const now = deps.clock();
    const opts = horizon(now);
    const cache = createCompileCache();
    const prev = new Map((await timelineRepo.listMeta(deps.db)).map((r) => [r.device_id, r]));
    const changed: { id: number; tl: DeviceTimeline }[] = [];
    const gone: number[] = [];
    const groups = new Map<string, { tl: DeviceTimeline; ids: number[] }>();
    for (const sid of ids) {
      const id = Number(sid);
      const tl = compileOne(inputs, sid, opts, cache);
      const old = prev.get(id);
      if (!tl) {
        if (old) gone.push(id);
        continue;
      }
      if (old && old.version === tl.version && old.from_ms === tl.from && old.to_ms === tl.to) continue;
      const key = `${tl.version}|${tl.from}|${tl.to}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { tl, ids: [] }));
      g.ids.push(id);
      if (!old || old.version !== tl.version) changed.push({ id, tl });
    }
    if (groups.size > 0 || gone.length > 0) {
      const bodies = new Map<string, string>();
      for (const { tl } of groups.values()) if (!bodies.has(tl.version)) bodies.set(tl.version, timelineBody(tl));
      await deps.db.transaction(async (tx) => {
        for (const [version, body] of bodies) await timelineRepo.insertBlob(tx, { version, body });
        for (const { tl, ids: deviceIds } of groups.values()) {
          await timelineRepo.assign(tx, { version: tl.version, from_ms: tl.from, to_ms: tl.to, compiled_at: now, deviceIds });
        }
        for (const id of gone) await timelineRepo.delete(tx, id);
        await timelineRepo.deleteUnusedBlobs(tx);
      });
      // The compiled arrays themselves: the hub then finds its cached frame for them when devices connect.
      for (const { tl } of groups.values()) remember(tl.version, sharedOf(tl));
    }
    for (const { id, tl } of changed) await deps.bus.emit('timeline.changed', { deviceId: id, version: tl.version, timeline: tl });
    return { compiled: ids.length, changed: changed.map((c) => c.id) };
  };

  const toChange = (c: TimelineChange, inputs: LoadedInputs): Change | string[] => {
    switch (c.type) {
      case 'device':
        return [String(c.deviceId)];
      case 'devices':
        return c.deviceIds.map(String);
      case 'content':
        return { type: 'content', contentId: String(c.contentId) };
      case 'playlist':
        return { type: 'playlist', playlistId: String(c.playlistId) };
      case 'schedule':
      case 'alert': {
        // The devices the entry reaches now plus those it reached before the edit.
        const id = String(c.type === 'schedule' ? c.scheduleId : c.alertId);
        const list: { id: string; target: TargetInput }[] = c.type === 'schedule' ? inputs.base.schedules : inputs.base.alerts;
        const targets = [list.find((x) => x.id === id)?.target, c.beforeTarget ? toTargetInput(c.beforeTarget) : undefined];
        const live = targets.filter((t): t is TargetInput => !!t);
        const reached = inputs.base.devices.filter((d) => live.some((t) => targetsDevice(t, d))).map((d) => d.id);
        // A cancelled or expired alert is no longer among the inputs: its audience says whose timelines held it.
        const audience = c.type === 'alert' ? (c.deviceIds ?? []).map(String) : [];
        return [...new Set([...reached, ...audience])];
      }
    }
  };

  const service = {
    horizon,

    /** Compile every device and drop timelines of deleted devices (start-up and the daily horizon job). */
    recompileAll: (): Promise<RecompileResult> =>
      serial(async () => {
        const inputs = await loadCompileInputs(deps.db, deps.clock(), air());
        await deps.db.transaction(async (tx) => {
          await timelineRepo.deleteOrphans(tx);
          await timelineRepo.deleteUnusedBlobs(tx);
        });
        return compileAndStore(inputs, inputs.base.devices.map((d) => d.id));
      }),

    /** Recompile only the devices `change` may affect. */
    recompileFor: (change: TimelineChange): Promise<RecompileResult> =>
      serial(async () => {
        const inputs = await loadCompileInputs(deps.db, deps.clock(), air());
        const mapped = toChange(change, inputs);
        const ids = Array.isArray(mapped) ? mapped : affectedDevices(mapped, inputs.base);
        // A content shown in a banner or image region reaches the screens whose layout names it.
        if (change.type === 'content') {
          for (const [deviceId, l] of inputs.layouts) if (l.body.regions.some((r) => r.contentId === change.contentId)) ids.push(deviceId);
        }
        return compileAndStore(inputs, [...new Set(ids)]);
      }),

    /** Waits until every queued recompile has finished (tests, shutdown). */
    settled: () => serial(async () => undefined),

    /** The stored timeline. Devices on one version share its arrays: treat the result as immutable. */
    async getTimeline(deviceId: number): Promise<DeviceTimeline | null> {
      const row = await timelineRepo.getMeta(deps.db, deviceId);
      const part = row && (await sharedPart(row.version));
      if (!row || !part) return null;
      return { deviceId: String(deviceId), from: row.from_ms, to: row.to_ms, version: row.version, ...sharedOf(part) };
    },

    async getMeta(deviceId: number) {
      const row = await timelineRepo.getMeta(deps.db, deviceId);
      return row ? { version: row.version, from: row.from_ms, to: row.to_ms, compiledAt: row.compiled_at } : null;
    },

    /** The "why is this playing" view: a fresh compile of one device over [from, to). */
    async preview(deviceId: number, from: number, to: number): Promise<DeviceTimeline> {
      if (!(to > from)) throw new AppError(400, 'timeline_range_invalid', { details: 'to ≤ from' });
      if (to - from > MAX_PREVIEW_MS) throw new AppError(400, 'timeline_range_invalid', { details: '> 31 days / ngày' });
      if (!(await deviceRepo.findById(deps.db, deviceId))) throw new AppError(404, 'device_not_found', { id: deviceId });
      const inputs = await loadCompileInputs(deps.db, Math.min(from, deps.clock()), air());
      const tl = compileOne(inputs, String(deviceId), { from, to, tz: deps.tz });
      if (!tl) throw new AppError(404, 'device_not_found', { id: deviceId });
      return tl;
    },

    /** What plays on a device at t: from its stored timeline when that covers t, else compiled for t's hour. */
    async at(deviceId: number, t: number): Promise<PlayingNow & { t: number; source: 'stored' | 'compiled' }> {
      const stored = await service.getTimeline(deviceId);
      if (stored && stored.from <= t && t < stored.to) {
        if (!(await deviceRepo.findById(deps.db, deviceId))) throw new AppError(404, 'device_not_found', { id: deviceId });
        return { t, source: 'stored', ...whatPlaysAt(stored, t) };
      }
      const from = Math.floor(t / HOUR_MS) * HOUR_MS;
      return { t, source: 'compiled', ...whatPlaysAt(await service.preview(deviceId, from, from + HOUR_MS), t) };
    },

    /** Conflicts over the current horizon (GET /api/schedules/conflicts). */
    async conflicts(): Promise<{ from: string; to: string; conflicts: Conflict[] }> {
      const now = deps.clock();
      const h = horizon(now);
      const list = await findConflicts({ db: deps.db, now, horizon: h, tz: deps.tz });
      return { from: new Date(h.from).toISOString(), to: new Date(h.to).toISOString(), conflicts: list };
    },
  };

  // What other services commit reaches devices through these; a failed recompile is logged by the bus and
  // never undoes the change (the daily horizon job repairs it).
  deps.bus.on('device.changed', ({ deviceId }) => service.recompileFor({ type: 'device', deviceId }));
  deps.bus.on('group.changed', ({ deviceIds }) => service.recompileFor({ type: 'devices', deviceIds }));
  deps.bus.on('playlist.changed', ({ playlistId }) => service.recompileFor({ type: 'playlist', playlistId }));
  deps.bus.on('schedule.changed', ({ scheduleId, beforeTarget }) => service.recompileFor({ type: 'schedule', scheduleId, beforeTarget }));
  // A relay source's approval or deletion changes what its relay entries play (rare: recompile all).
  deps.bus.on('relay-source.changed', async () => void (await service.recompileAll()));
  // A live announcement went on air or ended: its loudspeakers at once.
  deps.bus.on('live.changed', ({ deviceIds }) => service.recompileFor({ type: 'devices', deviceIds }));
  deps.bus.on('content.changed', ({ contentId }) => service.recompileFor({ type: 'content', contentId }));
  deps.bus.on('layout.changed', ({ deviceIds }) => service.recompileFor({ type: 'devices', deviceIds }));
  // The alerts table feeds the compiler too: devices that are offline now play the alert from their timeline
  // when they come back (and the speech file lands in their media manifest).
  deps.bus.on('alert.changed', ({ message, deviceIds }) => {
    const alertId = Number(message.id);
    const t = setTimeout(() => {
      service.recompileFor({ type: 'alert', alertId, deviceIds }).catch((err: unknown) => deps.log?.error('recompile after alert change failed', { err, alertId }));
    }, ALERT_RECOMPILE_DELAY_MS);
    t.unref();
  });
  return service;
}
export type TimelineService = ReturnType<typeof createTimelineService>;
