// SQL for server-side sessions (ids are token hashes).
import type { Queryable } from '../db/sqlite';

export type SessionRow = {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
};

export const sessionsRepo = {
  insert: (q: Queryable, s: SessionRow) =>
    q.run('INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      s.id,
      s.user_id,
      s.csrf_token,
      s.created_at,
      s.last_seen_at,
      s.ip,
      s.user_agent,
    ]),
  find: (q: Queryable, id: string) => q.get<SessionRow>('SELECT * FROM sessions WHERE id = ?', [id]),
  touch: (q: Queryable, id: string, now: number) => q.run('UPDATE sessions SET last_seen_at = ? WHERE id = ?', [now, id]),
  delete: (q: Queryable, id: string) => q.run('DELETE FROM sessions WHERE id = ?', [id]),
  deleteForUser: (q: Queryable, userId: number) => q.run('DELETE FROM sessions WHERE user_id = ?', [userId]),
  deleteIdleBefore: (q: Queryable, cutoff: number) => q.run('DELETE FROM sessions WHERE last_seen_at < ?', [cutoff]),
};
