// The main story of the dashboard, in order, in a real Chromium against the real server,
// each role signed in through the real login page: an editor uploads a video and writes a message and
// submits both; the reviewer approves the video and rejects the message with a reason the editor then reads;
// the editor makes an LED group, pairs a player into it by the code the player shows, and schedules the
// video there for now; the player shows it playing; the Reports screen counts its plays and the periodic
// report downloads as a valid workbook; an ad claiming "tốt nhất" without proof, scheduled ahead of review,
// is rejected by the ad reviewer and never reaches the screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DeviceTimeline } from '@bantin/protocol';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  contentIdOf,
  fetchSession,
  nav,
  pageApi,
  readWorkbook,
  signInThroughLoginPage,
  sleep,
  TZ,
  until,
  vnDate,
  type Call,
} from './story-helpers';

const PASSWORD = 'mat-khau-e2e-chinh';
const USERS = [
  { username: 'bientap', displayName: 'Chị Lan (Trung tâm phục vụ hành chính công)', roles: ['editor'] },
  { username: 'duyet', displayName: 'Anh Minh (Văn hoá – Xã hội)', roles: ['reviewer'] },
  { username: 'duyetqc', displayName: 'Chị Hoa (Kinh tế)', roles: ['ad_reviewer'] },
] as const;
const CLIP_TITLE = 'Hướng dẫn khai báo tạm trú trực tuyến';
const MESSAGE_TITLE = 'Lịch tiếp công dân tháng này';
const MESSAGE_BODY = 'Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.';
const REJECT_REASON = 'Cần ghi rõ giờ tiếp và phòng tiếp công dân.';
const GROUP_NAME = 'LED trục đường chính';
const DEVICE_NAME = 'Màn hình LED ngã tư chợ';
const SCHEDULE_NAME = 'Clip khai báo tạm trú cả ngày';
const AD_TITLE = 'Phở bò Nam Định tốt nhất phường';
const AD_REASON = 'Tuyên bố "tốt nhất" không có tài liệu chứng minh.';

type Version = { id: number; versionSha256: string; media: { sha256: string } | null };

