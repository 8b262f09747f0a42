// SQL for compiled device timelines and for the compiler's inputs that live in other areas' tables
// (approved content versions with their media files, active emergency alerts).
import type { Queryable } from '../db/sqlite';

export type TimelineRow = {
  device_id: number;
  version: string;
  from_ms: number;
  to_ms: number;
  timeline: string;
  compiled_at: number;
};
export type TimelineMetaRow = Omit<TimelineRow, 'timeline'>;

/** The playing (approved) version of a content item, joined with its main and speech media files. */
export type PlayableVersionRow = {
  content_id: number;
  content_kind: 'message' | 'clip' | 'ad';
  system: number;
  version_id: number;
  title: string;
  body: string;
  fields: string;
  tags: string;
  valid_from: number | null;
  valid_to: number | null;
  duration_ms: number;
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

export type AlertRow = {
  id: number;
  text: string;
  target: string;
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

export const timelineRepo = {
  get: (q: Queryable, deviceId: number) => q.get<TimelineRow>('SELECT * FROM device_timelines WHERE device_id = ?', [deviceId]),
  listMeta: (q: Queryable) =>
    q.all<TimelineMetaRow>('SELECT device_id, version, from_ms, to_ms, compiled_at FROM device_timelines ORDER BY device_id'),
  listAll: (q: Queryable) => q.all<TimelineRow>('SELECT * FROM device_timelines ORDER BY device_id'),
  upsert: (q: Queryable, r: TimelineRow) =>
    q.run(
      `INSERT INTO device_timelines (device_id, version, from_ms, to_ms, timeline, compiled_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET version = excluded.version, from_ms = excluded.from_ms, to_ms = excluded.to_ms,
         timeline = excluded.timeline, compiled_at = excluded.compiled_at`,
      [r.device_id, r.version, r.from_ms, r.to_ms, r.timeline, r.compiled_at],
    ),
  delete: (q: Queryable, deviceId: number) => q.run('DELETE FROM device_timelines WHERE device_id = ?', [deviceId]),
  /** Timelines of devices that no longer exist or were deleted. */
  deleteOrphans: (q: Queryable) =>
    q.run('DELETE FROM device_timelines WHERE device_id NOT IN (SELECT id FROM devices WHERE deleted_at IS NULL)'),

  playableVersions: (q: Queryable) =>
    q.all<PlayableVersionRow>(
      `SELECT c.id AS content_id, c.kind AS content_kind, c.system, v.id AS version_id, v.title, v.body, v.fields, v.tags,
              v.valid_from, v.valid_to, v.duration_ms, v.version_sha256,
              v.media_sha256, m.mime AS media_mime, m.size AS media_size, m.kind AS media_kind, m.duration_ms AS media_duration_ms,
              v.speech_sha256, s.mime AS speech_mime, s.size AS speech_size, s.duration_ms AS speech_duration_ms
       FROM content c
       JOIN content_versions v ON v.id = c.approved_version_id AND v.state = 'approved'
       LEFT JOIN media_files m ON m.sha256 = v.media_sha256
       LEFT JOIN media_files s ON s.sha256 = v.speech_sha256
       ORDER BY c.id`,
    ),
  activeAlerts: (q: Queryable, now: number) =>
    q.all<AlertRow>(
      `SELECT a.id, a.text, a.target, a.starts_at, a.expires_at,
              a.audio_sha256, au.mime AS audio_mime, au.size AS audio_size, au.duration_ms AS audio_duration_ms,
              a.speech_sha256, sp.mime AS speech_mime, sp.size AS speech_size, sp.duration_ms AS speech_duration_ms
       FROM alerts a
       LEFT JOIN media_files au ON au.sha256 = a.audio_sha256
       LEFT JOIN media_files sp ON sp.sha256 = a.speech_sha256
       WHERE a.cancelled_at IS NULL AND a.expires_at > ? ORDER BY a.id`,
      [now],
    ),
};
