// The content library and review workflow through the real HTTP API, on a real SQLite file and media store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { makeFixtures } from '../../test/factories/media';

type S = { cookie: string; csrf: string };
let t: TestCtx;
let now = Date.parse('2026-12-01T02:00:00Z');
let editor: S, reviewer: S, adReviewer: S, both: S, viewer: S;
let fx: Record<string, string>;
const fxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-fx-'));

beforeAll(async () => {
  fx = await makeFixtures(fxDir, ['h264-aac.mp4', 'poster.png', 'archive.zip', 'empty.bin', 'huge-30000.png', 'photo.jpg']);
}, 120_000);
afterAll(() => fs.rmSync(fxDir, { recursive: true, force: true }));

beforeEach(async () => {
  now = Date.parse('2026-12-01T02:00:00Z');
  t = await createTestContext({ clock: () => now, env: { BANTIN_MAX_UPLOAD_MB: '1' } });
  editor = await t.createUser('bien-tap', ['editor']);
  reviewer = await t.createUser('van-hoa', ['reviewer']);
  adReviewer = await t.createUser('kinh-te', ['ad_reviewer']);
  both = await t.createUser('ca-hai', ['editor', 'reviewer']);
  viewer = await t.createUser('lanh-dao', ['viewer']);
});
afterEach(() => t.cleanup());

