// SQL for playlists: an ordered list of content items, stored as JSON.
import type { Queryable } from '../db/sqlite';

export type PlaylistRow = {
  id: number;
  name: string;
  items: string;
  deleted_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
};

export const playlistRepo = {
  list: (q: Queryable) => q.all<PlaylistRow>('SELECT * FROM playlists WHERE deleted_at IS NULL ORDER BY name, id'),
  findById: (q: Queryable, id: number) => q.get<PlaylistRow>('SELECT * FROM playlists WHERE id = ? AND deleted_at IS NULL', [id]),
  insert: async (q: Queryable, p: { name: string; items: string; createdBy: number | null; now: number }) =>
    (
      await q.run('INSERT INTO playlists (name, items, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        p.name,
        p.items,
        p.createdBy,
        p.now,
        p.now,
      ])
    ).lastID,
  update: (q: Queryable, id: number, p: { name: string; items: string; now: number }) =>
    q.run('UPDATE playlists SET name = ?, items = ?, updated_at = ? WHERE id = ?', [p.name, p.items, p.now, id]),
  softDelete: (q: Queryable, id: number, now: number) =>
    q.run('UPDATE playlists SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]),
  /** Which of these content ids exist at all (content is never deleted, only withdrawn). */
  existingContentIds: async (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? []
      : (await q.all<{ id: number }>(`SELECT id FROM content WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).map((r) => r.id),
};
