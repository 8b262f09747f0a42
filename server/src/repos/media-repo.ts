// SQL for the registry of stored media files.
import type { Queryable } from '../db/sqlite';

export type MediaRow = {
  sha256: string;
  size: number;
  mime: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  has_audio: number;
  info: string;
  original_name: string | null;
  created_by: number | null;
  created_at: number;
};

export const mediaRepo = {
  find: (q: Queryable, sha: string) => q.get<MediaRow>('SELECT * FROM media_files WHERE sha256 = ?', [sha]),
  insertIgnore: (q: Queryable, r: MediaRow) =>
    q.run(
      `INSERT OR IGNORE INTO media_files (sha256, size, mime, kind, width, height, duration_ms, has_audio, info, original_name, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.sha256, r.size, r.mime, r.kind, r.width, r.height, r.duration_ms, r.has_audio, r.info, r.original_name, r.created_by, r.created_at],
    ),
  isReferenced: async (q: Queryable, sha: string) =>
    !!(await q.get<{ x: number }>('SELECT 1 AS x FROM media_files WHERE sha256 = ?', [sha])),
};
