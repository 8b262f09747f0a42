// SQL for the registry of stored media files.
import type { Queryable } from '../db/sqlite';
import { decodeJson, isRecord } from './json-column';
import { isNameWarning, type NameWarning } from '../media/file-name/name-mismatch';

export type MediaRow = {
  sha256: string;
  size: number;
  mime: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  has_audio: number;
  /** What ingest learned (probe, loudness, thumbnail…). */
  info: Record<string, unknown>;
  original_name: string | null;
  created_by: number | null;
  created_at: number;
};

/** A registry row as written: its info already serialised. */
export type MediaInsert = Omit<MediaRow, 'info'> & { info: string };

/** One upload: the name a person gave the bytes this time. */
export type UploadRow = {
  id: number;
  sha256: string;
  file_name: string;
  /** The name-versus-content warning ({ code, params, vi, en }), or null. */
  warning: NameWarning | null;
  created_by: number | null;
  created_at: number;
};

type RawUploadRow = Omit<UploadRow, 'warning'> & { warning: string | null };
const decodeUpload = (r: RawUploadRow | undefined): UploadRow | undefined =>
  r && { ...r, warning: r.warning === null ? null : decodeJson(r.warning, { table: 'media_uploads', id: r.id, column: 'warning' }, isNameWarning) };

export const mediaRepo = {
  insertUpload: async (q: Queryable, r: Omit<UploadRow, 'id' | 'warning'> & { warning: string | null }) =>
    (
      await q.run('INSERT INTO media_uploads (sha256, file_name, warning, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
        r.sha256,
        r.file_name,
        r.warning,
        r.created_by,
        r.created_at,
      ])
    ).lastID,
  findUpload: async (q: Queryable, id: number) => decodeUpload(await q.get<RawUploadRow>('SELECT * FROM media_uploads WHERE id = ?', [id])),
  /** The newest upload of these bytes by one person. */
  latestUpload: async (q: Queryable, sha: string, userId: number) =>
    decodeUpload(await q.get<RawUploadRow>('SELECT * FROM media_uploads WHERE sha256 = ? AND created_by = ? ORDER BY id DESC LIMIT 1', [sha, userId])),
  find: async (q: Queryable, sha: string): Promise<MediaRow | undefined> => {
    const r = await q.get<MediaInsert>('SELECT * FROM media_files WHERE sha256 = ?', [sha]);
    return r && { ...r, info: decodeJson(r.info, { table: 'media_files', id: sha, column: 'info' }, isRecord) };
  },
  insertIgnore: (q: Queryable, r: MediaInsert) =>
    q.run(
      `INSERT OR IGNORE INTO media_files (sha256, size, mime, kind, width, height, duration_ms, has_audio, info, original_name, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.sha256, r.size, r.mime, r.kind, r.width, r.height, r.duration_ms, r.has_audio, r.info, r.original_name, r.created_by, r.created_at],
    ),
  isReferenced: async (q: Queryable, sha: string) =>
    !!(await q.get<{ x: number }>('SELECT 1 AS x FROM media_files WHERE sha256 = ?', [sha])),
};
