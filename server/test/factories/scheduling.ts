// Integration-test factories for the scheduling area: approved content rows (written directly, as the
// content service's own tests cover its workflow), a JSON API caller, and Vietnamese wall-clock instants.
import { randomBytes } from 'node:crypto';
import type { TestCtx } from '../support/context';

/** Epoch ms of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export const vn = (date: string, time = '00:00') => Date.parse(`${date}T${time}:00+07:00`);

export type ContentFixture = {
  kind?: 'message' | 'clip' | 'ad';
  media?: 'image' | 'video' | 'audio' | null;
  speech?: boolean;
  durationMs?: number;
  system?: boolean;
  tags?: string[];
  validFrom?: number | null;
  validTo?: number | null;
  state?: 'approved' | 'draft' | 'submitted';
  title?: string;
  /** A real stored file to use as the media (its media_files row exists), instead of a made-up one. */
  mediaSha?: string;
};

async function addMedia(t: TestCtx, kind: 'image' | 'video' | 'audio', durationMs: number | null) {
  const sha = randomBytes(32).toString('hex');
  const mime = { image: 'image/png', video: 'video/mp4', audio: 'audio/mpeg' }[kind];
  await t.db.run('INSERT INTO media_files (sha256, size, mime, kind, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    sha,
    1234,
    mime,
    kind,
    durationMs,
    0,
  ]);
  return sha;
}

/** Inserts a content item with one version (approved by default) and returns its id. */
export async function addContent(t: TestCtx, o: ContentFixture = {}): Promise<number> {
  const kind = o.kind ?? (o.media ? 'clip' : 'message');
  const durationMs = o.durationMs ?? 10_000;
  const media = o.mediaSha ?? (o.media ? await addMedia(t, o.media, o.media === 'image' ? null : durationMs) : null);
  const speech = o.speech ? await addMedia(t, 'audio', durationMs) : null;
  const c = await t.db.run('INSERT INTO content (kind, owner_id, system, created_at, updated_at) VALUES (?, 1, ?, 0, 0)', [kind, o.system ? 1 : 0]);
  const state = o.state ?? 'approved';
  const v = await t.db.run(
    `INSERT INTO content_versions (content_id, number, state, title, body, fields, tags, valid_from, valid_to, duration_ms,
       media_sha256, speech_sha256, version_sha256, created_by, created_at)
     VALUES (?, 1, ?, ?, 'Nội dung', '{"style":"led"}', ?, ?, ?, ?, ?, ?, ?, 1, 0)`,
    [c.lastID, state, o.title ?? `Thông báo ${c.lastID}`, JSON.stringify(o.tags ?? []), o.validFrom ?? null, o.validTo ?? null, durationMs, media, speech, randomBytes(32).toString('hex')],
  );
  await t.db.run('UPDATE content SET latest_version_id = ?, approved_version_id = ? WHERE id = ?', [v.lastID, state === 'approved' ? v.lastID : null, c.lastID]);
  return c.lastID;
}

export type Caller = <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field

/** A JSON API caller logged in with the given roles. */
export async function callerFor(t: TestCtx, username: string, roles: Parameters<TestCtx['createUser']>[1]): Promise<Caller> {
  const s = await t.createUser(username, roles);
  return async (method, path, body) => {
    const res = await t.request(path, { method, cookie: s.cookie, csrf: s.csrf, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
  };
}

export const everyDay = (dateFrom: string, dateTo: string, windows: { start: string; end: string }[]) => ({
  dateFrom,
  dateTo,
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  windows,
});
