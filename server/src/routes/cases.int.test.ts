// /api/cases on a real SQLite file: the case list with its filters, the workflow mới → đang xử lý → đã chuyển →
// đã đóng with only the allowed steps (409 otherwise), notes and outcomes, the audit of every change, and who
// reads what: reviewers handle, admins read, the police (viewer) read only forwarded cases, editors nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addKiosk, fileReport } from '../../test/factories/cases';

type Auth = { cookie: string; csrf: string };
type CaseBody = {
  id: number;
  status: string;
  outcome: string | null;
  forwardNote: string | null;
  phone: string | null;
  detail?: string;
  code?: string;
};
let now = Date.parse('2026-11-02T03:00:00Z');
let t: TestCtx;
const as: Record<'reviewer' | 'viewer' | 'admin' | 'editor', Auth> = {} as never;
let kiosk: number;
let other: number;

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  for (const role of ['reviewer', 'viewer', 'admin', 'editor'] as const) as[role] = await t.createUser(`case-${role}`, [role]);
  kiosk = await addKiosk(t.db);
  other = await addKiosk(t.db);
}, 120_000);
afterAll(() => t.cleanup());

const call = async (auth: Auth, method: string, path: string, body?: unknown) => {
  const res = await t.request(path, {
    method,
    cookie: auth.cookie,
    csrf: auth.csrf,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as CaseBody & { cases: CaseBody[] } };
};
const step = (id: number, body: unknown, auth = as.reviewer) => call(auth, 'POST', `/api/cases/${id}/transitions`, body);
const ids = async (auth: Auth, query = '') => {
  const r = await call(auth, 'GET', `/api/cases${query}`);
  if (!r.body.cases) throw new Error(JSON.stringify(r));
  return r.body.cases.map((c) => c.id);
};

describe('case workflow', () => {
  it('runs new → handling → forwarded (with a note) → closed (with an outcome), auditing each change', async () => {
    const id = await fileReport(t.db, t.cases, kiosk, { phone: '0912 345 678', consent: { given: true, at: now, retentionDays: 90 } });
    expect((await call(as.reviewer, 'GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'new', phone: '0912345678' });
    expect((await step(id, { to: 'handling' })).body).toMatchObject({ status: 'handling' });
    expect((await step(id, { to: 'forwarded' })).body).toMatchObject({ code: 'case_note_required' });
    expect((await step(id, { to: 'forwarded', note: '  Chuyển Công an phường, đồng chí Minh  ' })).body).toMatchObject({
      status: 'forwarded',
      forwardNote: 'Chuyển Công an phường, đồng chí Minh',
    });
    expect((await step(id, { to: 'closed' })).body).toMatchObject({ code: 'case_outcome_required' });
    now += 5 * 3_600_000;
    const closed = await step(id, { to: 'closed', outcome: 'removed', note: 'Đã gỡ bài' });
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed', outcome: 'removed' } });

    const audit = await t.db.all<{ actor: string; action: string; summary: string }>(
      'SELECT actor, action, summary FROM audit_log WHERE target = ? ORDER BY seq',
      [`case:${id}`],
    );
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.summary)])).toEqual([
      ['case-reviewer', 'case.transition', { from: 'new', to: 'handling' }],
      ['case-reviewer', 'case.transition', { from: 'handling', to: 'forwarded', note: 'Chuyển Công an phường, đồng chí Minh' }],
      ['case-reviewer', 'case.transition', { from: 'forwarded', to: 'closed', note: 'Đã gỡ bài', outcome: 'removed' }],
    ]);
    expect((await t.audit.verify()).problems).toEqual([]);
  });

  it('answers 409 with a clear message for a step that does not exist, and changes nothing', async () => {
    const id = await fileReport(t.db, t.cases, kiosk);
    const skip = await step(id, { to: 'closed', outcome: 'verified_false' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'case_transition_not_allowed', from: 'new', to: 'closed', allowed: ['handling'] });
    expect(skip.body.detail).toContain('"mới" sang "đã đóng"');
    await step(id, { to: 'handling' });
    expect((await step(id, { to: 'new' })).status).toBe(409);
    expect((await step(id, { to: 'handling', outcome: 'removed' })).status).toBe(409);
    expect((await step(id, { to: 'forwarded', note: 'x', outcome: 'removed' })).body).toMatchObject({ code: 'case_outcome_only_on_close' });
    await step(id, { to: 'closed', outcome: 'verified_false' });
    for (const to of ['new', 'handling', 'forwarded', 'closed'])
      expect((await step(id, { to, outcome: 'removed', note: 'n' })).status).toBe(409);
    expect((await call(as.reviewer, 'GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'closed', outcome: 'verified_false' });
    expect((await step(999_999, { to: 'handling' })).status).toBe(404);
  });

  it('filters the list by status, category, kiosk and period', async () => {
    now += 60_000;
    const a = await fileReport(t.db, t.cases, other, { category: 'scam' });
    now += 3_600_000;
    const b = await fileReport(t.db, t.cases, other, {
      category: 'child_harm',
      platform: undefined,
      link: 'https://tiktok.com/@x/video/1',
    });
    await step(b, { to: 'handling' });
    expect(await ids(as.reviewer, `?deviceId=${other}`)).toEqual([b, a]);
    expect(await ids(as.reviewer, `?deviceId=${other}&category=scam`)).toEqual([a]);
    expect(await ids(as.reviewer, `?deviceId=${other}&status=handling`)).toEqual([b]);
    const from = encodeURIComponent(new Date(now - 60_000).toISOString());
    expect(await ids(as.reviewer, `?from=${from}`)).toEqual([b]);
    expect((await call(as.reviewer, 'GET', `/api/cases?status=bogus`)).status).toBe(400);
  });
});

describe('who reads and handles cases', () => {
  it('shows the police only forwarded cases (with the phone), and lets them change nothing', async () => {
    const consent = { given: true as const, at: now, retentionDays: 90 };
    const hidden = await fileReport(t.db, t.cases, kiosk, { phone: '0911111111', consent });
    const shown = await fileReport(t.db, t.cases, kiosk, { phone: '0922222222', consent });
    await step(shown, { to: 'handling' });
    await step(shown, { to: 'forwarded', note: 'Nhờ công an phường xác minh' });
    const police = (await call(as.viewer, 'GET', '/api/cases')).body.cases;
    expect(police.map((c) => c.id)).toContain(shown);
    expect(police.every((c) => c.forwardNote !== null)).toBe(true);
    expect(police.find((c) => c.id === shown)).toMatchObject({ phone: '0922222222' });
    expect((await call(as.viewer, 'GET', `/api/cases/${hidden}`)).status).toBe(404);
    expect((await call(as.viewer, 'GET', `/api/cases/${shown}`)).status).toBe(200);
    expect((await step(shown, { to: 'closed', outcome: 'removed' }, as.viewer)).status).toBe(403);
    // A case the police saw stays visible to them once closed.
    await step(shown, { to: 'closed', outcome: 'verified_true' });
    expect(await ids(as.viewer, '?status=closed')).toContain(shown);
  });

  it('lets admins read every case but not handle one, and editors not even read', async () => {
    const id = await fileReport(t.db, t.cases, kiosk);
    expect(await ids(as.admin)).toContain(id);
    expect((await step(id, { to: 'handling' }, as.admin)).status).toBe(403);
    expect((await call(as.editor, 'GET', '/api/cases')).status).toBe(403);
    expect((await call(as.editor, 'GET', `/api/cases/${id}`)).status).toBe(403);
  });
});
