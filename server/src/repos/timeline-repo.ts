// SQL for compiled device timelines (one blob per distinct version, one small row per device pointing at it)
// and for the compiler's inputs that live in other areas' tables (approved content versions with their media
// files, active emergency alerts).
import type { DeviceTimeline } from '@bantin/protocol';
import type { Queryable } from '../db/sqlite';
import { decodeAlertTarget, type AlertTarget } from './alert-repo';
import { decodeJson, isRecord, isStringArray, CorruptRowError, type ClockWindow, type ColumnRef, type Shape } from './json-column';
import type { ContentKind, VersionRow } from './content-repo';
import { decodeDeviceColumns, type PowerOverride, type RawDeviceColumns } from './device-repo';
import { decodeStored, type SharedPart } from './timeline-body';

/** A device's timeline with its JSON assembled (the shape of `timeline.v1`'s timeline). */
export type TimelineRow = {
  device_id: number;
  version: string;
  from_ms: number;
  to_ms: number;
  timeline: string;
  compiled_at: number;
};
export type TimelineMetaRow = Omit<TimelineRow, 'timeline'>;
/** What the devices of one version share: the JSON object {"segments":[…],"media":[…]}. */
export type TimelineBlobRow = { version: string; body: string };
/** One (version, window) stored for many devices at once. */
export type TimelineAssignment = { version: string; from_ms: number; to_ms: number; compiled_at: number; deviceIds: number[] };

/** The playing (approved) version of a content item, joined with its main and speech media files. */
export type PlayableVersionRow = Pick<VersionRow, 'title' | 'body' | 'valid_from' | 'valid_to' | 'duration_ms'> & {
  content_id: number;
  content_kind: ContentKind;
  system: number;
  version_id: number;
  /** The version's fields; {} when the stored JSON is unreadable (the text slide then takes the default style). */
  fields: Record<string, unknown>;
  /** [] when the stored JSON is unreadable. */
  tags: string[];
  version_sha256: string;
  media_sha256: string | null;
  media_mime: string | null;
  media_size: number | null;
  media_kind: 'image' | 'video' | 'audio' | 'document' | null;
  media_duration_ms: number | null;
  speech_sha256: string | null;
  speech_mime: string | null;
  speech_size: number | null;
  speech_duration_ms: number | null;
};

/** The device columns the compiler reads (not the heartbeat status or tokens: a fraction of the bytes). */
export type CompileDeviceRow = {
  id: number;
  kind: 'led' | 'kiosk' | 'speaker';
  name: string;
  operating_hours: ClockWindow | null;
  quiet_hours: ClockWindow | null;
  broadcast_slots: ClockWindow[] | null;
  power_override: PowerOverride | null;
};

export type AlertRow = {
  id: number;
  text: string;
  target: AlertTarget;
  starts_at: number;
  expires_at: number;
  audio_sha256: string | null;
  audio_mime: string | null;
  audio_size: number | null;
  audio_duration_ms: number | null;
  speech_sha256: string | null;
  speech_mime: string | null;
  speech_size: number | null;
  speech_duration_ms: number | null;
};

type RawDevice = RawDeviceColumns<CompileDeviceRow>;
type RawVersion = Omit<PlayableVersionRow, 'fields' | 'tags'> & { fields: string; tags: string };
type RawAlert = Omit<AlertRow, 'target'> & { target: string };

const decodeDevice = (d: RawDevice): CompileDeviceRow => decodeDeviceColumns<CompileDeviceRow>(d);

/**
 * A version's fields and tags only choose a text style and mark the jingle: an unreadable one must not stop
 * every device's timeline from compiling, so it reads as empty here (the content API still reports it).
 */
const lenient = <T>(text: string, ref: ColumnRef, shape: Shape<T>, fallback: T): T => {
  try {
    return decodeJson(text, ref, shape);
  } catch {
    return fallback;
  }
};
const decodeVersion = (v: RawVersion): PlayableVersionRow => ({
  ...v,
  fields: lenient(v.fields, { table: 'content_versions', id: v.version_id, column: 'fields' }, isRecord, {}),
  tags: lenient(v.tags, { table: 'content_versions', id: v.version_id, column: 'tags' }, isStringArray, []),
});

/** A stored timeline (a blob, or a device's assembled JSON) read back; CorruptRowError when it does not decode. */
const decodeTimeline = <T extends object>(json: string, ref: ColumnRef): T & SharedPart => {
  try {
    return decodeStored<T>(json);
  } catch (err) {
    throw new CorruptRowError(ref.table, ref.id, ref.column, err instanceof Error ? `does not decode (${err.message})` : 'does not decode');
  }
};