describe.skipIf(skipBrowserTests)('main story: from upload and review to the LED screen and the report', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let files: Record<string, string>;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  let editor: Page;
  let asEditor: Call;
  let clipId: number;
  /** sha256 of the clip's video file, and of its version (what the approval binds to). */
  let clipSha: string;
  let clipVersionSha: string;
  let messageId: number;
  let groupId: number;
  let deviceId: number;
  let deviceToken: string;
  let player: Page;
  /** Every path the player's browser asked for (page and service worker). */
  const playerRequests: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-story-'));
    [server, browser, files] = await Promise.all([
      startServer(),
      launchBrowser(),
      makeFixtures(fixtureDir, ['h264-aac.mp4', 'poster.png']),
    ]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    for (const u of USERS) {
      const r = await admin('POST', '/api/users', { ...u, password: PASSWORD });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  async function signIn(username: string, password = PASSWORD): Promise<Page> {
    const { context, page } = await signInThroughLoginPage(browser, server, username, password, problems);
    contexts.push(context);
    return page;
  }

  /** Uploads one file on the upload screen and opens the form that makes clip or ad content of it. */
  async function uploadAndMake(page: Page, file: string, name: string, make: 'make-clip' | 'make-ad') {
    await nav(page, 'Nội dung');
    await page.getByTestId('open-upload').click();
    await page.waitForURL('**/content/upload');
    await page.getByTestId('uploader-input').setInputFiles(file);
    await page.locator('[data-testid="upload-item"][data-status="done"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('stored-media').locator('li').filter({ hasText: name }).getByTestId(make).click();
  }

  async function submitFromDetail(page: Page) {
    await page.getByTestId('submit').click();
    await page.getByTestId('action-done').waitFor();
    await page.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
  }

  const timelineNow = async () => {
    const r = await asEditor<DeviceTimeline>('GET', `/api/devices/${deviceId}/timeline`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const deviceMedia = (sha: string) =>
    fetch(`${server.url}/api/device/media/${sha}`, { headers: { Authorization: `Bearer ${deviceToken}` } }).then((r) => r.status);

  it('1. lets the editor upload an H.264/AAC video and write a message, and submit both for review', async () => {
    editor = await signIn('bientap');
    asEditor = await pageApi(editor, server);

    await uploadAndMake(editor, files['h264-aac.mp4']!, 'h264-aac.mp4', 'make-clip');
    await editor.getByTestId('mc-title').fill(CLIP_TITLE);
    await editor.getByTestId('mc-create').click();
    await editor.getByTestId('open-created').click();
    await editor.getByTestId('screen-title').getByText(CLIP_TITLE).waitFor();
    clipId = contentIdOf(editor);
    await submitFromDetail(editor);
    const v1 = await asEditor<Version>('GET', `/api/content/${clipId}/versions/1`);
    expect(v1.body.media?.sha256).toMatch(/^[0-9a-f]{64}$/);
    clipSha = v1.body.media!.sha256;
    clipVersionSha = v1.body.versionSha256;

    await nav(editor, 'Nội dung');
    await editor.getByTestId('new-message').click();
    await editor.getByTestId('msg-title').fill(MESSAGE_TITLE);
    await editor.getByTestId('msg-body').fill(MESSAGE_BODY);
    expect(await editor.getByTestId('preview-led').innerText()).toContain(MESSAGE_TITLE);
    await editor.getByTestId('save-draft').click();
    await editor.getByTestId('editor-saved').waitFor({ timeout: 60_000 });
    await editor.waitForURL(/\/content\/\d+\/edit$/);
    messageId = contentIdOf(editor);
    await editor.getByTestId('submit-review').click();
    await editor.waitForURL(`**/content/${messageId}`);
    await editor.getByTestId('latest').getByTestId('state-badge').getByText('Chờ duyệt').waitFor();
    expect(problems).toEqual([]);
  });

  it('2. lets the reviewer approve the video and reject the message with a reason, which the editor then reads', async () => {
    const reviewer = await signIn('duyet');
    await nav(reviewer, 'Duyệt');
    const queue = reviewer.getByTestId('queue-entry');
    await expect.poll(() => queue.count()).toBe(2);
    const panel = reviewer.getByTestId('review-panel');

    await queue.filter({ hasText: CLIP_TITLE }).click();
    await panel.getByTestId('media-video').waitFor();
    expect(await panel.getByTestId('review-sha').innerText()).toBe(clipVersionSha);
    await panel.getByTestId('approve').click();
    await reviewer.getByTestId('decided').getByText(`Đã duyệt "${CLIP_TITLE}"`).waitFor();

    await queue.filter({ hasText: MESSAGE_TITLE }).click();
    await panel.getByTestId('review-reason').fill(REJECT_REASON);
    await panel.getByTestId('reject').click();
    await reviewer.getByTestId('decided').getByText(`Đã từ chối "${MESSAGE_TITLE}"`).waitFor();
    await expect.poll(() => queue.count()).toBe(0);

    await nav(editor, 'Nội dung');
    const table = editor.getByTestId('content-table');
    await table.getByRole('link', { name: MESSAGE_TITLE }).waitFor();
    expect(await table.locator('tr', { hasText: CLIP_TITLE }).getByTestId('state-badge').innerText()).toBe('Đã duyệt');
    expect(await table.locator('tr', { hasText: MESSAGE_TITLE }).getByTestId('state-badge').innerText()).toBe('Bị từ chối');
    await table.getByRole('link', { name: MESSAGE_TITLE }).click();
    await editor.getByTestId('rejection-reason').getByText(REJECT_REASON, { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });

  it('3. lets the editor make an LED group, pair a player into it by its code, and schedule the video there for now', async () => {
    await nav(editor, 'Thiết bị');
    await editor.getByTestId('devices-screen').waitFor();
    await editor.getByTestId('group-name').fill(GROUP_NAME);
    await editor.getByTestId('group-create').click();
    expect(await editor.getByTestId('group-done').innerText()).toContain(`Đã tạo nhóm “${GROUP_NAME}”`);

    // The LED screen's own browser: it shows a pairing code.
    const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: TZ });
    contexts.push(screen);
    screen.on('request', (r) => playerRequests.push(new URL(r.url()).pathname));
    player = await screen.newPage();
    player.on('pageerror', (err) => problems.push(`player: ${err.message}`));
    await player.goto(server.url + '/player/');
    const codeEl = player.getByTestId('pairing-code');
    await codeEl.waitFor({ timeout: 15_000 });
    const code = (await codeEl.getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(await codeEl.innerText()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);

    await editor.getByTestId('pair-code').fill(code);
    await editor.getByTestId('pair-name').fill(DEVICE_NAME);
    await editor.getByTestId('pair-kind').selectOption('led');
    await editor.getByTestId('pair-submit').click();
    expect(await editor.getByTestId('pair-done').innerText()).toContain(`Đã ghép nối “${DEVICE_NAME}”`);
    await player.getByTestId('player-stage').waitFor({ timeout: 30_000 });
    expect(await player.getByTestId('player-stage').getAttribute('data-device-kind')).toBe('led');
    deviceToken = (await player.evaluate(() => localStorage.getItem('bantin.token')))!;
    expect(deviceToken).toMatch(/^bt_/);
    const row = editor.getByTestId('device-list').locator('tr', { hasText: DEVICE_NAME });
    await row.getByTestId('device-status').getByText('Trực tuyến').waitFor({ timeout: 30_000 });

    const devices = (await asEditor<{ id: number; name: string }[]>('GET', '/api/devices')).body;
    deviceId = devices.find((d) => d.name === DEVICE_NAME)!.id;
    const groups = (await asEditor<{ id: number; name: string; deviceIds: number[] }[]>('GET', '/api/groups')).body;
    groupId = groups.find((g) => g.name === GROUP_NAME)!.id;
    await editor.locator('summary', { hasText: `Thành viên của nhóm ${GROUP_NAME}` }).click();
    await editor.getByTestId(`member-${groupId}-${deviceId}`).check();
    await editor.getByTestId('group-list').locator('tr', { hasText: GROUP_NAME }).getByText(DEVICE_NAME).waitFor();

    await nav(editor, 'Lịch phát');
    await editor.getByTestId('schedule-new').click();
    const form = editor.getByTestId('schedule-editor');
    await form.getByLabel('Tên lịch phát').fill(SCHEDULE_NAME);
    await form.getByLabel('Mức ưu tiên').selectOption('normal');
    await editor.getByTestId('sch-content').selectOption({ label: CLIP_TITLE });
    await form.getByRole('checkbox', { name: GROUP_NAME }).check();
    await editor.getByTestId('preset-daily').check();
    // A window over the whole local day (the ward's clock), starting today: "now" is inside it.
    await form.getByLabel('Từ ngày', { exact: true }).fill(vnDate());
    await editor.getByTestId('window-start').fill('00:00');
    await editor.getByTestId('window-end').fill('23:59');
    const sentence = await editor.getByTestId('recurrence-sentence').innerText();
    expect(sentence).toMatch(/^Hằng ngày, 00:00–23:59, /);
    await editor.getByTestId('schedule-save').click();
    await editor.getByTestId('schedules-notice').waitFor();
    const listed = editor.getByTestId('schedule-list').locator('tr', { hasText: SCHEDULE_NAME });
    expect(await listed.innerText()).toContain('Thông thường');
    expect(await listed.getByTestId('schedule-sentence').innerText()).toBe(sentence);

    // The server's view: the device's timeline now plays the approved bytes of the clip, in the normal class.
    const tl = await timelineNow();
    const now = Date.now();
    const current = tl.segments.find((s) => s.start <= now && now < s.end);
    expect(current?.class).toBe('normal');
    expect(current!.items.map((i) => i.sha256)).toContain(clipSha);
    expect(problems).toEqual([]);
  });

  it('4. shows the video on the paired LED screen, playing', async () => {
    const tl = await timelineNow();
    const clipItems = new Set(
      tl.segments
        .flatMap((s) => s.items)
        .filter((i) => i.contentId === String(clipId))
        .map((i) => i.id),
    );
    const video = player.locator('[data-testid="player-item"][data-kind="video"][data-active="true"]');
    const at = () =>
      video
        .locator('video')
        .evaluate((el: HTMLVideoElement) => (el.paused ? -1 : el.currentTime), undefined, { timeout: 1_000 })
        .catch(() => -1);
    await until(
      async () => {
        if (!(await video.isVisible().catch(() => false))) return false;
        if (!clipItems.has((await video.getAttribute('data-item-id', { timeout: 1_000 }).catch(() => null)) ?? '')) return false;
        const t0 = await at();
        await sleep(400);
        const t1 = await at();
        return t0 >= 0 && t1 > t0;
      },
      60_000,
      'the clip to be visible on the LED screen with its time advancing',
    );
    // The player fetched the file from the server by its sha256 (and verified it before showing it).
    expect(playerRequests).toContain(`/api/device/media/${clipSha}`);
    expect(problems).toEqual([]);
  });

  it('5. counts the video’s plays for today on the Reports screen, and the periodic XLSX opens as a workbook', async () => {
    type Play = { deviceId: number; contentId: number | null; sha256: string | null };
    const playsOfClip = async () =>
      (await asEditor<{ plays: Play[] }>('GET', `/api/plays?contentId=${clipId}&limit=1000`)).body.plays.filter(
        (p) => p.deviceId === deviceId && p.sha256 === clipSha,
      ).length;
    // Proof of play arrives from the player once the clip has played through.
    const before = await until(playsOfClip, 60_000, 'proof of play of the clip to reach the server');

    await nav(editor, 'Báo cáo');
    await editor.getByTestId('reports-screen').waitFor();
    const today = vnDate();
    await editor.getByLabel('Từ ngày', { exact: true }).fill(today);
    await editor.getByLabel('Đến ngày', { exact: true }).fill(today);
    const isTodayOnly = (url: string) => {
      const q = new URL(url).searchParams;
      return (
        new URL(url).pathname === '/api/reports/plays' && q.get('from') === today && q.get('to') === today && q.get('groupBy') === 'content'
      );
    };
    const [answer] = await Promise.all([
      editor.waitForResponse((r) => isTodayOnly(r.url())),
      editor.getByRole('button', { name: 'Xem báo cáo' }).click(),
    ]);
    const report = (await answer.json()) as { rows: { label: string; plays: number }[] };
    const reported = report.rows.find((r) => r.label === CLIP_TITLE)?.plays ?? 0;
    const after = await playsOfClip();
    // The screen keeps playing, so today's count lies between the proof of play before and after the report.
    expect(reported).toBeGreaterThanOrEqual(Math.max(1, before));
    expect(reported).toBeLessThanOrEqual(after);
    // The page shows that number for the clip.
    const row = editor.getByTestId('plays-table').locator('tbody tr', { hasText: CLIP_TITLE });
    await row.locator('td').nth(1).getByText(String(reported), { exact: true }).waitFor({ timeout: 10_000 });

    const link = editor.getByTestId('periodic-xlsx');
    expect(await link.getAttribute('href')).toBe(
      `/api/reports/periodic?period=month&year=${today.slice(0, 4)}&index=${Number(today.slice(5, 7))}&format=xlsx`,
    );
    const [download] = await Promise.all([editor.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheets = await readWorkbook(await download.path());
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Tổng quan', 'Nội dung phát nhiều']));
    const top = sheets.get('Nội dung phát nhiều')!;
    const clipRow = top.find((r) => r[1] === CLIP_TITLE);
    expect(clipRow, JSON.stringify(top)).toBeDefined();
    expect(clipRow![2]).toBeGreaterThanOrEqual(before);
    expect(problems).toEqual([]);
  });

  it('6. keeps an ad with an unproven "tốt nhất", rejected by the ad reviewer, off the screen', async () => {
    await uploadAndMake(editor, files['poster.png']!, 'poster.png', 'make-ad');
    await editor.getByTestId('mc-title').fill(AD_TITLE);
    await editor.getByTestId('mc-advertiser').fill('Quán phở Hương Quê');
    await editor.getByTestId('mc-category').selectOption('food');
    await editor.getByTestId('mc-create').click();
    await editor.getByTestId('open-created').click();
    await editor.getByTestId('screen-title').getByText(AD_TITLE).waitFor();
    const adId = contentIdOf(editor);
    await submitFromDetail(editor);
    const adSha = (await asEditor<Version>('GET', `/api/content/${adId}/versions/1`)).body.media!.sha256;
    expect(adSha).not.toBe(clipSha);

    // Booked on the LED group ahead of review (the server allows it): only approval could let it play.
    const booked = await asEditor('POST', '/api/schedules', {
      name: 'Quảng cáo phở',
      class: 'ads',
      contentId: adId,
      adShare: 0.5,
      target: { groupIds: [groupId], kinds: [], deviceIds: [] },
      when: {
        dateFrom: vnDate(),
        dateTo: vnDate(Date.now() + 86_400_000),
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        windows: [{ start: '00:00', end: '23:59' }],
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    const adReviewer = await signIn('duyetqc');
    await nav(adReviewer, 'Duyệt');
    const queue = adReviewer.getByTestId('queue-entry');
    await expect.poll(() => queue.count()).toBe(1);
    await queue.filter({ hasText: AD_TITLE }).click();
    const panel = adReviewer.getByTestId('review-panel');
    expect(await panel.getByTestId('findings').locator('[data-rule="ad.superlative"]').count()).toBe(1);
    expect(await panel.getByTestId('highlight-title').getByTestId('finding-mark').innerText()).toContain('nhất');
    await panel.getByTestId('review-reason').fill(AD_REASON);
    await panel.getByTestId('reject').click();
    await adReviewer.getByTestId('decided').getByText(`Đã từ chối "${AD_TITLE}"`).waitFor();

    await editor.reload();
    await editor.getByTestId('latest').getByTestId('state-badge').getByText('Bị từ chối').waitFor();
    const tl = await timelineNow();
    const shas = [...tl.segments.flatMap((s) => s.items.map((i) => i.sha256)), ...tl.media.map((m) => m.sha256)];
    expect(shas).toContain(clipSha); // the timeline is the live one, with the approved clip in it
    expect(shas).not.toContain(adSha);
    expect(tl.segments.flatMap((s) => s.items).some((i) => i.contentId === String(adId))).toBe(false);
    expect(await deviceMedia(clipSha)).toBe(200);
    expect(await deviceMedia(adSha)).toBe(404);
    expect(playerRequests.filter((p) => p.includes(adSha))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
