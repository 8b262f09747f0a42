// The ward portal in a real Chromium against the real server: the editor ticks "Công khai trên cổng thông tin"
// in the real message editor, the reviewer approves, and a visitor without any session reads the message on
// /p/ in the bundled Vietnamese font, then opens its own page with its Open Graph tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, EDITOR_AND_REVIEWER, fetchSession, nav, pageApi, signInThroughLoginPage, TZ, type FetchSession } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2025';
const TITLE = 'Phòng chống lừa đảo "trúng thưởng" qua điện thoại';
const BODY = 'Người dân tuyệt đối không cung cấp mã OTP, không chuyển tiền cho người lạ. Gọi 113 khi nghi ngờ.';

describe.skipIf(skipBrowserTests)('ward portal in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let reviewer: FetchSession;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let publicId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    reviewer = await fetchSession(server, 'duyet', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the editor mark a message public in the real editor; the choice is part of the saved version', async () => {
    const { context, page } = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    contexts.push(context);
    await nav(page, 'Nội dung');
    await page.getByTestId('new-message').click();
    await page.getByTestId('msg-title').fill(TITLE);
    await page.getByTestId('msg-body').fill(BODY);
    const box = page.getByTestId('msg-public');
    expect(await box.isChecked()).toBe(false);
    await page.getByLabel('Công khai trên cổng thông tin').check();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('editor-saved').waitFor({ timeout: 60_000 });
    await page.waitForURL(/\/content\/\d+\/edit$/);
    const id = Number(/\/content\/(\d+)\/edit$/.exec(new URL(page.url()).pathname)![1]);
    // A reload shows the saved choice.
    await page.reload();
    await expect.poll(() => page.getByTestId('msg-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('msg-public').isChecked()).toBe(true);
    await page.getByTestId('submit-review').click();
    await page.waitForURL(/\/content\/\d+$/);
    // The submitted version says it will be public, as the reviewer sees it too.
    await page.getByTestId('latest').getByTestId('version-public').waitFor();

    const api = await pageApi(page, server);
    const item = await api<{ publicId: string | null; latest: { id: number; state: string; fields: Record<string, unknown> } }>('GET', `/api/content/${id}`);
    expect(item.body.latest.fields.public).toBe(true);
    expect(item.body.latest.state).toBe('submitted');
    expect(item.body.publicId).toMatch(/^[0-9a-f-]{36}$/);
    publicId = item.body.publicId!;
    expect((await reviewer('POST', '/api/reviews', { versionId: item.body.latest.id, decision: 'approve' })).status).toBe(200);
    // Once approved, the item's page links to its public page.
    await page.reload();
    expect(await page.getByTestId('public-link').getAttribute('href')).toBe(`/p/${publicId}`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the approved message on /p/ to a visitor without a session, in the bundled Vietnamese font', async () => {
    expect(publicId).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 412, height: 860 }, timezoneId: TZ, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`visitor: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`visitor: ${msg.text()}`);
    });
    const res = await page.goto(`${server.url}/p/`);
    expect(res!.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const link = page.getByRole('link', { name: TITLE });
    await link.waitFor();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
      return {
        loaded,
        // Every glyph of these Vietnamese letters is available from the loaded web font, not a fallback.
        check: document.fonts.check('16px "Be Vietnam Pro"', 'Phòng chống lừa đảo ệ ữ ỗ Đ'),
        family: getComputedStyle(document.querySelector('h2 a')!).fontFamily,
      };
    });
    expect(fonts.family).toContain('Be Vietnam Pro');
    expect(fonts.loaded).toContain('Be Vietnam Pro 400');
    expect(fonts.loaded).toContain('Be Vietnam Pro 700');
    expect(fonts.check).toBe(true);

    await link.click();
    await page.waitForURL(`**/p/${publicId}`);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    const og = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), m.getAttribute('content')])),
    );
    expect(og['og:title']).toBe(TITLE);
    expect(og['og:description']).toBe(BODY);
    expect(og['og:url']).toBe(`${server.url}/p/${publicId}`);
    expect(await page.inputValue('#share-url')).toBe(`${server.url}/p/${publicId}`);
    expect(problems).toEqual([]);
  }, 120_000);
});
