// SQL for playlists: an ordered list of content items, stored as JSON (decoded here).
import type { Queryable } from '../db/sqlite';
import { arrayOf, decodeJson, isRecord } from './json-column';

/** One entry of a playlist: a content item, with its own duration or its natural length. */
export type PlaylistItem = { contentId: number; durationMs?: number };

export type PlaylistRow = {
  id: number;
  name: string;
  items: PlaylistItem[];
  deleted_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
};

type RawPlaylistRow = Omit<PlaylistRow, 'items'> & { items: string };

const isItems = arrayOf(
  (v: unknown): v is PlaylistItem =>
    isRecord(v) && typeof v.contentId === 'number' && (v.durationMs === undefined || typeof v.durationMs === 'number'),
);
const decode = (p: RawPlaylistRow): PlaylistRow => ({ ...p, items: decodeJson(p.items, { table: 'playlists', id: p.id, column: 'items' }, isItems) });

export const playlistRepo = {
  list: async (q: Queryable) => (await q.all<RawPlaylistRow>('SELECT * FROM playlists WHERE deleted_at IS NULL ORDER BY name, id')).map(decode),
  findById: async (q: Queryable, id: number) => {
    const p = await q.get<RawPlaylistRow>('SELECT * FROM playlists WHERE id = ? AND deleted_at IS NULL', [id]);
    return p && decode(p);
  },
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
