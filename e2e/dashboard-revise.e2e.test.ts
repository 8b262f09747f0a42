// Revising approved content in a real Chromium against the real server: the editor edits an approved
// clip's title, which makes a draft v2 while v1 keeps playing; the reviewer approves v2, which then plays;
// the reviewer revokes it with a required reason after a confirmation, and nothing plays. On an ad the
// editor adds a picture as a proof document, withdraws that draft with a reason, then replaces the
// picture and its display time; the overview shows the server's counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, fetchSession, REVIEW_STAFF, type FetchSession } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2025';
const USERS = REVIEW_STAFF;
const CLIP_V1 = 'Hướng dẫn phân loại rác tại nguồn';
const CLIP_V2 = 'Hướng dẫn phân loại rác tại nguồn (bản cập nhật 2025)';
const AD_TITLE = 'Bánh cuốn Thanh Trì ngon nhất phố';
const REVOKE_REASON = 'Clip dùng số điện thoại đường dây nóng đã cũ; cần cập nhật trước khi phát lại.';
const WITHDRAW_REASON = 'Chờ giấy phép mới của cơ sở.';

/** What the test reads of a stored version. */
type StoredVersion = { media: { sha256: string; fileName: string }; fields: { displaySeconds?: number; proofs?: unknown[] } };

