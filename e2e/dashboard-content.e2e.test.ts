// The editor → reviewer story in a real Chromium against the real server, each role signed in through
// the real login page: the editor uploads a video (and a file the server refuses) and writes a message,
// submits both; the reviewer approves the video and rejects the message with a reason, which the editor
// then sees; the ad reviewer sees the superlative claim of an ad without proof highlighted, and rejects it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, fetchSession, REVIEW_STAFF, type FetchSession } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2025';
const USERS = REVIEW_STAFF;
const MESSAGE_TITLE = 'Giữ gìn vệ sinh chung';
const MESSAGE_BODY = 'Bà con vui lòng bỏ rác đúng giờ, đúng nơi quy định. Không vứt rác ra đường và kênh rạch.';
const CLIP_TITLE = 'Hướng dẫn tiêm chủng mở rộng';
const AD_TITLE = 'Sữa chua nếp cẩm tốt nhất phường';
const REJECT_REASON = 'Cần ghi rõ giờ thu gom rác của tổ dân phố.';
const AD_REASON = 'Tuyên bố "tốt nhất" không có tài liệu chứng minh.';

describe.skipIf(skipBrowserTests)('dashboard content and review story in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let files: Record<string, string>;
  let api: FetchSession;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-media-'));
    [server, browser, files] = await Promise.all([
      startServer(),
      launchBrowser(),
      makeFixtures(fixtureDir, ['h264-aac.mp4', 'poster.png', 'archive.zip']),
    ]);
    api = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(api, USERS, PASSWORD);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  /** A fresh browser (no shared cookies) signed in as `username` through the login page. */
  async function signIn(username: string, width = 1280, password = PASSWORD): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`${username}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
    });
    await page.goto(server.url + '/');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('shell').waitFor();
    return page;
  }

  const nav = (page: Page, name: string) => page.getByTestId('nav').getByRole('link', { name, exact: true }).click();

  async function submitFromDetail(page: Page) {
    await page.getByTestId('submit').click();
    await page.getByTestId('action-done').waitFor();
    await page.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
  }

  it('lets the editor upload several files at once, showing progress, the stored files and the refusal reason', async () => {
    const page = await signIn('bientap');
    await nav(page, 'Nội dung');
    await page.getByTestId('open-upload').click();
    await page.waitForURL('**/content/upload');
    await page.getByTestId('uploader-input').setInputFiles([files['h264-aac.mp4']!, files['poster.png']!, files['archive.zip']!]);

    const items = page.getByTestId('upload-item');
    await expect.poll(() => items.count()).toBe(3);
    // Every file has its own labelled progress bar.
    expect(await page.getByRole('progressbar', { name: /Tiến độ tải h264-aac\.mp4/ }).count()).toBe(1);
    await page.locator('[data-testid="upload-item"][data-status="done"]').nth(1).waitFor({ timeout: 60_000 });
    const zip = page.locator('[data-testid="upload-item"]', { hasText: 'archive.zip' });
    await zip.locator('[data-status="rejected"], [data-testid="upload-reason"]').first().waitFor();
    expect(await zip.getAttribute('data-status')).toBe('rejected');
    const reason = (await zip.getByTestId('upload-reason').innerText()).trim();
    expect(reason).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(reason).toContain('Hãy chọn một tệp khác');
    expect(await page.locator('[data-testid="upload-item"][data-status="done"]').count()).toBe(2);

    // The video becomes a clip.
    const stored = page.getByTestId('stored-media').locator('li');
    await stored.filter({ hasText: 'h264-aac.mp4' }).getByTestId('make-clip').click();
    await page.getByTestId('mc-title').fill(CLIP_TITLE);
    await page.getByTestId('mc-create').click();
    await page.getByTestId('created').waitFor();
    await page.getByTestId('created').getByRole('button').click();

    // The picture becomes an ad claiming "tốt nhất" with no proof.
    await stored.filter({ hasText: 'poster.png' }).getByTestId('make-ad').click();
    await page.getByTestId('mc-title').fill(AD_TITLE);
    await page.getByTestId('mc-create').click();
    await page.getByTestId('mc-advertiser-error').waitFor();
    await page.getByTestId('mc-advertiser').fill('Cơ sở Hương Quê');
    await page.getByTestId('mc-category').selectOption('food');
    await page.getByTestId('mc-create').click();
    await page.getByTestId('open-created').click();
    await page.getByTestId('screen-title').getByText(AD_TITLE).waitFor();
    await submitFromDetail(page);

    // The clip is submitted from the library.
    await nav(page, 'Nội dung');
    await page.getByTestId('content-table').getByRole('link', { name: CLIP_TITLE }).click();
    await page.getByTestId('screen-title').getByText(CLIP_TITLE).waitFor();
    await submitFromDetail(page);
    expect(problems).toEqual([]);
  });

  it('lets the editor write a message, preview it at three sizes, listen to the saved speech and submit it', async () => {
    const page = await signIn('bientap');
    await nav(page, 'Nội dung');
    await page.getByTestId('new-message').click();
    await page.getByTestId('msg-title').fill(MESSAGE_TITLE);
    await page.getByTestId('msg-body').fill(MESSAGE_BODY);
    for (const size of ['led', 'kiosk', 'ticker']) expect(await page.getByTestId(`preview-${size}`).innerText()).toContain(MESSAGE_TITLE);
    const led = await page.getByTestId('preview-led').boundingBox();
    const kiosk = await page.getByTestId('preview-kiosk').boundingBox();
    expect(led!.width / led!.height).toBeCloseTo(16 / 9, 1);
    expect(kiosk!.height / kiosk!.width).toBeCloseTo(16 / 9, 1);
    // The text really occupies the screens (not squeezed to nothing by padding).
    for (const [size, box] of [
      ['led', led],
      ['kiosk', kiosk],
    ] as const) {
      const title = await page.getByTestId(`preview-${size}`).locator('p').first().boundingBox();
      expect(title!.width, size).toBeGreaterThan(box!.width * 0.6);
    }
    expect(await page.getByTestId('preview-led').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Be Vietnam Pro');
    expect(await page.getByTestId('listen').isDisabled()).toBe(true);

    await page.getByTestId('save-draft').click();
    await page.getByTestId('editor-saved').waitFor({ timeout: 60_000 });
    await page.waitForURL(/\/content\/\d+\/edit$/);
    // The speech of the saved version is real, playable audio.
    const seconds = await page.getByTestId('listen-audio').evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((done, fail) => {
          el.addEventListener('loadedmetadata', () => done(el.duration), { once: true });
          el.addEventListener('error', () => fail(new Error('speech did not load')), { once: true });
          el.preload = 'auto';
          el.load();
        }),
    );
    expect(seconds).toBeGreaterThan(1);
    await page.getByTestId('listen').click();
    await expect.poll(() => page.getByTestId('listen').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('submit-review').click();
    await page.waitForURL(/\/content\/\d+$/);
    await page.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
    expect(problems).toEqual([]);
  });

  it('lets the reviewer approve the video and reject the message only with a reason', async () => {
    const page = await signIn('duyet');
    await nav(page, 'Duyệt');
    const queue = page.getByTestId('queue-entry');
    await expect.poll(() => queue.count()).toBe(2);
    expect(await page.getByTestId('review-queue').innerText()).not.toContain(AD_TITLE);

    await queue.filter({ hasText: CLIP_TITLE }).click();
    const panel = page.getByTestId('review-panel');
    await panel.getByTestId('media-video').waitFor();
    expect(await panel.getByTestId('review-sha').innerText()).toMatch(/^[0-9a-f]{64}$/);
    await panel.getByTestId('approve').click();
    await page.getByTestId('decided').getByText(`Đã duyệt "${CLIP_TITLE}"`).waitFor();
    await expect.poll(() => queue.count()).toBe(1);

    await queue.filter({ hasText: MESSAGE_TITLE }).click();
    expect(await panel.getByTestId('preview-led').innerText()).toContain(MESSAGE_TITLE);
    await panel.getByTestId('reject').click();
    await panel.getByTestId('review-reason-error').getByText('Hãy nhập lý do từ chối.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-reason');
    await page.keyboard.type(REJECT_REASON);
    await panel.getByTestId('reject').click();
    await page.getByTestId('decided').getByText(`Đã từ chối "${MESSAGE_TITLE}"`).waitFor();
    await expect.poll(() => queue.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the editor the reviewer’s reason and what plays now', async () => {
    const page = await signIn('bientap');
    await nav(page, 'Nội dung');
    const table = page.getByTestId('content-table');
    await table.getByRole('link', { name: MESSAGE_TITLE }).waitFor();
    expect(await table.locator('tr', { hasText: MESSAGE_TITLE }).getByTestId('state-badge').innerText()).toBe('Bị từ chối');
    expect(await table.locator('tr', { hasText: CLIP_TITLE }).getByTestId('state-badge').innerText()).toBe('Đã duyệt');

    // The state filter (the starter pack of approved messages is in the library too).
    await page.getByLabel('Trạng thái').selectOption('approved');
    await table.getByRole('link', { name: MESSAGE_TITLE }).waitFor({ state: 'detached' });
    expect(new Set(await table.getByTestId('state-badge').allInnerTexts())).toEqual(new Set(['Đã duyệt']));
    expect(await table.getByRole('link', { name: CLIP_TITLE }).count()).toBe(1);
    await page.getByLabel('Trạng thái').selectOption('');
    await table.getByRole('link', { name: MESSAGE_TITLE }).waitFor();

    await table.getByRole('link', { name: MESSAGE_TITLE }).click();
    await page.getByTestId('rejection-reason').getByText(REJECT_REASON, { exact: false }).waitFor();
    expect(await page.getByTestId('history').innerText()).toContain(REJECT_REASON);

    await nav(page, 'Nội dung');
    await table.getByRole('link', { name: CLIP_TITLE }).click();
    await page.getByTestId('playing').getByTestId('media-video').waitFor();
    expect(await page.getByTestId('playing').innerText()).toContain('Phiên bản 1');
    expect(problems).toEqual([]);
  });

  it('shows the ad reviewer the superlative claim highlighted, muted, and lets them reject it', async () => {
    const page = await signIn('duyetqc', 800);
    await nav(page, 'Duyệt');
    const queue = page.getByTestId('queue-entry');
    await expect.poll(() => queue.count()).toBe(1);
    await queue.first().click();
    const panel = page.getByTestId('review-panel');
    expect(await panel.getByTestId('muted-note').innerText()).toContain('Quảng cáo ngoài trời không phát âm thanh');
    expect(await panel.getByTestId('findings').locator('[data-rule="ad.superlative"]').count()).toBe(1);
    const mark = panel.getByTestId('highlight-title').getByTestId('finding-mark');
    expect(await mark.count()).toBe(1);
    expect(await mark.innerText()).toContain('nhất');
    expect(await panel.getByTestId('highlight-title').innerText()).toContain('tốt nhất');
    expect(await mark.evaluate((el) => el.tagName)).toBe('MARK');

    expect(await panel.getByTestId('findings').innerText()).toContain('Lỗi');

    // The same screen in English, then back.
    await page.getByTestId('lang-en').click();
    await panel.getByTestId('muted-note').getByText('Outdoor ads play without sound').waitFor();
    expect(await panel.getByTestId('findings').innerText()).toContain('Error');
    expect(await panel.getByTestId('reject').innerText()).toBe('Reject');
    await page.getByTestId('lang-vi').click();
    await panel.getByTestId('reject').getByText('Từ chối').waitFor();

    await panel.getByTestId('review-reason').fill(AD_REASON);
    await panel.getByTestId('reject').click();
    await page.getByTestId('decided').waitFor();

    const list = await api('GET', `/api/content?kind=ad`);
    const ad = (list.body as unknown as { latest: { state: string }; playing: unknown }[])[0]!;
    expect(ad.latest.state).toBe('rejected');
    expect(ad.playing).toBeNull();
    expect(problems).toEqual([]);
  });

  it('lets the admin see the staff and find the decisions in the audit log, exported as CSV', async () => {
    const page = await signIn('admin', 1280, server.adminPassword);
    await nav(page, 'Người dùng');
    const users = page.getByTestId('users-table');
    await users.getByText('bientap').waitFor();
    expect(await users.locator('tr', { hasText: 'duyetqc' }).innerText()).toContain('Duyệt quảng cáo');

    await nav(page, 'Nhật ký');
    const audit = page.getByTestId('audit-table');
    await audit.getByText('review.reject').first().waitFor();
    expect(await audit.innerText()).toContain(REJECT_REASON);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^nhat-ky-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFFSố,Thời điểm,Người thực hiện,Thao tác')).toBe(true);
    expect(csv).toContain('review.approve');
    expect(problems).toEqual([]);
  });
});
