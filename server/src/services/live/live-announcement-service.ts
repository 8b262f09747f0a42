// Live announcements (phát trực tiếp): an announcer speaks from the dashboard to loudspeaker groups and their
// stream zones. One announcement per target at once (a second announcer is told who is on air); it goes out at
// class priority (quiet hours kept) or emergency (alert issuers only). Each is recorded exactly as it went out
// (the attention tone and the voice, as MP3 in the content store) and audited: who spoke, to whom, when, how
// long. Nothing hangs on air: stopping, a dropped announcer, the longest allowed duration or a failed encoder
// all end it the same way, and a crash leaves a row that the next start closes with what was recorded.
import fs from 'node:fs/promises';
import path from 'node:path';
import { can, type Role } from '@bantin/protocol/core';
import type { Db } from '../../db/sqlite';
import type { Logger } from '../../log';
import { deviceRepo } from '../../repos/device-repo';
import { groupRepo } from '../../repos/group-repo';
import { liveAnnouncementRepo, type LiveAnnouncementRow, type LiveEndReason } from '../../repos/live-announcement-repo';
import { streamZoneRepo } from '../../repos/stream-zone-repo';
import type { LiveHub } from '../../streams/live/live-hub';
import { startBroadcast, type Broadcast } from '../../streams/announce/live-broadcast';
import type { RelayPcm } from '../../streams/relay/relay-pcm';
import type { AuditService } from '../accounts/audit-service';
import type { MediaService } from '../content/media-service';
import { AppError } from '../app-error';
import { ZoneCalendar } from '../../domain/schedule/zone';
import { dateRange } from '../../reports/period';
import { announcementFeedId, type AnnouncementAir } from './announcement-air';

export type LiveClass = 'priority' | 'emergency';
export type LiveStartRequest = { groupIds: number[]; class: LiveClass; title?: string };
export type LiveActor = { id: number; name: string; roles: readonly Role[] };
export type LiveEnd = { id: number; reason: LiveEndReason; durationMs: number; recording: { sha256: string; durationMs: number } | null };

const MAX_GROUPS = 100;
/** The log's default reach. */
const LOG_DAYS = 7;
const MAX_TITLE = 200;

export type LiveAnnouncementView = {
  id: number;
  class: LiveClass;
  title: string;
  speaker: { id: number; name: string };
  groups: { id: number; name: string; zone: boolean }[];
  startedAt: string;
  onAirAt: string | null;
  endedAt: string | null;
  endReason: LiveEndReason | null;
  durationMs: number | null;
  speakers: number;
  zones: number;
  onAir: boolean;
  recording: { sha256: string; url: string; size: number; mime: 'audio/mpeg' } | null;
};

export type LiveTargetView = { id: number; name: string; speakers: number; zone: boolean; busy: { by: string; since: string } | null };

type Session = {
  id: number;
  actor: LiveActor;
  groupIds: number[];
  groupNames: string[];
  speakerIds: number[];
  zoneIds: number[];
  class: LiveClass;
  title: string;
  startedAt: number;
  broadcast: Broadcast;
  maxTimer: NodeJS.Timeout;
  ending: Promise<LiveEnd> | null;
  endListeners: ((e: LiveEnd) => void)[];
};

/** What the announce socket holds while an announcement is on: its audio in, its phases, its end. */
export type LiveSession = {
  id: number;
  feed: string;
  speakerIds: readonly number[];
  zones: number;
  mic: (chunk: Buffer) => void;
  lastMicAt: () => number;
  /** The attention tone, at real-time pace. */
  tone: () => Promise<void>;
  /** The voice is on air from now. */
  voiceOn: () => Promise<void>;
  stop: (reason: LiveEndReason) => Promise<LiveEnd>;
  onEnd: (fn: (e: LiveEnd) => void) => void;
};