describe.skipIf(skipBrowserTests)('revising approved content in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let files: Record<string, string>;
  let editor: FetchSession;
  let clipId: number;
  let adId: number;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-revise-'));
    [server, browser, files] = await Promise.all([
      startServer(),
      launchBrowser(),
      makeFixtures(fixtureDir, ['h264-aac.mp4', 'poster.png', 'photo.jpg']),
    ]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, USERS, PASSWORD);
    editor = await fetchSession(server, 'bientap', PASSWORD);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    const adReviewer = await fetchSession(server, 'duyetqc', PASSWORD);

    // v1 of a clip and of an ad, approved and playing.
    const video = await editor.upload(files['h264-aac.mp4']!, 'phan-loai-rac.mp4');
    const clip = await editor<{ id: number }>('POST', '/api/content', {
      kind: 'clip',
      title: CLIP_V1,
      mediaSha256: video,
      tags: ['môi trường'],
    });
    expect(clip.status).toBe(201);
    clipId = clip.body.id;
    const poster = await editor.upload(files['poster.png']!, 'banh-cuon.png');
    const ad = await editor<{ id: number }>('POST', '/api/content', {
      kind: 'ad',
      title: AD_TITLE,
      mediaSha256: poster,
      advertiser: 'Quán bà Hằng',
      productCategory: 'food',
    });
    expect(ad.status).toBe(201);
    adId = ad.body.id;
    for (const [id, who] of [
      [clipId, reviewer],
      [adId, adReviewer],
    ] as const) {
      const sub = await editor<{ id: number }>('POST', `/api/content/${id}/versions/1/submit`);
      expect(sub.status).toBe(200);
      expect((await who('POST', '/api/reviews', { versionId: sub.body.id, decision: 'approve' })).status).toBe(200);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  async function signIn(username: string, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`${username}: ${err.message}`));
    await page.goto(server.url + '/');
    if (lang === 'en') await page.getByTestId('lang-en').click();
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('shell').waitFor();
    return page;
  }

  const line = (page: Page) => page.getByTestId('version-line');
  const playingOf = async (id: number) => (await editor<{ playing: { number: number } | null }>('GET', `/api/content/${id}`)).body.playing;

  it('shows the overview counts the server computes', async () => {
    const page = await signIn('bientap');
    const stats = (await editor('GET', '/api/content/stats')).body as { playing: number; byState: Record<string, number> };
    await page.getByTestId('count-playing').getByText(String(stats.playing), { exact: true }).waitFor();
    expect(await page.getByTestId('count-waiting').locator('p').first().innerText()).toBe(String(stats.byState.submitted ?? 0));
    expect(await page.getByTestId('live-devices').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('lets the editor edit the approved clip’s title into a draft v2 while v1 keeps playing', async () => {
    const page = await signIn('bientap');
    await page.goto(`${server.url}/content/${clipId}`);
    await line(page).getByText('Phiên bản đang phát: v1', { exact: true }).waitFor();
    await page.getByTestId('edit').click();
    await page.waitForURL(`**/content/${clipId}/edit`);
    const title = page.getByTestId('mc-title');
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toBe(CLIP_V1);
    // Saving nothing changed makes no version.
    await page.getByTestId('save-version').click();
    await page.getByTestId('editor-saved').getByText('Chưa có thay đổi nào để lưu.').waitFor();

    await title.fill(CLIP_V2);
    await page.getByTestId('save-version').click();
    await page.getByTestId('editor-saved').getByText('Đã lưu phiên bản 2 (nháp). Phiên bản 1 đã duyệt vẫn phát').waitFor();
    expect(await line(page).innerText()).toBe('Phiên bản đang phát: v1 · Bản nháp mới: v2');
    expect((await playingOf(clipId))?.number).toBe(1);

    await page.getByTestId('submit-review').click();
    await page.waitForURL(`**/content/${clipId}`);
    await line(page).getByText('Phiên bản đang phát: v1 · Bản mới chờ duyệt: v2').waitFor();
    expect(await page.getByTestId('playing').innerText()).toContain('Phiên bản 1 đã được duyệt và đang được phát.');
    expect(await page.getByTestId('screen-title').innerText()).toBe(CLIP_V2);
    expect(problems).toEqual([]);
  });

  it('lets the reviewer approve v2, which then plays, and revoke it only with a reason, after which nothing plays', async () => {
    const page = await signIn('duyet');
    await page.getByTestId('nav').getByRole('link', { name: 'Duyệt', exact: true }).click();
    await page.getByTestId('queue-entry').filter({ hasText: CLIP_V2 }).click();
    await page.getByTestId('review-panel').getByTestId('approve').click();
    await page.getByTestId('decided').getByText(`Đã duyệt "${CLIP_V2}"`).waitFor();

    await page.goto(`${server.url}/content/${clipId}`);
    await line(page).getByText('Phiên bản đang phát: v2', { exact: true }).waitFor();
    expect(await page.getByTestId('playing').innerText()).toContain('Phiên bản 2 đã được duyệt và đang được phát.');
    expect((await playingOf(clipId))?.number).toBe(2);
    // v1 stays "approved" in the version table, but only v2 is marked as playing.
    expect(await page.getByTestId('playing-mark').count()).toBe(1);
    expect(
      await page
        .locator('tr', { has: page.getByTestId('playing-mark') })
        .locator('td')
        .first()
        .innerText(),
    ).toBe('2');
    // A reviewer does not edit or withdraw.
    expect(await page.getByTestId('edit').count()).toBe(0);

    // Step one opens the confirmation with the reason field focused; an empty reason is refused.
    await page.getByTestId('revoke-open').click();
    const dialog = page.getByTestId('revoke-dialog');
    expect(await dialog.innerText()).toContain('Phiên bản 2 sẽ ngừng phát trên mọi thiết bị ngay');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('revoke-reason');
    await dialog.getByTestId('revoke-confirm').click();
    await dialog.getByTestId('revoke-reason-error').getByText('Hãy nhập lý do thu hồi.').waitFor();
    expect((await playingOf(clipId))?.number).toBe(2);
    // Cancel returns to the button; then the whole step again from the keyboard.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('revoke-open');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('revoke-reason');
    await page.keyboard.type(REVOKE_REASON);
    await page.getByTestId('revoke-confirm').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('action-done').getByText('Đã thu hồi phiên bản 2; phiên bản này không còn phát.').waitFor();
    await line(page).getByText('Không có phiên bản nào đang phát · Bản mới đã rút: v2').waitFor();
    expect(await page.getByTestId('playing').innerText()).toContain('Chưa có phiên bản nào được duyệt để phát.');
    expect(await page.getByTestId('history').innerText()).toContain(REVOKE_REASON);
    expect(await playingOf(clipId)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('shows the editor why the clip was revoked', async () => {
    const page = await signIn('bientap');
    await page.goto(`${server.url}/content/${clipId}`);
    await page.getByTestId('revocation-reason').getByText(REVOKE_REASON, { exact: false }).waitFor();
    expect(await page.getByTestId('revocation-reason').innerText()).toContain('Phiên bản 2 đã bị thu hồi');
    expect(problems).toEqual([]);
  });

  it('lets the editor add a picture as an ad’s proof, then withdraw that draft with a reason', async () => {
    const page = await signIn('bientap');
    await page.goto(`${server.url}/content/${adId}/edit`);
    await page.getByTestId('media-edit-form').waitFor();
    expect(await page.getByTestId('proof-list').count()).toBe(0);
    // Two pickers on the page, each named for its purpose.
    const picker = (name: string) => page.getByRole('button', { name, exact: true }).and(page.locator('button'));
    expect(await picker('Chọn tệp… (Tài liệu chứng minh)').count()).toBe(1);
    expect(await picker('Chọn tệp… (Thay tệp)').count()).toBe(1);
    await page.getByTestId('proof-uploader-input').setInputFiles(files['photo.jpg']!);
    await page.getByTestId('proof-list').getByText('photo.jpg').waitFor({ timeout: 30_000 });
    await page.getByTestId('mc-licenceRef').fill('GP-12/2025/QC');
    await page.getByTestId('save-version').click();
    await page.getByTestId('editor-saved').getByText('Đã lưu phiên bản 2 (nháp)', { exact: false }).waitFor();
    expect(await line(page).innerText()).toBe('Phiên bản đang phát: v1 · Bản nháp mới: v2');
    const v2 = (await editor('GET', `/api/content/${adId}/versions/2`)).body as {
      fields: { proofs: { sha256: string }[]; licenceRef: string };
    };
    expect(v2.fields.proofs).toHaveLength(1);
    expect(v2.fields.licenceRef).toBe('GP-12/2025/QC');

    await page.goto(`${server.url}/content/${adId}`);
    await page.getByTestId('withdraw-open').click();
    expect(await page.getByTestId('withdraw-dialog').innerText()).toContain('Phiên bản 2 sẽ không được duyệt hay phát nữa.');
    await page.getByTestId('withdraw-reason').fill(WITHDRAW_REASON);
    await page.getByTestId('withdraw-confirm').click();
    await page.getByTestId('action-done').getByText('Đã rút lại phiên bản 2.').waitFor();
    await line(page).getByText('Phiên bản đang phát: v1 · Bản mới đã rút: v2').waitFor();
    expect(await page.getByTestId('history').innerText()).toContain(WITHDRAW_REASON);
    expect((await playingOf(adId))?.number).toBe(1);
    expect(problems).toEqual([]);
  });

  it('says the revoke step and its refusal in English when the reviewer works in English', async () => {
    const page = await signIn('duyetqc', 'en');
    await page.goto(`${server.url}/content/${adId}`);
    await line(page).getByText('Playing version: v1 · New version withdrawn: v2').waitFor();
    await page.getByTestId('revoke-open').getByText('Revoke approval').click();
    await page.getByTestId('revoke-confirm').click();
    await page.getByTestId('revoke-reason-error').getByText('Enter the reason for revoking.').waitFor();
    await page.getByTestId('revoke-cancel').click();
    expect((await playingOf(adId))?.number).toBe(1);
    expect(problems).toEqual([]);
  });

  it('lets the editor replace the ad’s picture and set how long it shows, as a new draft', async () => {
    const page = await signIn('bientap');
    await page.goto(`${server.url}/content/${adId}/edit`);
    await page.getByTestId('media-edit-form').waitFor();
    const seconds = page.getByTestId('mc-seconds');
    await expect.poll(() => seconds.inputValue(), { timeout: 10_000 }).toBe('10');
    await seconds.fill('1');
    await page.getByTestId('save-version').click();
    await page.getByTestId('mc-seconds-error').getByText('Thời gian hiển thị là số nguyên từ 2 đến 3600 giây.').waitFor();
    await seconds.fill('15');
    await page.getByTestId('replace-uploader-input').setInputFiles(files['photo.jpg']!);
    await page.getByTestId('keep-file').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('heading', { name: 'Tệp mới: photo.jpg' }).count()).toBe(1);
    await page.getByTestId('save-version').click();
    await page.getByTestId('editor-saved').getByText('Đã lưu phiên bản 3 (nháp)', { exact: false }).waitFor();
    expect(await line(page).innerText()).toBe('Phiên bản đang phát: v1 · Bản nháp mới: v3');
    const [v1, v3] = (await Promise.all(
      [1, 3].map(async (n) => (await editor<StoredVersion>('GET', `/api/content/${adId}/versions/${n}`)).body),
    )) as [StoredVersion, StoredVersion];
    expect(v3.media.sha256).not.toBe(v1.media.sha256);
    expect(v3.media.fileName).toBe('photo.jpg');
    expect(v3.fields.displaySeconds).toBe(15);
    // The proof added in v2 and the licence carry over to v3.
    expect(v3.fields.proofs).toHaveLength(1);
    expect((await playingOf(adId))?.number).toBe(1);
    expect(problems).toEqual([]);
  });
});
