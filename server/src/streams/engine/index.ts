// The zone stream engine: one encoder per enabled stream zone, started with the server and following
// 'stream-zone.changed'; each plays its zone's compiled programme by the wall clock, cut into at once by the
// alerts that reach the zone. It is the ZoneAudioSource the listener side serves from.
import path from 'node:path';
import type { Db } from '../../db/sqlite';
import type { IcecastTarget } from '../../config';
import type { Logger } from '../../log';
import type { AlertMessage } from '@bantin/protocol';
import { whatPlaysAt } from '@bantin/protocol/core';
import { ZoneCalendar, parseClock } from '../../domain/schedule/zone';
import { pathForSha } from '../../media/store/content-store';
import { alertRepo, type AlertTarget } from '../../repos/alert-repo';
import { streamZoneRepo, type StreamZoneRow } from '../../repos/stream-zone-repo';
import type { ClockWindow } from '../../repos/json-column';
import { toAlertMessage } from '../../services/alerts/alert-service';
import type { EventBus } from '../../services/event-bus';
import type { ZoneTimelineService } from '../../services/streams/zone-timeline-service';
import type { ZoneAudioSource } from '../source';
import { createPcmCache, type PcmFormat } from './pcm-cache';
import { slotAt, type ZoneAlert } from './program';
import { SAMPLE_RATE, startZoneStream, type ZoneSettings, type ZoneStream } from './zone-stream';

/** Files the next minutes of a zone need are decoded ahead, checked this often. */
const PREFETCH_EVERY_MS = 2000;
const PREFETCH_AHEAD_MS = 10 * 60_000;

export type StreamEngineDeps = {
  db: Db;
  bus: EventBus;
  clock: () => number;
  tz: string;
  dataDir: string;
  ffmpeg: string;
  icecast: IcecastTarget | null;
  zoneTimelines: ZoneTimelineService;
  /** The attention tone played before every alert round (hiệu lệnh chú ý). */
  attentionTone: { sha: string; file: string };
  onEncoderRestart?: (slug: string) => void;
  /** The decoded audio of a relay on air (the relay engine), read by the zones that play it. */
  relayPcm?: (feed: string) => { read(reader: string, out: Buffer, channels: number): number } | null;
  log?: Logger;
};

/** A running zone; `on.alert` is the alert it plays now (read by its feeder on every chunk). */
type Running = { stream: ZoneStream; row: StreamZoneRow; on: { alert: ZoneAlert | null }; timer: NodeJS.Timeout };

const sameEncoding = (a: StreamZoneRow, b: StreamZoneRow) =>
  a.slug === b.slug && a.bitrate_kbps === b.bitrate_kbps && a.channels === b.channels && a.name === b.name && a.enabled === b.enabled;

