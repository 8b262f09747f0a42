// SQL for content items, their immutable versions and the review history. The JSON columns of versions and
// reviews (fields, tags, files, findings) are decoded here.
import type { Queryable } from '../db/sqlite';
import type { Finding } from '../domain/precheck/types';
import { arrayOf, decodeJson, isRecord, isStringArray, type ColumnRef } from './json-column';
import { isNameWarning, type NameWarning } from '../media/file-name/name-mismatch';

export type ContentKind = 'message' | 'clip' | 'ad' | 'quiz'; // quiz: câu hỏi tìm hiểu Bộ Quy tắc (kiosks)
export type VersionState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'expired';

export type ContentRow = {
  id: number;
  kind: ContentKind;
  owner_id: number;
  latest_version_id: number | null;
  approved_version_id: number | null;
  system: number;
  created_at: number;
  updated_at: number;
};

export type VersionRow = {
  id: number;
  content_id: number;
  number: number;
  state: VersionState;
  title: string;
  body: string;
  /** Kind-specific settings (style, voice, advertiser, proofs…). */
  fields: Record<string, unknown>;
  tags: string[];
  valid_from: number | null;
  valid_to: number | null;
  duration_ms: number;
  media_sha256: string | null;
  /** The name the media file was uploaded under for this version (null for messages). */
  media_name: string | null;
  /** The upload's name-versus-content warning ({ code, params, vi, en }), or null. */
  media_warning: NameWarning | null;
  speech_sha256: string | null;
  /** Every media file the version uses (sha256), in the order the hash covers them. */
  files: string[];
  version_sha256: string;
  /** The prechecks' findings at submission; [] before. */
  findings: Finding[];
  created_by: number;
  created_at: number;
  submitted_by: number | null;
  submitted_at: number | null;
};

export type ReviewRow = {
  id: number;
  version_id: number;
  decision: 'submitted' | 'approved' | 'rejected' | 'revoked' | 'withdrawn' | 'expired';
  reason: string | null;
  version_sha256: string;
  files: string[];
  actor_id: number | null;
  decided_at: number;
};

type RawVersionRow = Omit<VersionRow, 'fields' | 'tags' | 'files' | 'findings' | 'media_warning'> & {
  fields: string;
  tags: string;
  files: string;
  findings: string;
  media_warning: string | null;
};
type RawReviewRow = Omit<ReviewRow, 'files'> & { files: string };

/** A version as written: fields, tags and files already serialised. */
export type NewVersion = Omit<RawVersionRow, 'id' | 'submitted_by' | 'submitted_at' | 'findings'>;

const isFindings = arrayOf((v: unknown): v is Finding => isRecord(v) && typeof v.ruleId === 'string' && isRecord(v.message));

const decodeVersion = <R extends RawVersionRow>(v: R): Omit<R, 'fields' | 'tags' | 'files' | 'findings' | 'media_warning'> & VersionRow => {
  const ref = (column: string): ColumnRef => ({ table: 'content_versions', id: v.id, column });
  return {
    ...v,
    fields: decodeJson(v.fields, ref('fields'), isRecord),
    tags: decodeJson(v.tags, ref('tags'), isStringArray),
    files: decodeJson(v.files, ref('files'), isStringArray),
    findings: decodeJson(v.findings, ref('findings'), isFindings),
    media_warning: v.media_warning === null ? null : decodeJson(v.media_warning, ref('media_warning'), isNameWarning),
  };
};
const oneVersion = (v: RawVersionRow | undefined) => v && decodeVersion(v);
const decodeReview = <R extends RawReviewRow>(r: R): Omit<R, 'files'> & ReviewRow => ({
  ...r,
  files: decodeJson(r.files, { table: 'reviews', id: r.id, column: 'files' }, isStringArray),
});

export type ContentFilter = { kind?: ContentKind; tag?: string; state?: VersionState; q?: string; limit: number; offset: number };