export function createLiveAnnouncementService(deps: {
  db: Db;
  clock: () => number;
  tz: string;
  audit: AuditService;
  media: Pick<MediaService, 'storeGenerated'>;
  air: AnnouncementAir;
  hub: Pick<LiveHub, 'publish'>;
  /** Where the zones' feeders find a live feed's PCM. */
  pcmFeeds: Map<string, RelayPcm>;
  ffmpeg: string;
  /** The attention tone as the broadcast's PCM (decoded once, on first use). */
  tone: () => Promise<Buffer>;
  dataDir: string;
  maxMs: number;
  log?: Logger;
}) {
  const sessions = new Map<number, Session>();
  const dir = path.join(deps.dataDir, 'live');
  const fileOf = (id: number) => path.join(dir, `${id}.mp3`);
  const cal = new ZoneCalendar(deps.tz);
  const timeOf = new Intl.DateTimeFormat('vi-VN', { timeZone: deps.tz, hour: '2-digit', minute: '2-digit', hour12: false });
  let starting: Promise<unknown> = Promise.resolve();

  /** Groups (live ones), which devices are speakers, the zones: what a request names. */
  async function resolve(groupIds: number[]) {
    const [groups, members, devices, zones] = await Promise.all([
      groupRepo.list(deps.db),
      deviceRepo.memberships(deps.db),
      deviceRepo.listActive(deps.db),
      streamZoneRepo.list(deps.db),
    ]);
    const speakers = new Set(devices.filter((d) => d.kind === 'speaker').map((d) => d.id));
    const byId = new Map(groups.map((g) => [g.id, g]));
    const missing = groupIds.find((g) => !byId.has(g));
    if (missing !== undefined) throw new AppError(404, 'live_group_not_found', { id: missing });
    const chosen = new Set(groupIds);
    const speakerIds = [...new Set(members.filter((m) => chosen.has(m.group_id) && speakers.has(m.device_id)).map((m) => m.device_id))].sort((a, b) => a - b);
    const zoneIds = zones.filter((z) => z.enabled && chosen.has(z.group_id)).map((z) => z.group_id);
    return { speakerIds, zoneIds, names: groupIds.map((g) => byId.get(g)!.name), groups, members, speakers, zones };
  }

  /** The announcement on air that shares a target with these, if any. */
  const clash = (speakerIds: number[], groupIds: number[]) => {
    const sp = new Set(speakerIds);
    const gs = new Set(groupIds);
    for (const s of sessions.values()) if (s.ending === null && (s.speakerIds.some((d) => sp.has(d)) || s.groupIds.some((g) => gs.has(g)))) return s;
    return null;
  };

  const validate = (req: unknown): LiveStartRequest => {
    const r = req as Partial<LiveStartRequest> | null;
    const bad = (details: string) => new AppError(400, 'live_bad_request', { details });
    if (!r || typeof r !== 'object') throw bad('start');
    if (!Array.isArray(r.groupIds) || r.groupIds.length === 0 || r.groupIds.length > MAX_GROUPS) throw bad(`groupIds: 1–${MAX_GROUPS}`);
    if (!r.groupIds.every((g) => Number.isSafeInteger(g) && g > 0)) throw bad('groupIds');
    if (r.class !== 'priority' && r.class !== 'emergency') throw bad('class: priority | emergency');
    if (r.title !== undefined && (typeof r.title !== 'string' || r.title.length > MAX_TITLE)) throw bad(`title ≤ ${MAX_TITLE}`);
    return { groupIds: [...new Set(r.groupIds)], class: r.class, title: (r.title ?? '').trim() };
  };

  /** One start at a time: two announcers asking at once for one group cannot both pass the busy check. */
  function begin(actor: LiveActor, raw: unknown): Promise<LiveSession> {
    const run = starting.then(() => beginNow(actor, raw));
    starting = run.catch(() => undefined);
    return run;
  }

  async function beginNow(actor: LiveActor, raw: unknown): Promise<LiveSession> {
    const req = validate(raw);
    if (!can(actor.roles, 'live.announce')) throw new AppError(403, 'forbidden');
    if (req.class === 'emergency' && !can(actor.roles, 'alerts.issue')) throw new AppError(403, 'live_emergency_forbidden');
    const { speakerIds, zoneIds, names } = await resolve(req.groupIds);
    if (speakerIds.length + zoneIds.length === 0) throw new AppError(400, 'live_no_targets');
    const busy = clash(speakerIds, req.groupIds);
    if (busy) {
      const since = timeOf.format(busy.startedAt);
      throw new AppError(409, 'live_busy', { by: busy.actor.name, groups: busy.groupNames.join(', '), since }, {
        onAir: { by: busy.actor.name, groups: busy.groupNames, since: new Date(busy.startedAt).toISOString() },
      });
    }
    const now = deps.clock();
    const title = req.title || `Phát trực tiếp: ${actor.name}`;
    const id = await deps.db.transaction(async (tx) => {
      const id = await liveAnnouncementRepo.insert(tx, { userId: actor.id, class: req.class, groupIds: req.groupIds, title: req.title ?? '', at: now, speakers: speakerIds.length, zones: zoneIds.length });
      await deps.audit.append(tx, actor, {
        action: 'live.start',
        target: `live:${id}`,
        summary: { class: req.class, groupIds: req.groupIds, groups: names, speakers: speakerIds.length, zones: zoneIds.length },
      });
      return id;
    });
    await fs.mkdir(dir, { recursive: true });
    const feed = announcementFeedId(id);
    let failed: ((why: string) => void) | null = null;
    const broadcast = startBroadcast({
      ffmpeg: deps.ffmpeg,
      hub: deps.hub,
      feed,
      title,
      recordingFile: fileOf(id),
      clock: deps.clock,
      log: deps.log,
      onFailure: (why) => failed?.(why),
    });
    const s: Session = {
      id,
      actor,
      groupIds: req.groupIds,
      groupNames: names,
      speakerIds,
      zoneIds,
      class: req.class,
      title,
      startedAt: now,
      broadcast,
      maxTimer: setTimeout(() => void stop(s, 'max_duration'), deps.maxMs),
      ending: null,
      endListeners: [],
    };
    s.maxTimer.unref();
    failed = (why) => {
      deps.log?.error('live announcement audio failed', { id, why });
      void stop(s, 'failed');
    };
    sessions.set(id, s);
    deps.pcmFeeds.set(feed, broadcast.pcm);
    await deps.air.put({ id, groupIds: req.groupIds, class: req.class, title, from: now, to: now + deps.maxMs, deviceIds: speakerIds });
    deps.log?.info('live announcement on', { id, by: actor.name, groups: names, class: req.class, speakers: speakerIds.length, zones: zoneIds.length });
    return {
      id,
      feed,
      speakerIds,
      zones: zoneIds.length,
      mic: (chunk) => broadcast.mic(chunk),
      lastMicAt: () => broadcast.lastMicAt(),
      tone: async () => broadcast.tone(await deps.tone()),
      voiceOn: async () => {
        broadcast.voiceOn();
        await liveAnnouncementRepo.markOnAir(deps.db, id, deps.clock());
      },
      stop: (reason) => stop(s, reason),
      onEnd: (fn) => void s.endListeners.push(fn),
    };
  }

  /** Ends an announcement (once, whoever asks first): off the timelines, the feed ended, the recording stored. */
  function stop(s: Session, reason: LiveEndReason): Promise<LiveEnd> {
    if (s.ending) return s.ending;
    s.ending = (async () => {
      const endedAt = deps.clock();
      clearTimeout(s.maxTimer);
      // Off the loudspeakers' timelines first: the programme resumes; the last of the audio still goes out.
      await deps.air.remove(s.id).catch((err: unknown) => deps.log?.error('live announcement off air failed', { id: s.id, err }));
      const result = await s.broadcast.end();
      deps.pcmFeeds.delete(announcementFeedId(s.id));
      const recording = await storeRecording(s.id, result.file, result.durationMs);
      await deps.db.transaction(async (tx) => {
        await liveAnnouncementRepo.end(tx, s.id, { at: endedAt, reason, recordingSha256: recording?.sha256 ?? null });
        await deps.audit.append(tx, s.actor, {
          action: 'live.announce',
          target: `live:${s.id}`,
          summary: {
            class: s.class,
            groupIds: s.groupIds,
            groups: s.groupNames,
            startedAt: new Date(s.startedAt).toISOString(),
            endedAt: new Date(endedAt).toISOString(),
            durationMs: endedAt - s.startedAt,
            reason,
            recording: recording?.sha256 ?? null,
          },
        });
      });
      sessions.delete(s.id);
      const end: LiveEnd = { id: s.id, reason, durationMs: endedAt - s.startedAt, recording };
      deps.log?.info('live announcement ended', { id: s.id, reason, durationMs: end.durationMs, recording: recording?.sha256 });
      for (const fn of s.endListeners) fn(end);
      return end;
    })();
    return s.ending;
  }

  /** The MP3 as it went out into the content store (sha256); the file on disk goes once it is stored. */
  async function storeRecording(id: number, file: string, durationMs: number) {
    try {
      const bytes = await fs.readFile(file);
      if (bytes.length === 0) {
        await fs.rm(file, { force: true });
        return null;
      }
      const sha256 = await deps.media.storeGenerated(bytes, { mime: 'audio/mpeg', kind: 'audio', durationMs, name: `phat-truc-tiep-${id}.mp3` });
      await fs.rm(file, { force: true });
      return { sha256, durationMs };
    } catch (err) {
      // Kept on disk for the next start to store again.
      deps.log?.error('live recording not stored', { id, file, err });
      return null;
    }
  }

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  return {
    begin,

    /** Groups an announcer may pick, with their loudspeakers, zone and who is on air to them now. */
    async targets(): Promise<LiveTargetView[]> {
      const { groups, members, speakers, zones } = await resolve([]);
      const zoneIds = new Set(zones.filter((z) => z.enabled).map((z) => z.group_id));
      return groups.map((g) => {
        const sp = [...new Set(members.filter((m) => m.group_id === g.id && speakers.has(m.device_id)).map((m) => m.device_id))];
        const busy = clash(sp, [g.id]);
        return {
          id: g.id,
          name: g.name,
          speakers: sp.length,
          zone: zoneIds.has(g.id),
          busy: busy ? { by: busy.actor.name, since: new Date(busy.startedAt).toISOString() } : null,
        };
      });
    },

    /**
     * The log between two local dates (YYYY-MM-DD, both included) or ISO instants; by default the last 7 days.
     */
    async log(from?: string, to?: string): Promise<LiveAnnouncementView[]> {
      const now = deps.clock();
      const day = (v: string, end: boolean) => {
        const r = /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateRange(cal, v, v) : null;
        if (r) return end ? r.to : r.from;
        const t = Date.parse(v);
        if (!Number.isFinite(t) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) throw new AppError(400, 'live_bad_request', { details: `${end ? 'to' : 'from'}: YYYY-MM-DD` });
        return t;
      };
      const a = from ? day(from, false) : now - LOG_DAYS * 86_400_000;
      const b = to ? day(to, true) : now + 1;
      if (!(b > a)) throw new AppError(400, 'live_bad_request', { details: 'to < from' });
      return this.list(a, b);
    },

    async list(from: number, to: number): Promise<LiveAnnouncementView[]> {
      const [rows, groups, zones] = await Promise.all([liveAnnouncementRepo.inRange(deps.db, from, to), liveAnnouncementRepo.groupNames(deps.db), streamZoneRepo.list(deps.db)]);
      const names = new Map(groups.map((g) => [g.id, g.name]));
      const zoneIds = new Set(zones.map((z) => z.group_id));
      return rows.map((r) => toView(r, names, zoneIds));
    },

    /** At start: announcements a crash left on air are closed, with what they had recorded. */
    async recover() {
      for (const r of await liveAnnouncementRepo.unfinished(deps.db)) {
        if (sessions.has(r.id)) continue;
        const file = fileOf(r.id);
        const st = await fs.stat(file).catch(() => null);
        // The recording's last write is when it was last on air (the best end there is).
        const endedAt = Math.max(r.started_at, r.on_air_at ?? r.started_at, st ? Math.round(st.mtimeMs) : 0);
        const recording = st && st.size > 0 ? await storeRecording(r.id, file, endedAt - (r.on_air_at ?? r.started_at)) : null;
        await deps.db.transaction(async (tx) => {
          await liveAnnouncementRepo.end(tx, r.id, { at: endedAt, reason: 'server_stopped', recordingSha256: recording?.sha256 ?? null });
          await deps.audit.append(tx, { id: r.user_id, name: r.speaker_name }, {
            action: 'live.announce',
            target: `live:${r.id}`,
            summary: { class: r.class, groupIds: JSON.parse(r.group_ids) as number[], startedAt: iso(r.started_at), endedAt: null, reason: 'server_stopped', recording: recording?.sha256 ?? null },
          });
        });
        deps.log?.warn('live announcement left on air by a stop, closed', { id: r.id, recording: recording?.sha256 });
      }
    },

    /** Shutdown: every announcement ends as a server stop. */
    async close() {
      await Promise.all([...sessions.values()].map((s) => stop(s, 'server_stopped').catch(() => undefined)));
    },
  };

  function toView(r: LiveAnnouncementRow, names: Map<number, string>, zoneIds: Set<number>): LiveAnnouncementView {
    const ids = JSON.parse(r.group_ids) as number[];
    return {
      id: r.id,
      class: r.class,
      title: r.title,
      speaker: { id: r.user_id, name: r.speaker_name },
      groups: ids.map((id) => ({ id, name: names.get(id) ?? `#${id}`, zone: zoneIds.has(id) })),
      startedAt: iso(r.started_at)!,
      onAirAt: iso(r.on_air_at),
      endedAt: iso(r.ended_at),
      endReason: r.end_reason,
      durationMs: r.duration_ms,
      speakers: r.speakers,
      zones: r.zones,
      onAir: r.ended_at === null,
      recording: r.recording_sha256
        ? { sha256: r.recording_sha256, url: `/api/media/${r.recording_sha256}`, size: r.recording_size ?? 0, mime: 'audio/mpeg' }
        : null,
    };
  }
}
export type LiveAnnouncementService = ReturnType<typeof createLiveAnnouncementService>;