export function createStreamEngine(deps: StreamEngineDeps) {
  const cal = new ZoneCalendar(deps.tz);
  const pcm = createPcmCache({
    dir: path.join(deps.dataDir, 'streams', '.pcm'),
    ffmpeg: deps.ffmpeg,
    onError: (sha, err) => deps.log?.warn('stream zone could not decode a file', { sha, err }),
  });
  const zones = new Map<number, Running>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Starts and stops run one at a time, in the order the changes came. */
  const serial = (fn: () => Promise<void>) => (queue = queue.then(fn, fn).catch((err: unknown) => deps.log?.error('stream zone change failed', { err })));
  let closed = false;

  const inWindow = (w: ClockWindow | null, t: number) => {
    if (!w) return false;
    const local = t + cal.offsetAt(t);
    const min = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
    const start = parseClock(w.start) ?? 0;
    const end = parseClock(w.end) ?? 0;
    return start <= end ? min >= start && min < end : min >= start || min < end;
  };

  const ensure = (sha: string, f: PcmFormat) => pcm.ensure(sha, pathForSha(deps.dataDir, sha), f);
  const prefetch = (r: Running) => {
    const f = r.stream.format;
    if (r.on.alert?.sha) void ensure(r.on.alert.sha, f);
    const tl = deps.zoneTimelines.current(r.row.group_id);
    if (!tl) return;
    const now = deps.clock();
    for (let t = now, n = 0; t < now + PREFETCH_AHEAD_MS && n < 50; n++) {
      const p = whatPlaysAt(tl, t);
      if (p.item && p.item.kind !== 'text' && p.item.kind !== 'image' && !p.item.live) void ensure(p.item.sha256, f);
      if (p.nextChangeAt === null || p.nextChangeAt <= t) break;
      t = p.nextChangeAt;
    }
  };

  const reaches = (r: Running, target: AlertTarget | undefined, deviceIds: readonly number[]) => {
    const members = deps.zoneTimelines.members(r.row.group_id);
    if (deviceIds.some((d) => members.has(d))) return true;
    return !!target && (target.all || target.kinds.includes('speaker') || target.groupIds.includes(r.row.group_id));
  };
  const toZoneAlert = (m: AlertMessage, startedAt: number): ZoneAlert => ({
    id: m.id,
    title: `CẢNH BÁO KHẨN CẤP: ${m.text}`,
    startedAt,
    repeatEveryMs: m.repeatEveryMs,
    expiresAt: m.expiresAt,
    sha: (m.audio ?? m.speech)?.sha256 ?? null,
  });
  /** An alert starts (or its sound changes): a new round begins right where the feeder is. */
  const applyAlert = (r: Running, m: AlertMessage) => {
    if (m.action === 'cancel') {
      if (r.on.alert?.id === m.id) r.on.alert = null;
      return;
    }
    const next = toZoneAlert(m, r.stream.position());
    if (r.on.alert?.id === m.id && r.on.alert.sha === next.sha) {
      r.on.alert = { ...r.on.alert, repeatEveryMs: next.repeatEveryMs, expiresAt: next.expiresAt, title: next.title };
      return;
    }
    if (next.sha) void ensure(next.sha, r.stream.format);
    r.on.alert = next;
  };

  const startZone = async (row: StreamZoneRow) => {
    await deps.zoneTimelines.timeline(row.group_id);
    const settings: ZoneSettings = { groupId: row.group_id, slug: row.slug, name: row.name, bitrateKbps: row.bitrate_kbps, channels: row.channels, volume: row.volume };
    const format: PcmFormat = { rate: SAMPLE_RATE, channels: row.channels };
    await pcm.ensure(deps.attentionTone.sha, deps.attentionTone.file, format);
    const on: Running['on'] = { alert: null };
    const stream = startZoneStream({
      zone: settings,
      ffmpeg: deps.ffmpeg,
      hlsDir: path.join(deps.dataDir, 'streams', row.slug),
      clock: deps.clock,
      pcm,
      icecast: deps.icecast,
      log: deps.log,
      onRestart: () => deps.onEncoderRestart?.(row.slug),
      onAsRun: (span) => void deps.bus.emit('stream.as-run', span),
      relayPcm: deps.relayPcm,
      slotAt: (t, f) => {
        const tone = pcm.durationMs(deps.attentionTone.sha, f);
        return slotAt(
          {
            timeline: deps.zoneTimelines.current(row.group_id),
            alert: on.alert,
            tone: tone ? { sha: deps.attentionTone.sha, durationMs: tone } : null,
            durationOf: (sha) => pcm.durationMs(sha, f),
            titleOf: (id) => deps.zoneTimelines.title(id),
            inQuietHours: (at) => inWindow(row.quiet_hours, at),
          },
          t,
        );
      },
    });
    const timer = setInterval(() => {
      prefetch(running);
      void deps.zoneTimelines.timeline(row.group_id);
    }, PREFETCH_EVERY_MS);
    const running: Running = { stream, row, on, timer };
    zones.set(row.group_id, running);
    // Alerts already on when the zone starts play from their own start, as they would have.
    const now = deps.clock();
    for (const a of await alertRepo.listActive(deps.db, now)) {
      if (reaches(running, a.target, a.target.deviceIds)) on.alert = toZoneAlert(toAlertMessage(a, 'start'), a.starts_at);
    }
    prefetch(running);
  };
  const stopZone = async (groupId: number) => {
    const r = zones.get(groupId);
    if (!r) return;
    zones.delete(groupId);
    clearInterval(r.timer);
    await r.stream.stop();
  };

  const reconcile = async (groupId: number) => {
    if (closed) return;
    const row = await streamZoneRepo.findByGroup(deps.db, groupId);
    const r = zones.get(groupId);
    if (r && row && sameEncoding(r.row, row) && row.enabled) {
      r.row = row;
      r.stream.setVolume(row.volume);
      return;
    }
    await stopZone(groupId);
    if (row?.enabled) await startZone(row);
  };

  deps.bus.on('stream-zone.changed', ({ groupId }) => serial(() => reconcile(groupId)));
  deps.bus.on('alert.changed', async ({ message, deviceIds }) => {
    if (zones.size === 0) return;
    const target = (await alertRepo.findById(deps.db, Number(message.id)))?.target;
    for (const r of zones.values()) if (reaches(r, target, deviceIds)) applyAlert(r, message);
  });

  const source: ZoneAudioSource = {
    subscribe: (zoneId, sink) => zones.get(zoneId)?.stream.subscribe(sink) ?? null,
    nowPlaying: (zoneId) => zones.get(zoneId)?.stream.nowPlaying() ?? '',
    format: (zoneId) => {
      const r = zones.get(zoneId);
      return r ? { bitrateKbps: r.row.bitrate_kbps, channels: r.row.channels } : null;
    },
    hlsFile: (zoneId, name) => zones.get(zoneId)?.stream.hlsFile(name) ?? null,
  };

  return {
    ...source,
    /** Starts the encoders of every enabled zone. */
    start: () =>
      serial(async () => {
        for (const row of await streamZoneRepo.list(deps.db)) if (row.enabled && !zones.has(row.group_id)) await startZone(row);
      }),
    /** Resolves when queued starts and stops are done. */
    settled: () => serial(async () => undefined),
    /** Process ids of the running encoders and relays (tests). */
    pids: () => [...zones.values()].flatMap((r) => r.stream.pids()),
    running: (zoneId: number) => zones.has(zoneId),
    /** Stops every encoder and waits for the processes to exit. */
    async close() {
      closed = true;
      await queue;
      await Promise.all([...zones.keys()].map(stopZone));
      pcm.close();
    },
  };
}
export type StreamEngine = ReturnType<typeof createStreamEngine>;