export const contentRepo = {
  insertContent: async (q: Queryable, r: { kind: ContentKind; ownerId: number; system: boolean; now: number }) =>
    (
      await q.run('INSERT INTO content (kind, owner_id, system, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        r.kind,
        r.ownerId,
        r.system ? 1 : 0,
        r.now,
        r.now,
      ])
    ).lastID,
  find: (q: Queryable, id: number) => q.get<ContentRow>('SELECT * FROM content WHERE id = ?', [id]),
  setLatest: (q: Queryable, id: number, versionId: number, now: number) =>
    q.run('UPDATE content SET latest_version_id = ?, updated_at = ? WHERE id = ?', [versionId, now, id]),
  setApproved: (q: Queryable, id: number, versionId: number | null, now: number) =>
    q.run('UPDATE content SET approved_version_id = ?, updated_at = ? WHERE id = ?', [versionId, now, id]),

  insertVersion: async (q: Queryable, v: NewVersion) =>
    (
      await q.run(
        `INSERT INTO content_versions (content_id, number, state, title, body, fields, tags, valid_from, valid_to, duration_ms,
           media_sha256, media_name, media_warning, speech_sha256, files, version_sha256, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          v.content_id,
          v.number,
          v.state,
          v.title,
          v.body,
          v.fields,
          v.tags,
          v.valid_from,
          v.valid_to,
          v.duration_ms,
          v.media_sha256,
          v.media_name,
          v.media_warning,
          v.speech_sha256,
          v.files,
          v.version_sha256,
          v.created_by,
          v.created_at,
        ],
      )
    ).lastID,
  version: async (q: Queryable, id: number) => oneVersion(await q.get<RawVersionRow>('SELECT * FROM content_versions WHERE id = ?', [id])),
  versionByNumber: async (q: Queryable, contentId: number, n: number) =>
    oneVersion(await q.get<RawVersionRow>('SELECT * FROM content_versions WHERE content_id = ? AND number = ?', [contentId, n])),
  versionsOf: async (q: Queryable, contentId: number) =>
    (await q.all<RawVersionRow>('SELECT * FROM content_versions WHERE content_id = ? ORDER BY number DESC', [contentId])).map(decodeVersion),
  versionsByIds: async (q: Queryable, ids: number[]) =>
    ids.length
      ? (await q.all<RawVersionRow>(`SELECT * FROM content_versions WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).map(decodeVersion)
      : [],
  setState: (q: Queryable, id: number, state: VersionState) => q.run('UPDATE content_versions SET state = ? WHERE id = ?', [state, id]),
  markSubmitted: (q: Queryable, id: number, by: number, at: number, findings: string) =>
    q.run("UPDATE content_versions SET state = 'submitted', submitted_by = ?, submitted_at = ?, findings = ? WHERE id = ?", [by, at, findings, id]),
  pendingOf: async (q: Queryable, contentId: number) =>
    (await q.all<RawVersionRow>("SELECT * FROM content_versions WHERE content_id = ? AND state IN ('draft', 'submitted')", [contentId])).map(
      decodeVersion,
    ),

  list: (q: Queryable, f: ContentFilter) => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (f.kind) {
      where.push('c.kind = ?');
      params.push(f.kind);
    }
    if (f.state) {
      where.push('v.state = ?');
      params.push(f.state);
    }
    if (f.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(v.tags) WHERE json_each.value = ?)');
      params.push(f.tag);
    }
    if (f.q) {
      where.push("(v.title LIKE ? ESCAPE '\\' OR v.body LIKE ? ESCAPE '\\')");
      const like = `%${f.q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
      params.push(like, like);
    }
    const sql = `SELECT c.* FROM content c JOIN content_versions v ON v.id = c.latest_version_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`;
    return q.all<ContentRow>(sql, [...params, f.limit, f.offset]);
  },
  countsByStateAndKind: (q: Queryable) =>
    q.all<{ state: VersionState; kind: ContentKind; n: number; playing: number }>(
      `SELECT v.state, c.kind, COUNT(*) AS n, SUM(c.approved_version_id IS NOT NULL) AS playing
       FROM content c JOIN content_versions v ON v.id = c.latest_version_id GROUP BY v.state, c.kind`,
    ),
  submittedQueue: async (q: Queryable, kinds: ContentKind[]) =>
    kinds.length
      ? (
          await q.all<RawVersionRow & { kind: ContentKind }>(
            `SELECT v.*, c.kind FROM content_versions v JOIN content c ON c.id = v.content_id
           WHERE v.state = 'submitted' AND c.kind IN (${kinds.map(() => '?').join(',')}) ORDER BY v.submitted_at`,
            kinds,
          )
        ).map(decodeVersion)
      : [],
  approvedEndingBefore: async (q: Queryable, now: number) =>
    (
      await q.all<RawVersionRow>("SELECT * FROM content_versions WHERE state = 'approved' AND valid_to IS NOT NULL AND valid_to <= ?", [now])
    ).map(decodeVersion),

  /** The files are written as the JSON array the version stores, so a review names the exact same list. */
  insertReview: (q: Queryable, r: Omit<ReviewRow, 'id'>) =>
    q.run('INSERT INTO reviews (version_id, decision, reason, version_sha256, files, actor_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      r.version_id,
      r.decision,
      r.reason,
      r.version_sha256,
      JSON.stringify(r.files),
      r.actor_id,
      r.decided_at,
    ]),
  reviewsOfContent: async (q: Queryable, contentId: number) =>
    (
      await q.all<RawReviewRow & { number: number; actor: string | null }>(
        `SELECT r.*, v.number, u.username AS actor FROM reviews r JOIN content_versions v ON v.id = r.version_id
       LEFT JOIN users u ON u.id = r.actor_id WHERE v.content_id = ? ORDER BY r.id`,
        [contentId],
      )
    ).map(decodeReview),
  lastReviewOf: async (q: Queryable, versionId: number, decision: ReviewRow['decision']) => {
    const r = await q.get<RawReviewRow>('SELECT * FROM reviews WHERE version_id = ? AND decision = ? ORDER BY id DESC LIMIT 1', [
      versionId,
      decision,
    ]);
    return r && decodeReview(r);
  },
};

// --- Starter-pack seeding (services/content/seed-service.ts) ---
export const seedRepo = {
  countSystemContent: async (q: Queryable) => (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM content WHERE system = 1'))?.n ?? 0,
  /** System content by title of its latest version, so an interrupted seeding can be completed. */
  systemByTitle: (q: Queryable) =>
    q.all<{ id: number; title: string; latest_version_id: number; approved_version_id: number | null }>(
      `SELECT c.id, v.title, c.latest_version_id, c.approved_version_id FROM content c
       JOIN content_versions v ON v.id = c.latest_version_id WHERE c.system = 1`,
    ),
};
