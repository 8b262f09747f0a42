// From upload to review in a real Chromium against the real server: a picture named .mp4 is stored as
// a picture, and the editor (right after the upload and on the item) and the reviewer are told its name
// lies about its content; an ad's claim is pre-checked while it is written and marked for the economic
// office; several uploads or drafts go to review at once, and every submission is confirmed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, fetchSession, nav, REVIEW_STAFF, signInThroughLoginPage } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2025';
const USERS = REVIEW_STAFF;
const LIAR_TITLE = 'Áp phích ngày hội đại đoàn kết';
const LIAR_WARNING = 'Tệp tên .mp4 nhưng nội dung là ảnh PNG';
const AD_TITLE = 'Sữa chua nếp cẩm Hương Quê';
const AD_CLAIM = 'Sữa chua tốt nhất phường, giao tận nhà trong 30 phút.';

describe.skipIf(skipBrowserTests)('from upload to review in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let files: Record<string, string>;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-upload-'));
    [server, browser, files] = await Promise.all([
      startServer({ timeoutMs: 120_000 }),
      launchBrowser(),
      makeFixtures(fixtureDir, ['poster.png', 'photo.jpg']),
    ]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, USERS, PASSWORD);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const { context, page } = await signInThroughLoginPage(browser, server, username, PASSWORD, problems);
    contexts.push(context);
    return page;
  }

  async function openUpload(page: Page) {
    await nav(page, 'Nội dung');
    await page.getByTestId('open-upload').click();
    await page.waitForURL('**/content/upload');
  }

  it('warns the editor right after uploading a picture named .mp4, and on the item it becomes', async () => {
    const page = await signIn('bientap');
    await openUpload(page);
    await page
      .getByTestId('uploader-input')
      .setInputFiles({ name: 'x.mp4', mimeType: 'video/mp4', buffer: readFileSync(files['poster.png']!) });
    const stored = page.getByTestId('stored-media').locator('li', { hasText: 'x.mp4' });
    await stored.getByTestId('name-warning').getByText(LIAR_WARNING).waitFor({ timeout: 60_000 });

    await stored.getByTestId('make-clip').click();
    await page.getByTestId('mc-title').fill(LIAR_TITLE);
    await page.getByTestId('mc-create').click();
    await page.getByTestId('open-created').click();
    await page.getByTestId('screen-title').getByText(LIAR_TITLE).waitFor();
    // Stored by its content: the item shows a picture, with the warning beside it.
    await page.getByTestId('latest').locator('[data-testid="media-view"][data-kind="image"]').waitFor();
    expect(await page.getByTestId('latest').getByTestId('name-warning').innerText()).toContain(LIAR_WARNING);
    await page.getByTestId('submit').click();
    await page.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the reviewer the same warning on the submitted version', async () => {
    const page = await signIn('duyet');
    await nav(page, 'Duyệt');
    await page.getByTestId('queue-entry').filter({ hasText: LIAR_TITLE }).click();
    const panel = page.getByTestId('review-panel');
    await panel.getByTestId('name-warning').getByText(LIAR_WARNING).waitFor();
    await page.getByTestId('lang-en').click();
    await panel.getByTestId('name-warning').getByText('The file is named .mp4 but contains a PNG image').waitFor();
    await page.getByTestId('lang-vi').click();
    expect(problems).toEqual([]);
  });

  it('pre-checks the ad’s claim as the editor writes it, and marks "tốt nhất" in it for the ad reviewer', async () => {
    const page = await signIn('bientap');
    await openUpload(page);
    await page.getByTestId('uploader-input').setInputFiles(files['photo.jpg']!);
    const stored = page.getByTestId('stored-media').locator('li', { hasText: 'photo.jpg' });
    await stored.getByTestId('make-ad').click();
    await page.getByTestId('mc-title').fill(AD_TITLE);
    await page.getByTestId('mc-advertiser').fill('Cơ sở Hương Quê');
    await page.getByTestId('mc-category').selectOption('food');
    const precheck = page.getByTestId('ad-precheck');
    await precheck.getByTestId('findings').or(precheck.getByText('Kiểm tra sơ bộ không phát hiện vấn đề nào.')).waitFor();
    expect(await precheck.locator('[data-rule="ad.superlative"]').count()).toBe(0);
    await page.getByLabel('Nội dung quảng cáo (lời quảng cáo, tuyên bố)').fill(AD_CLAIM);
    const found = precheck.locator('[data-rule="ad.superlative"]');
    await found.first().waitFor();
    expect(await found.first().innerText()).toContain('Nội dung quảng cáo');
    expect(await found.first().innerText()).toContain('tốt nhất');
    await page.getByTestId('mc-create').click();
    await page.getByTestId('open-created').click();
    await page.getByTestId('ad-claim').getByText(AD_CLAIM).waitFor();
    await page.getByTestId('submit').click();
    await page.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();

    const reviewer = await signIn('duyetqc');
    await nav(reviewer, 'Duyệt');
    await reviewer.getByTestId('queue-entry').filter({ hasText: AD_TITLE }).click();
    const panel = reviewer.getByTestId('review-panel');
    const mark = panel.getByTestId('highlight-claim').getByTestId('finding-mark');
    await mark.first().waitFor();
    expect(await mark.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('tốt nhất')]));
    expect(await panel.getByTestId('findings').locator('[data-rule="ad.superlative"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('sends two uploaded files to review at once with "Gửi duyệt ngay", confirms it, and the reviewer sees both', async () => {
    const page = await signIn('bientap');
    await openUpload(page);
    await page.getByTestId('uploader-input').setInputFiles([
      { name: 'le-hoi-mua-xuan.png', mimeType: 'image/png', buffer: readFileSync(files['poster.png']!) },
      { name: 'ngay-hoi-doc-sach.jpg', mimeType: 'image/jpeg', buffer: readFileSync(files['photo.jpg']!) },
    ]);
    await expect.poll(() => page.getByTestId('stored-media').locator('li').count(), { timeout: 60_000 }).toBe(2);
    await page.getByTestId('submit-now').click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi duyệt 2 mục.' }).waitFor();
    expect(await page.getByTestId('submit-refused').count()).toBe(0);

    const reviewer = await signIn('duyet');
    await nav(reviewer, 'Duyệt');
    const queue = reviewer.getByTestId('queue-entry');
    await queue.filter({ hasText: 'le-hoi-mua-xuan' }).waitFor();
    expect(await queue.filter({ hasText: 'ngay-hoi-doc-sach' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('lets the editor select all drafts in the library and submit them at once, with a confirmation', async () => {
    const editor = await fetchSession(server, 'bientap', PASSWORD);
    const titles = ['Lịch thu gom rác tổ 3', 'Lịch tiêm chủng tháng 12'];
    for (const title of titles)
      expect(
        (await editor('POST', '/api/content', { kind: 'message', title, body: 'Bà con lưu ý theo dõi thông báo của phường.' })).status,
      ).toBe(201);
    // A single submission from the editor's page is confirmed on the item it leads to.
    const single = await editor<{ id: number }>('POST', '/api/content', {
      kind: 'message',
      title: 'Lịch họp tổ dân phố',
      body: 'Họp lúc 19 giờ tại nhà văn hoá.',
    });
    const page = await signIn('bientap');
    await page.goto(`${server.url}/content/${single.body.id}/edit`);
    await page.getByTestId('submit-review').click();
    await page.waitForURL(`**/content/${single.body.id}`);
    await page.getByRole('status').filter({ hasText: 'Đã gửi duyệt phiên bản 1.' }).waitFor();

    await nav(page, 'Nội dung');
    const table = page.getByTestId('content-table');
    await table.getByRole('link', { name: titles[0] }).waitFor();
    expect(await table.getByTestId('select-item').count()).toBe(2);
    await page.getByLabel('Chọn tất cả bản nháp').check();
    await page.getByTestId('bulk-submit-button').getByText('Gửi duyệt 2 mục đã chọn').click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi duyệt 2 mục.' }).waitFor();
    for (const title of titles) await table.locator('tr', { hasText: title }).getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
    expect(await table.getByTestId('select-item').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
