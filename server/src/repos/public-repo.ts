// SQL for the public face of content: the stable public id of an item, and the approved, valid, public
// messages the ward portal's feed and pages show. Nothing here selects an internal id, a user or a file.
import type { Queryable } from '../db/sqlite';

/** One public message as the feed shows it: the playing (approved) version of a content item marked public. */
export type PublicItemRow = {
  public_id: string;
  title: string;
  body: string;
  valid_from: number | null;
  valid_to: number | null;
  version_sha256: string;
  /** When the playing version was approved. */
  approved_at: number;
  /** When the item was first approved as public. */
  published_at: number;
};

// The playing version, approved, marked public (fields.public = true) and inside its validity at ?.
const VISIBLE = `FROM content c
  JOIN content_versions v ON v.id = c.approved_version_id
  JOIN content_public p ON p.content_id = c.id
  WHERE c.kind = 'message' AND v.state = 'approved' AND json_extract(v.fields, '$.public') = 1
    AND (v.valid_from IS NULL OR v.valid_from <= ?) AND (v.valid_to IS NULL OR v.valid_to > ?)`;
const COLUMNS = `p.public_id, v.title, v.body, v.valid_from, v.valid_to, v.version_sha256,
  COALESCE((SELECT MAX(r.decided_at) FROM reviews r WHERE r.version_id = v.id AND r.decision = 'approved'), c.updated_at) AS approved_at,
  COALESCE((SELECT MIN(r.decided_at) FROM reviews r JOIN content_versions pv ON pv.id = r.version_id
    WHERE pv.content_id = c.id AND r.decision = 'approved' AND json_extract(pv.fields, '$.public') = 1), c.updated_at) AS published_at`;

export const publicRepo = {
  /** Gives a content item its public id unless it has one: the first id made stays for good. */
  ensureId: (q: Queryable, contentId: number, publicId: string, now: number) =>
    q.run('INSERT OR IGNORE INTO content_public (content_id, public_id, created_at) VALUES (?, ?, ?)', [contentId, publicId, now]),
  idOf: async (q: Queryable, contentId: number) =>
    (await q.get<{ public_id: string }>('SELECT public_id FROM content_public WHERE content_id = ?', [contentId]))?.public_id ?? null,

  visible: (q: Queryable, now: number, limit: number) =>
    q.all<PublicItemRow>(`SELECT ${COLUMNS} ${VISIBLE} ORDER BY approved_at DESC, p.public_id LIMIT ?`, [now, now, limit]),
  visibleOne: (q: Queryable, publicId: string, now: number) =>
    q.get<PublicItemRow>(`SELECT ${COLUMNS} ${VISIBLE} AND p.public_id = ?`, [now, now, publicId]),

  /**
   * The last moment the set of public messages may have changed: a decision on a version of an item that has
   * a public id (approval, withdrawal, expiry…), or a validity boundary already passed. It never goes back
   * when an item leaves, so Last-Modified stays honest.
   */
  lastChange: async (q: Queryable, now: number) =>
    (
      await q.get<{ t: number | null }>(
        `SELECT MAX(t) AS t FROM (
           SELECT MAX(r.decided_at) AS t FROM reviews r JOIN content_versions v ON v.id = r.version_id
             JOIN content_public p ON p.content_id = v.content_id
           UNION ALL SELECT MAX(v.valid_from) FROM content_versions v JOIN content_public p ON p.content_id = v.content_id
             WHERE v.state = 'approved' AND v.valid_from <= ?
           UNION ALL SELECT MAX(v.valid_to) FROM content_versions v JOIN content_public p ON p.content_id = v.content_id
             WHERE v.state IN ('approved', 'expired') AND v.valid_to <= ?)`,
        [now, now],
      )
    )?.t ?? null,
};