export const timelineRepo = {
  getMeta: (q: Queryable, deviceId: number) =>
    q.get<TimelineMetaRow>('SELECT device_id, version, from_ms, to_ms, compiled_at FROM device_timelines WHERE device_id = ?', [deviceId]),
  getBlob: (q: Queryable, version: string) =>
    q.get<TimelineBlobRow>('SELECT version, body FROM timeline_blobs WHERE version = ?', [version]),
  /** The segments and media of one version, decoded; undefined when no blob has that version. */
  getSharedPart: async (q: Queryable, version: string): Promise<SharedPart | undefined> => {
    const blob = await timelineRepo.getBlob(q, version);
    return blob && decodeTimeline<SharedPart>(blob.body, { table: 'timeline_blobs', id: version, column: 'body' });
  },
  listMeta: (q: Queryable) =>
    q.all<TimelineMetaRow>('SELECT device_id, version, from_ms, to_ms, compiled_at FROM device_timelines ORDER BY device_id'),
  /** Every device's full timeline JSON, assembled exactly as JSON.stringify would write it (key order kept). */
  listAll: (q: Queryable) =>
    q.all<TimelineRow>(
      `SELECT t.device_id, t.version, t.from_ms, t.to_ms, t.compiled_at,
              '{"deviceId":' || json_quote(CAST(t.device_id AS TEXT)) || ',"from":' || t.from_ms || ',"to":' || t.to_ms ||
              ',"version":' || json_quote(t.version) || ',' || substr(b.body, 2) AS timeline
       FROM device_timelines t JOIN timeline_blobs b ON b.version = t.version ORDER BY t.device_id`,
    ),
  /** Every device's stored timeline, decoded (the packed form unpacked). */
  listTimelines: async (q: Queryable): Promise<{ deviceId: number; timeline: DeviceTimeline }[]> =>
    (await timelineRepo.listAll(q)).map((r) => ({
      deviceId: r.device_id,
      timeline: decodeTimeline<DeviceTimeline>(r.timeline, { table: 'device_timelines', id: r.device_id, column: 'timeline' }),
    })),
  /** Content-addressed: a version's body never changes, so an existing one is kept. */
  insertBlob: (q: Queryable, b: TimelineBlobRow) =>
    q.run('INSERT OR IGNORE INTO timeline_blobs (version, body) VALUES (?, ?)', [b.version, b.body]),
  /** Points many devices at one version in a single statement (the ids travel as one JSON array). */
  assign: (q: Queryable, a: TimelineAssignment) =>
    q.run(
      `INSERT INTO device_timelines (device_id, version, from_ms, to_ms, compiled_at)
       SELECT value, ?, ?, ?, ? FROM json_each(?) WHERE true
       ON CONFLICT (device_id) DO UPDATE SET version = excluded.version, from_ms = excluded.from_ms, to_ms = excluded.to_ms,
         compiled_at = excluded.compiled_at`,
      [a.version, a.from_ms, a.to_ms, a.compiled_at, JSON.stringify(a.deviceIds)],
    ),
  delete: (q: Queryable, deviceId: number) => q.run('DELETE FROM device_timelines WHERE device_id = ?', [deviceId]),
  /** Timelines of devices that no longer exist or were deleted. */
  deleteOrphans: (q: Queryable) =>
    q.run('DELETE FROM device_timelines WHERE device_id NOT IN (SELECT id FROM devices WHERE deleted_at IS NULL)'),
  /** Blobs no device points at any more. */
  deleteUnusedBlobs: (q: Queryable) =>
    q.run('DELETE FROM timeline_blobs WHERE NOT EXISTS (SELECT 1 FROM device_timelines t WHERE t.version = timeline_blobs.version)'),

  compileDevices: async (q: Queryable) =>
    (
      await q.all<RawDevice>(
        // Receivers play a zone stream, never a timeline of their own.
        "SELECT id, kind, name, operating_hours, quiet_hours, broadcast_slots, power_override FROM devices WHERE deleted_at IS NULL AND kind != 'receiver' ORDER BY id",
      )
    ).map(decodeDevice),
  playableVersions: async (q: Queryable) =>
    (
      await q.all<RawVersion>(
        `SELECT c.id AS content_id, c.kind AS content_kind, c.system, v.id AS version_id, v.title, v.body, v.fields, v.tags,
              v.valid_from, v.valid_to, v.duration_ms, v.version_sha256,
              v.media_sha256, m.mime AS media_mime, m.size AS media_size, m.kind AS media_kind, m.duration_ms AS media_duration_ms,
              v.speech_sha256, s.mime AS speech_mime, s.size AS speech_size, s.duration_ms AS speech_duration_ms
       FROM content c
       JOIN content_versions v ON v.id = c.approved_version_id AND v.state = 'approved'
       LEFT JOIN media_files m ON m.sha256 = v.media_sha256
       LEFT JOIN media_files s ON s.sha256 = v.speech_sha256
       ORDER BY c.id`,
      )
    ).map(decodeVersion),
  /** Ids of every quiz content item, approved or not: their schedules are compiled as quiz questions, never as slides. */
  quizContentIds: async (q: Queryable) => (await q.all<{ id: number }>(`SELECT id FROM content WHERE kind = 'quiz'`)).map((r) => r.id),
  activeAlerts: async (q: Queryable, now: number) =>
    (
      await q.all<RawAlert>(
        `SELECT a.id, a.text, a.target, a.starts_at, a.expires_at,
              a.audio_sha256, au.mime AS audio_mime, au.size AS audio_size, au.duration_ms AS audio_duration_ms,
              a.speech_sha256, sp.mime AS speech_mime, sp.size AS speech_size, sp.duration_ms AS speech_duration_ms
       FROM alerts a
       LEFT JOIN media_files au ON au.sha256 = a.audio_sha256
       LEFT JOIN media_files sp ON sp.sha256 = a.speech_sha256
       WHERE a.cancelled_at IS NULL AND a.expires_at > ? ORDER BY a.id`,
        [now],
      )
    ).map((a) => ({ ...a, target: decodeAlertTarget(a.target, a.id) })),
};
