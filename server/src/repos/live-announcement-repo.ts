// SQL of live announcements (phát trực tiếp, 0023): who spoke, to which groups, when, for how long, and the
// recording as it went out.
import type { Queryable } from '../db/sqlite';

export type LiveEndReason = 'stopped' | 'dropped' | 'max_duration' | 'server_stopped' | 'failed';

export type LiveAnnouncementRow = {
  id: number;
  user_id: number;
  speaker_name: string;
  class: 'priority' | 'emergency';
  group_ids: string;
  title: string;
  started_at: number;
  on_air_at: number | null;
  ended_at: number | null;
  end_reason: LiveEndReason | null;
  duration_ms: number | null;
  recording_sha256: string | null;
  recording_size: number | null;
  speakers: number;
  zones: number;
};

const SELECT = `SELECT a.*, COALESCE(NULLIF(u.display_name, ''), u.username) AS speaker_name, m.size AS recording_size
  FROM live_announcements a JOIN users u ON u.id = a.user_id LEFT JOIN media_files m ON m.sha256 = a.recording_sha256`;

export const liveAnnouncementRepo = {
  insert: async (
    q: Queryable,
    a: { userId: number; class: LiveAnnouncementRow['class']; groupIds: number[]; title: string; at: number; speakers: number; zones: number },
  ) =>
    (
      await q.run('INSERT INTO live_announcements (user_id, class, group_ids, title, started_at, speakers, zones) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        a.userId,
        a.class,
        JSON.stringify(a.groupIds),
        a.title,
        a.at,
        a.speakers,
        a.zones,
      ])
    ).lastID,
  markOnAir: (q: Queryable, id: number, at: number) => q.run('UPDATE live_announcements SET on_air_at = ? WHERE id = ? AND on_air_at IS NULL', [at, id]),
  end: (q: Queryable, id: number, e: { at: number; reason: LiveEndReason; recordingSha256: string | null }) =>
    q.run('UPDATE live_announcements SET ended_at = ?, end_reason = ?, duration_ms = ? - started_at, recording_sha256 = ? WHERE id = ? AND ended_at IS NULL', [
      e.at,
      e.reason,
      e.at,
      e.recordingSha256,
      id,
    ]),
  find: (q: Queryable, id: number) => q.get<LiveAnnouncementRow>(`${SELECT} WHERE a.id = ?`, [id]),
  /** Rows left on air by a crash (closed at the next start). */
  unfinished: (q: Queryable) => q.all<LiveAnnouncementRow>(`${SELECT} WHERE a.ended_at IS NULL ORDER BY a.id`),
  /** Every group's name, deleted ones too (the log names the groups an announcement went to). */
  groupNames: (q: Queryable) => q.all<{ id: number; name: string }>('SELECT id, name FROM device_groups'),
  /** Announcements that started in [from, to), newest first. */
  inRange: (q: Queryable, from: number, to: number, limit = 500) =>
    q.all<LiveAnnouncementRow>(`${SELECT} WHERE a.started_at >= ? AND a.started_at < ? ORDER BY a.started_at DESC, a.id DESC LIMIT ?`, [from, to, limit]),
};
