// Accounts and the four-eyes rule, in a real Chromium against the real server: the add-user form ticks no
// role by itself and refuses an account without one; an account that may both write and review, refused
// when it approves its own submission, is told that nobody may decide on their own submission — not that
// it lacks a permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, nav, pageApi, signInThroughLoginPage } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const ROLES = ['editor', 'reviewer', 'ad_reviewer', 'announcer', 'viewer', 'admin'];
const TITLE = 'Lịch thu gom rác tổ 5';

describe.skipIf(skipBrowserTests)('accounts and self-approval in the dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('ticks no role on a new account and refuses to create one without a role', async () => {
    const { context, page } = await signInThroughLoginPage(browser, server, 'admin', server.adminPassword, problems);
    contexts.push(context);
    await nav(page, 'Người dùng');
    await page.getByTestId('new-user').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    for (const r of ROLES) expect(await form.getByTestId(`u-role-${r}`).isChecked(), r).toBe(false);

    await form.getByTestId('u-username').fill('haivai');
    await form.getByTestId('u-name').fill('Anh Hải (biên tập, duyệt)');
    await form.getByTestId('u-password').fill(PASSWORD);
    await form.getByTestId('u-save').click();
    await form.getByText('Chọn ít nhất một vai trò.').waitFor();
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    const users = (await admin<{ username: string }[]>('GET', '/api/users')).body;
    expect(users.map((u) => u.username)).not.toContain('haivai');

    await form.getByTestId('u-role-editor').check();
    await form.getByTestId('u-role-reviewer').check();
    await form.getByTestId('u-save').click();
    await form.waitFor({ state: 'detached' });
    const made = (await admin<{ username: string; roles: string[] }[]>('GET', '/api/users')).body.find((u) => u.username === 'haivai');
    expect(made?.roles.slice().sort()).toEqual(['editor', 'reviewer']);
    expect(problems).toEqual([]);
  });

  it('tells an editor-reviewer who approves their own submission that nobody may decide on their own', async () => {
    const { context, page } = await signInThroughLoginPage(browser, server, 'haivai', PASSWORD, problems);
    contexts.push(context);
    const api = await pageApi(page, server);
    const created = await api<{ id: number }>('POST', '/api/content', {
      kind: 'message',
      title: TITLE,
      body: 'Xe thu gom rác đi qua lúc 17 giờ hằng ngày.',
      style: 'led',
      displaySeconds: 8,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api('POST', `/api/content/${created.body.id}/versions/1/submit`)).status).toBe(200);

    await nav(page, 'Duyệt');
    await page.getByTestId('queue-entry').filter({ hasText: TITLE }).click();
    const panel = page.getByTestId('review-panel');
    await panel.getByTestId('approve').click();
    const notice = panel.getByTestId('error');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Không ai được tự quyết định nội dung do chính mình gửi');
    expect(text).not.toContain('không có quyền');
    expect(problems).toEqual([]);
  });
});