const json = (method: string, s: S, body?: unknown) => ({ method, ...s, body: body === undefined ? undefined : JSON.stringify(body) });
const upload = (s: S, file: Buffer, name: string, accept = 'media') =>
  t.request(`/api/media?accept=${accept}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    ...s,
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file),
  });
const storeFiles = () => {
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])) : []);
  return { media: walk(path.join(t.dataDir, 'media')), tmp: walk(path.join(t.dataDir, 'tmp')), derived: walk(path.join(t.dataDir, 'derived')) };
};
const mediaRows = async () => (await t.db.all('SELECT sha256 FROM media_files')).length;

async function createMessage(s: S, body = 'Tôn trọng, lịch sự khi bình luận trên mạng xã hội; không chia sẻ thông tin chưa được kiểm chứng.') {
  const res = await t.request('/api/content', json('POST', s, { kind: 'message', title: 'Ứng xử văn minh', body, tags: ['quy-tac'] }));
  expect(res.status).toBe(201);
  return res.json();
}
const submit = (s: S, id: number, n: number) => t.request(`/api/content/${id}/versions/${n}/submit`, json('POST', s));
const decide = (s: S, versionId: number, decision: string, reason?: string) => t.request('/api/reviews', json('POST', s, { versionId, decision, reason }));

describe('messages: versions, speech and review', () => {
  it('creates a draft whose rendered speech is one of the files the version hash covers', async () => {
    const c = await createMessage(editor);
    expect(c.latest).toMatchObject({ number: 1, state: 'draft', title: 'Ứng xử văn minh' });
    expect(c.latest.speech.mime).toBe('audio/wav');
    expect(c.latest.speech.durationMs).toBeGreaterThan(1000);
    expect(c.latest.files).toEqual([c.latest.speech.sha256]);
    expect(c.latest.versionSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.playing).toBeNull();
  });

  it('goes draft → submitted → approved, and keeps every decision as history', async () => {
    const c = await createMessage(editor);
    expect((await submit(editor, c.id, 1)).status).toBe(200);
    const queue = await (await t.request('/api/reviews', { cookie: reviewer.cookie })).json();
    expect(queue.map((q: { version: { id: number } }) => q.version.id)).toEqual([c.latest.id]);
    const ok = await decide(reviewer, c.latest.id, 'approve');
    expect(ok.status).toBe(200);
    expect((await ok.json()).state).toBe('approved');
    const after = await (await t.request(`/api/content/${c.id}`, { cookie: viewer.cookie })).json();
    expect(after.playing.number).toBe(1);
    const history = await (await t.request(`/api/content/${c.id}/history`, { cookie: viewer.cookie })).json();
    expect(history.map((h: { decision: string }) => h.decision)).toEqual(['submitted', 'approved']);
    expect(history[1]).toMatchObject({ actor: 'van-hoa', versionSha256: c.latest.versionSha256, files: c.latest.files });
  });

  it('refuses self-approval, even for someone who holds both roles', async () => {
    const res = await t.request('/api/content', json('POST', both, { kind: 'message', title: 'Tự duyệt', body: 'Nội dung thử nghiệm của phường.' }));
    const c = await res.json();
    await submit(both, c.id, 1);
    const self = await decide(both, c.latest.id, 'approve');
    expect(self.status).toBe(403);
    expect((await self.json()).code).toBe('self_review');
    expect((await t.content.get(c.id)).latest!.state).toBe('submitted');
  });

  it('needs a reason to reject, then records it', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    expect((await decide(reviewer, c.latest.id, 'reject')).status).toBe(400);
    const r = await decide(reviewer, c.latest.id, 'reject', 'Chưa ghi nguồn trích dẫn');
    expect((await r.json()).state).toBe('rejected');
    const history = await t.content.history(c.id);
    expect(history.at(-1)).toMatchObject({ decision: 'rejected', reason: 'Chưa ghi nguồn trích dẫn' });
  });

  it('an edit makes a new version that needs its own approval while the old one keeps playing', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    await decide(reviewer, c.latest.id, 'approve');
    const edited = await (await t.request(`/api/content/${c.id}/versions`, json('POST', editor, { body: 'Bảo vệ dữ liệu cá nhân: không đăng số căn cước lên mạng.' }))).json();
    expect(edited.latest).toMatchObject({ number: 2, state: 'draft' });
    expect(edited.latest.versionSha256).not.toBe(c.latest.versionSha256);
    expect(edited.latest.speech.sha256).not.toBe(c.latest.speech.sha256);
    expect(edited.playing.number).toBe(1);
    await submit(editor, c.id, 2);
    expect((await t.content.get(c.id)).playing!.number).toBe(1);
    await decide(reviewer, edited.latest.id, 'approve');
    expect((await t.content.get(c.id)).playing!.number).toBe(2);
  });

  it('a tag-only edit keeps the same speech file but still needs approval', async () => {
    const c = await createMessage(editor);
    const edited = await (await t.request(`/api/content/${c.id}/versions`, json('POST', editor, { tags: ['tre-em'] }))).json();
    expect(edited.latest.speech.sha256).toBe(c.latest.speech.sha256);
    expect(edited.latest.versionSha256).not.toBe(c.latest.versionSha256);
    expect(edited.latest.state).toBe('draft');
  });

  it('a new version withdraws the older one still waiting for review', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    await t.request(`/api/content/${c.id}/versions`, json('POST', editor, { title: 'Ứng xử văn minh trên mạng' }));
    expect((await t.content.version(c.id, 1)).state).toBe('withdrawn');
    expect((await decide(reviewer, c.latest.id, 'approve')).status).toBe(409);
  });

  it('revoking an approval stops the content from playing', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    await decide(reviewer, c.latest.id, 'approve');
    expect((await decide(reviewer, c.latest.id, 'revoke')).status).toBe(400);
    expect((await decide(reviewer, c.latest.id, 'revoke', 'Văn bản gốc đã hết hiệu lực')).status).toBe(200);
    expect((await t.content.get(c.id)).playing).toBeNull();
  });

  it('the editor can withdraw a submitted version', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    const r = await t.request(`/api/content/${c.id}/versions/1/withdraw`, json('POST', editor, { reason: 'Gửi nhầm' }));
    expect(r.status).toBe(200);
    expect((await t.content.version(c.id, 1)).state).toBe('withdrawn');
    expect((await submit(editor, c.id, 1)).status).toBe(409);
  });

  it('expires approved content when its validity ends, leaving nothing playing', async () => {
    const res = await t.request('/api/content', json('POST', editor, { kind: 'message', title: 'Tuần lễ', body: 'Thông báo có thời hạn.', validTo: '2026-12-03T00:00:00+07:00' }));
    const c = await res.json();
    await submit(editor, c.id, 1);
    await decide(reviewer, c.latest.id, 'approve');
    expect(await t.reviews.expire()).toBe(0);
    now = Date.parse('2026-12-03T00:00:01+07:00');
    expect(await t.reviews.expire()).toBe(1);
    expect((await t.content.get(c.id)).playing).toBeNull();
    expect((await t.content.version(c.id, 1)).state).toBe('expired');
  });

  it('refuses to approve a version whose stored row no longer matches the submitted hash', async () => {
    const c = await createMessage(editor);
    await submit(editor, c.id, 1);
    await t.db.run('UPDATE content_versions SET body = ? WHERE id = ?', ['Nội dung bị sửa lén trong cơ sở dữ liệu.', c.latest.id]);
    const r = await decide(reviewer, c.latest.id, 'approve');
    expect(r.status).toBe(409);
    expect((await r.json()).code).toBe('integrity_failed');
  });

  it('stores script tags as plain text', async () => {
    const c = await createMessage(editor, '<script>alert(1)</script> Hãy cẩn trọng với đường link lạ.');
    expect(c.latest.body).toBe('<script>alert(1)</script> Hãy cẩn trọng với đường link lạ.');
  });

  it('flags text typed without diacritics and in capitals at submission', async () => {
    const c = await createMessage(editor, 'KHONG CHIA SE THONG TIN CHUA DUOC KIEM CHUNG TREN MANG XA HOI');
    const v = await (await submit(editor, c.id, 1)).json();
    const rules = v.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(v.findings.every((f: { message: { vi: string; en: string } }) => f.message.vi && f.message.en)).toBe(true);
  });
});

describe('ads: economic office review', () => {
  async function createAd(title: string, proofs: { sha256: string }[] = [], extra: Record<string, unknown> = {}) {
    const up = await (await upload(editor, fs.readFileSync(fx['poster.png']!), 'quang-cao.png')).json();
    const res = await t.request('/api/content', json('POST', editor, { kind: 'ad', title, mediaSha256: up.sha256, advertiser: 'Cửa hàng Minh Anh', productCategory: 'food', proofs, ...extra }));
    expect(res.status).toBe(201);
    return res.json();
  }

  it('only ad_reviewer decides ads; a reviewer is refused', async () => {
    const ad = await createAd('Bánh cuốn Nam Định ngon');
    await submit(editor, ad.id, 1);
    expect((await decide(reviewer, ad.latest.id, 'approve')).status).toBe(403);
    expect((await decide(adReviewer, ad.latest.id, 'approve')).status).toBe(200);
    expect(ad.latest.fields.muted).toBe(true);
  });

  it('a superlative without proof is an error finding; with a fresh proof it is only information', async () => {
    const bare = await createAd('Bánh cuốn ngon nhất Nam Định');
    const v1 = await (await submit(editor, bare.id, 1)).json();
    const sup = v1.findings.filter((f: { severity: string; span: unknown }) => f.severity === 'error' && f.span);
    expect(sup.length).toBeGreaterThan(0);
    const proof = await (await upload(editor, fs.readFileSync(fx['photo.jpg']!), 'giay-chung-nhan.jpg', 'media')).json();
    const proved = await createAd('Bánh cuốn ngon nhất Nam Định', [{ sha256: proof.sha256 }]);
    expect(proved.latest.files).toContain(proof.sha256);
    const v2 = await (await submit(editor, proved.id, 1)).json();
    expect(v2.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('keeps the ad’s claim on the version and flags "tốt nhất" in it, in the form’s pre-check and on submission', async () => {
    const claim = 'Sữa chua nếp cẩm tốt nhất phường, giao tận nhà.';
    const ad = await createAd('Sữa chua nếp cẩm', [], { claim });
    expect(ad.latest.fields.claim).toBe(claim);
    const superlativeIn = (findings: { ruleId: string; field: string; span: { start: number; end: number } | null }[]) =>
      findings.filter((f) => f.ruleId === 'ad.superlative' && f.field === 'claim').map((f) => claim.slice(f.span!.start, f.span!.end));

    const preview = await t.request('/api/content/precheck', json('POST', editor, { kind: 'ad', title: 'Sữa chua nếp cẩm', claim, productCategory: 'food' }));
    expect(preview.status).toBe(200);
    expect(superlativeIn(await preview.json())).toEqual(['tốt nhất']);
    expect((await t.request('/api/content/precheck', json('POST', viewer, { kind: 'ad', title: 'x', claim }))).status).toBe(403);

    const v1 = await (await submit(editor, ad.id, 1)).json();
    expect(superlativeIn(v1.findings)).toEqual(['tốt nhất']);
    const queue = (await (await t.request('/api/reviews', json('GET', adReviewer))).json()) as { version: { contentId: number; fields: { claim?: string } } }[];
    expect(queue.find((e) => e.version.contentId === ad.id)?.version.fields.claim).toBe(claim);
    // An edit that changes only the claim is a new version, checked again.
    const edited = await (await t.request(`/api/content/${ad.id}/versions`, json('POST', editor, { claim: 'Sữa chua nếp cẩm, giao tận nhà.' }))).json();
    expect(edited.latest.number).toBe(2);
    expect(superlativeIn((await (await submit(editor, ad.id, 2)).json()).findings)).toEqual([]);
  });
});

describe('uploads: bad input gets a clear 4xx and leaves no trace', () => {
  const cases: [string, () => Buffer, string, string, number][] = [
    ['an .mp4 that is really a PNG (video expected)', () => fs.readFileSync(fx['poster.png']!), 'clip.mp4', 'video', 415],
    ['a zip renamed .mp3', () => fs.readFileSync(fx['archive.zip']!), 'song.mp3', 'media', 415],
    ['an empty file', () => Buffer.alloc(0), 'empty.mp4', 'media', 400],
    ['a truncated video', () => fs.readFileSync(fx['h264-aac.mp4']!).subarray(0, 6000), 'cut.mp4', 'media', 422],
    ['an upload over the size limit', () => Buffer.alloc(1024 * 1024 + 10, 7), 'big.bin', 'media', 413],
    ['a 30000×30000 pixel image', () => fs.readFileSync(fx['huge-30000.png']!), 'huge.png', 'media', 422],
    ['path traversal in the file name', () => fs.readFileSync(fx['photo.jpg']!), '../../etc/passwd.jpg', 'media', 400],
  ];
  for (const [name, bytes, fileName, accept, status] of cases) {
    it(`refuses ${name}`, async () => {
      const res = await upload(editor, bytes(), fileName, accept);
      const body = await res.json();
      expect(res.status).toBe(status);
      expect(body.detail).toBeTruthy();
      expect(await mediaRows()).toBe(0);
      expect(storeFiles()).toEqual({ media: [], tmp: [], derived: [] });
    });
  }

  it('refuses a file name that is not valid UTF-8', async () => {
    const res = await t.request('/api/media', {
      method: 'POST',
      ...editor,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': '%C3%28bad.jpg' },
      body: new Uint8Array(fs.readFileSync(fx['photo.jpg']!)),
    });
    expect(res.status).toBe(400);
    expect(await mediaRows()).toBe(0);
    expect(storeFiles().media).toEqual([]);
  });

  it('refuses a 1 MB text field without creating anything', async () => {
    const res = await t.request('/api/content', json('POST', editor, { kind: 'message', title: 'x', body: 'a'.repeat(1024 * 1024) }));
    expect([400, 413]).toContain(res.status);
    expect((await t.db.all('SELECT id FROM content')).length).toBe(0);
  });

  it('judges an upload by its bytes whatever content type it claims: a JPEG sent as JSON is stored, not read as JSON', async () => {
    // The JSON UTF-8 guard and the 1 MB JSON limit read whole bodies; uploads stream and must skip both.
    const res = await t.request('/api/media?name=photo.jpg', { method: 'POST', ...editor, headers: { 'content-type': 'application/json' }, body: new Uint8Array(fs.readFileSync(fx['photo.jpg']!)) });
    expect(res.status).toBe(201);
    expect(await mediaRows()).toBe(1);
  });

  it('explains the reason in English when asked', async () => {
    const res = await t.request('/api/media?name=song.mp3', { method: 'POST', ...editor, headers: { 'accept-language': 'en', 'content-type': 'application/octet-stream' }, body: new Uint8Array(fs.readFileSync(fx['archive.zip']!)) });
    expect((await res.json()).detail).toMatch(/[a-z]/i);
  });
});

describe('GET /api/media/{sha256}', () => {
  it('stores the same bytes once and serves them with ETag, 304 and Range', async () => {
    const bytes = fs.readFileSync(fx['h264-aac.mp4']!);
    const a = await (await upload(editor, bytes, 'mot.mp4', 'video')).json();
    const b = await (await upload(editor, bytes, 'hai.mp4', 'video')).json();
    expect(a.sha256).toBe(b.sha256);
    expect(a.durationMs).toBeGreaterThan(500);
    expect(a.thumbnailUrl).toBeTruthy();
    expect(storeFiles().media.length).toBe(1);
    const full = await t.request(a.url, { cookie: viewer.cookie });
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);
    expect(full.headers.get('cache-control')).toContain('immutable');
    const etag = full.headers.get('etag')!;
    expect((await t.request(a.url, { cookie: viewer.cookie, headers: { 'if-none-match': etag } })).status).toBe(304);
    const part = await t.request(a.url, { cookie: viewer.cookie, headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const thumb = await t.request(a.thumbnailUrl, { cookie: viewer.cookie });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toMatch(/^image\//);
  });
});

describe('GET /api/content/stats', () => {
  it('counts content by the state of its latest version and how many play', async () => {
    const a = await createMessage(editor);
    await createMessage(editor, 'Thông tin thứ hai của phường.');
    await submit(editor, a.id, 1);
    await decide(reviewer, a.latest.id, 'approve');
    const s = await (await t.request('/api/content/stats', { cookie: viewer.cookie })).json();
    expect(s).toEqual({ total: 2, byState: { approved: 1, draft: 1 }, byKind: { message: 2 }, playing: 1 });
  });

  it('accepts a picture as a proof document when asked for a proof', async () => {
    const res = await upload(editor, fs.readFileSync(fx['photo.jpg']!), 'giay-phep.jpg', 'proof');
    expect(res.status).toBe(201);
    const pdfOnly = await upload(editor, fs.readFileSync(fx['photo.jpg']!), 'giay-phep.jpg', 'document');
    expect(pdfOnly.status).toBe(415);
  });
});

describe('text fields that are not valid UTF-8', () => {
  it('refuses the body with 400 and creates nothing', async () => {
    const prefix = Buffer.from('{"kind":"message","title":"Tiêu đề","body":"', 'utf8');
    const bad = Buffer.from([0xc3, 0x28, 0xff, 0xfe]);
    const suffix = Buffer.from('"}', 'utf8');
    const res = await t.request('/api/content', {
      method: 'POST',
      ...editor,
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(Buffer.concat([prefix, bad, suffix])),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_utf8');
    expect((await t.db.all('SELECT id FROM content')).length).toBe(0);
  });
});
