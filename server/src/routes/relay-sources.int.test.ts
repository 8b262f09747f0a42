// /api/relay-sources on a real SQLite file: who may add, change, delete and approve a relay source (nguồn
// tiếp âm), the SSRF guard refusing a URL before anything is written, a changed URL waiting for its own
// approval while the approved one stays on air, soft delete, the audit rows and bilingual refusals.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestCtx } from '../../test/support/context';
import { useTestContext } from '../../test/support/hooks';
import { callerFor, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let admin: Caller;
let editor: Caller;
let reviewer: Caller;
let viewer: Caller;
useTestContext((ctx) => (t = ctx));
beforeEach(async () => {
  admin = await callerFor(t, 'quantri2', ['admin']);
  editor = await callerFor(t, 'bientap', ['editor']);
  reviewer = await callerFor(t, 'kiemduyet', ['reviewer']);
  viewer = await callerFor(t, 'xem', ['viewer']);
});

// Public IP literals: the guard needs no name resolution, so the tests need no network.
const VOV1 = { name: 'VOV1', url: 'http://8.8.8.8:8000/vov1.mp3' };
const TINH = { name: 'Đài Phát thanh tỉnh Nam Định', url: 'https://8.8.4.4/hls/live.m3u8' };

const relayRows = async () => (await t.db.all<{ id: number }>('SELECT id FROM relay_sources')).length;
const auditActions = async () => (await t.audit.page(undefined, 200)).map((r) => r.action).filter((a) => a.startsWith('relay_source.'));

describe('/api/relay-sources', () => {
  it('lets only admins add a source, every staff role read it, and only a reviewer approve it', async () => {
    for (const who of [editor, reviewer, viewer]) {
      const res = await who('POST', '/api/relay-sources', VOV1);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'forbidden' });
    }
    expect(await relayRows()).toBe(0);

    const created = await admin('POST', '/api/relay-sources', VOV1);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'VOV1',
      url: 'http://8.8.8.8:8000/vov1.mp3',
      allowPrivate: false,
      state: 'submitted',
      approved: null,
      createdBy: { name: 'quantri2' },
      decidedBy: null,
    });
    const id = created.body.id as number;
    for (const who of [editor, reviewer, viewer]) {
      expect((await who('GET', '/api/relay-sources')).body.map((s: { id: number }) => s.id)).toEqual([id]);
      expect((await who('GET', `/api/relay-sources/${id}`)).status).toBe(200);
    }
    // Not schedulable until approved.
    expect(await t.relaySources.approvedSource(id)).toBeUndefined();

    // An admin is not a reviewer; nor are editors and viewers.
    for (const who of [admin, editor, viewer]) expect((await who('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve' })).status).toBe(403);
    const approved = await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve', url: VOV1.url });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', approved: { url: VOV1.url, allowPrivate: false, by: { name: 'kiemduyet' } }, decidedBy: { name: 'kiemduyet' } });
    expect(await t.relaySources.approvedSource(id)).toEqual({ id, name: 'VOV1', url: VOV1.url, allowPrivate: false });
    const again = await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'relay_source_not_waiting' });
  });

  it('refuses self-approval: an admin who is also a reviewer cannot approve the source they added or changed', async () => {
    const both = await callerFor(t, 'capcao', ['admin', 'reviewer']);
    const mine = (await both('POST', '/api/relay-sources', VOV1)).body;
    const self = await both('POST', `/api/relay-sources/${mine.id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body).toMatchObject({ code: 'relay_source_self_review' });
    expect((await both('GET', `/api/relay-sources/${mine.id}`)).body.state).toBe('submitted');

    // A source someone else added, then changed by this admin-reviewer: still their own submission.
    const other = (await admin('POST', '/api/relay-sources', TINH)).body;
    expect((await both('PUT', `/api/relay-sources/${other.id}`, { ...TINH, url: 'https://8.8.4.4/hls/other.m3u8' })).status).toBe(200);
    expect((await both('POST', `/api/relay-sources/${other.id}/decision`, { decision: 'approve' })).body).toMatchObject({ code: 'relay_source_self_review' });
    // Another admin-reviewer may decide on it.
    const colleague = await callerFor(t, 'capcao2', ['admin', 'reviewer']);
    expect((await colleague('POST', `/api/relay-sources/${mine.id}/decision`, { decision: 'approve' })).status).toBe(200);
  });

  it('refuses a private, reserved or malformed URL and saves nothing; allowPrivate by an admin opens LAN and loopback only', async () => {
    const auditBefore = (await t.audit.page(undefined, 200)).length;
    const cases: [unknown, string][] = [
      [{ name: 'LAN', url: 'http://192.168.1.20:8000/radio.mp3' }, 'relay_url_private'],
      [{ name: 'Loopback', url: 'http://0x7f.1:8000/' }, 'relay_url_private'],
      [{ name: 'Decimal', url: 'http://2130706433/' }, 'relay_url_private'],
      [{ name: 'Mapped', url: 'http://[::ffff:7f00:1]/' }, 'relay_url_private'],
      [{ name: 'Metadata', url: 'http://169.254.169.254/latest/meta-data/', allowPrivate: true }, 'relay_url_reserved'],
      [{ name: 'Unspecified', url: 'http://0.0.0.0:8000/', allowPrivate: true }, 'relay_url_reserved'],
      [{ name: 'Itself', url: 'http://127.0.0.1:8080/metrics', allowPrivate: true }, 'relay_url_self'],
      [{ name: 'FTP', url: 'ftp://8.8.8.8/radio.mp3' }, 'relay_url_scheme'],
      [{ name: 'Userinfo', url: 'http://u:p@8.8.8.8/radio.mp3' }, 'relay_url_userinfo'],
      [{ name: 'Port', url: 'http://8.8.8.8:0/' }, 'relay_url_port'],
      [{ name: 'Junk', url: 'không phải địa chỉ' }, 'relay_url_invalid'],
    ];
    for (const [body, code] of cases) {
      const res = await admin('POST', '/api/relay-sources', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({ code });
    }
    expect((await admin('POST', '/api/relay-sources', { ...VOV1, extra: 1 })).status).toBe(400);
    expect(await relayRows()).toBe(0);
    expect((await t.audit.page(undefined, 200)).length).toBe(auditBefore);

    const lan = await admin('POST', '/api/relay-sources', { name: 'Icecast phường', url: 'http://127.0.0.1:8000/radio.mp3', allowPrivate: true });
    expect(lan.status, JSON.stringify(lan.body)).toBe(201);
    expect(lan.body).toMatchObject({ allowPrivate: true, state: 'submitted' });
    await reviewer('POST', `/api/relay-sources/${lan.body.id}/decision`, { decision: 'approve' });
    expect(await t.relaySources.approvedSource(lan.body.id)).toMatchObject({ url: 'http://127.0.0.1:8000/radio.mp3', allowPrivate: true });
    // Turning the flag off makes the same URL a refused one, and changes nothing.
    const off = await admin('PUT', `/api/relay-sources/${lan.body.id}`, { name: 'Icecast phường', url: 'http://127.0.0.1:8000/radio.mp3', allowPrivate: false });
    expect(off.status).toBe(422);
    expect(off.body).toMatchObject({ code: 'relay_url_private' });
    expect((await admin('GET', `/api/relay-sources/${lan.body.id}`)).body).toMatchObject({ state: 'approved', allowPrivate: true });
  });

  it('puts a changed URL back to review while the approved URL stays on air', async () => {
    const id = (await admin('POST', '/api/relay-sources', VOV1)).body.id as number;
    await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve' });

    // A rename alone needs no review.
    const renamed = await admin('PUT', `/api/relay-sources/${id}`, { name: 'VOV1 – Thời sự', url: VOV1.url });
    expect(renamed.body).toMatchObject({ name: 'VOV1 – Thời sự', state: 'approved' });

    const changed = await admin('PUT', `/api/relay-sources/${id}`, { name: 'VOV1 – Thời sự', url: 'http://8.8.8.8:8000/vov1-hq.mp3' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ url: 'http://8.8.8.8:8000/vov1-hq.mp3', state: 'submitted', approved: { url: VOV1.url }, decidedBy: null });
    expect(await t.relaySources.approvedSource(id)).toMatchObject({ url: VOV1.url });
    expect((await viewer('GET', `/api/relay-sources/${id}`)).body.approved.url).toBe(VOV1.url);

    // A refused change leaves the source as it was.
    const bad = await admin('PUT', `/api/relay-sources/${id}`, { name: 'VOV1 – Thời sự', url: 'http://10.0.0.1/' });
    expect(bad.status).toBe(422);
    expect((await admin('GET', `/api/relay-sources/${id}`)).body).toEqual(changed.body);

    // A reviewer who looked at the old URL cannot approve the new one by accident.
    const stale = await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve', url: VOV1.url });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'relay_source_changed' });
    const noReason = await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'reject', reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'relay_reject_reason' });
    const rejected = await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'reject', reason: 'Luồng chất lượng cao hay mất tín hiệu' });
    expect(rejected.body).toMatchObject({ state: 'rejected', reason: 'Luồng chất lượng cao hay mất tín hiệu', approved: { url: VOV1.url } });
    expect(await t.relaySources.approvedSource(id)).toMatchObject({ url: VOV1.url });

    // Back to the approved URL: approved again, with no new review.
    const back = await admin('PUT', `/api/relay-sources/${id}`, { name: 'VOV1 – Thời sự', url: VOV1.url });
    expect(back.body).toMatchObject({ state: 'approved', url: VOV1.url, reason: null });

    // A new URL approved replaces the one on air.
    await admin('PUT', `/api/relay-sources/${id}`, { name: 'VOV1 – Thời sự', url: 'http://8.8.8.8:8000/vov1-hq.mp3' });
    await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve', url: 'http://8.8.8.8:8000/vov1-hq.mp3' });
    expect(await t.relaySources.approvedSource(id)).toMatchObject({ url: 'http://8.8.8.8:8000/vov1-hq.mp3' });

    expect(await auditActions()).toEqual([
      'relay_source.approve',
      'relay_source.update',
      'relay_source.update',
      'relay_source.reject',
      'relay_source.update',
      'relay_source.update',
      'relay_source.approve',
      'relay_source.create',
    ]);
  });

  it('sends a rejected source back to review when an admin saves it again', async () => {
    const id = (await admin('POST', '/api/relay-sources', TINH)).body.id as number;
    await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'reject', reason: 'Chưa có giấy phép tiếp sóng' });
    const again = await admin('PUT', `/api/relay-sources/${id}`, TINH);
    expect(again.body).toMatchObject({ state: 'submitted', reason: null, decidedBy: null, approved: null });
    expect((await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve' })).body).toMatchObject({ state: 'approved' });
  });

  it('keeps names unique among the sources not deleted, and deletes softly', async () => {
    const id = (await admin('POST', '/api/relay-sources', VOV1)).body.id as number;
    await reviewer('POST', `/api/relay-sources/${id}/decision`, { decision: 'approve' });
    const dup = await admin('POST', '/api/relay-sources', { ...TINH, name: 'vov1' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'relay_source_name_taken' });
    const other = (await admin('POST', '/api/relay-sources', TINH)).body.id as number;
    expect((await admin('PUT', `/api/relay-sources/${other}`, { ...TINH, name: 'VOV1' })).body).toMatchObject({ code: 'relay_source_name_taken' });

    expect((await editor('DELETE', `/api/relay-sources/${id}`)).status).toBe(403);
    expect((await admin('DELETE', `/api/relay-sources/${id}`)).status).toBe(204);
    const gone = await admin('GET', `/api/relay-sources/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'relay_source_not_found' });
    expect((await admin('DELETE', `/api/relay-sources/${id}`)).status).toBe(404);
    expect((await viewer('GET', '/api/relay-sources')).body.map((s: { id: number }) => s.id)).toEqual([other]);
    expect(await t.relaySources.approvedSource(id)).toBeUndefined();
    // The row stays for history; its name is free again.
    expect(await t.db.get('SELECT name, deleted_at IS NOT NULL AS deleted FROM relay_sources WHERE id = ?', [id])).toEqual({ name: 'VOV1', deleted: 1 });
    expect((await admin('POST', '/api/relay-sources', VOV1)).status).toBe(201);
    const audit = (await t.audit.page(undefined, 200)).filter((r) => r.action === 'relay_source.delete');
    expect(audit).toMatchObject([{ actor: 'quantri2', target: `relay_source:${id}`, summary: { name: 'VOV1', url: VOV1.url } }]);
  });

  it('answers refusals as problem+json in the caller’s language', async () => {
    const s = await t.login('quantri2');
    const send = (lang: string) =>
      t.request('/api/relay-sources', { method: 'POST', ...s, headers: { 'accept-language': lang }, body: JSON.stringify({ name: 'LAN', url: 'http://192.168.1.20:8000/' }) });
    const [vi, en] = [await send('vi'), await send('en')];
    expect(vi.headers.get('content-type')).toContain('application/problem+json');
    const [viBody, enBody] = [await vi.json(), await en.json()];
    expect(viBody).toMatchObject({ status: 422, code: 'relay_url_private', address: '192.168.1.20', addressKind: 'private' });
    expect(viBody.detail).toBe('Địa chỉ 192.168.1.20 là địa chỉ mạng nội bộ: chỉ dùng được khi quản trị viên chọn "Cho phép địa chỉ nội bộ".');
    expect(enBody.detail).toBe('The address 192.168.1.20 is a private network address: it is allowed only with "Allow internal addresses", set by an administrator.');
    const missing = await t.request('/api/relay-sources/4242', { ...s, headers: { 'accept-language': 'en' } });
    expect(await missing.json()).toMatchObject({ code: 'relay_source_not_found', detail: 'Relay source #4242 not found.' });
    expect(await relayRows()).toBe(0);
  });
});
