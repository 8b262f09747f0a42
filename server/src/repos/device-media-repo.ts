// SQL the device media endpoint needs: whether a file belongs to an approved content version, and its row.
import type { Queryable } from '../db/sqlite';

export const deviceMediaRepo = {
  /** True when an approved content version uses the file (main media, speech or any listed file). */
  isApprovedFile: async (q: Queryable, sha: string) =>
    !!(await q.get<{ x: number }>(
      `SELECT 1 AS x FROM content_versions v WHERE v.state = 'approved'
         AND (v.media_sha256 = ? OR v.speech_sha256 = ? OR EXISTS (SELECT 1 FROM json_each(v.files) f WHERE f.value = ?)) LIMIT 1`,
      [sha, sha, sha],
    )),
  mediaFile: (q: Queryable, sha: string) =>
    q.get<{ sha256: string; size: number; mime: string }>('SELECT sha256, size, mime FROM media_files WHERE sha256 = ?', [sha]),
};
