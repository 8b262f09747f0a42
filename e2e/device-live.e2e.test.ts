// The devices screen tells the live truth, in a real Chromium against the real server: a screen already open
// when another staff member pairs a real player lists the new device, and its row shows what the player
// plays and how many files it holds within seconds of the player starting — the same state as the live card.
// Then a kiosk paired through the form: the form starts empty again, the kiosk's feedback inputs are light
// like the form around them, its alert banner has no stranded separator, and the overview counts the alert.
// Last, the LED screen's day says why it plays in a sentence, in Vietnamese and in English, naming the schedule
// with a link that opens it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, EDITOR_AND_REVIEWER, fetchSession, nav, signInThroughLoginPage, type Call, until, vnDate } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const DEVICE_NAME = 'Màn hình LED nhà văn hoá';
const CLIP_TITLE = 'Ảnh tuyên truyền phòng cháy';
const SCHEDULE_NAME = 'Tuyên truyền phòng cháy cả ngày';
const DAY = 86_400_000;
const KIOSK_NAME = 'Kiosk bộ phận một cửa';

describe.skipIf(skipBrowserTests)('the device table follows the live feed', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let admin: Call;
  let editor: Page;
  let scheduleId = 0;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-live-'));
    let files: Record<string, string>;
    [server, browser, files] = await Promise.all([
      startServer({ timeoutMs: 90_000 }),
      launchBrowser(),
      makeFixtures(fixtureDir, ['poster.png']),
    ]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    // An approved picture, so the player has a file to download and verify.
    const writer = await fetchSession(server, 'bientap', PASSWORD);
    const sha256 = await writer.upload(files['poster.png']!, 'poster.png');
    const clip = await writer<{ id: number }>('POST', '/api/content', { kind: 'clip', title: CLIP_TITLE, mediaSha256: sha256 });
    expect(clip.status, JSON.stringify(clip.body)).toBe(201);
    const sub = await writer<{ id: number }>('POST', `/api/content/${clip.body.id}/versions/1/submit`);
    expect(sub.status).toBe(200);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    expect((await reviewer('POST', '/api/reviews', { versionId: sub.body.id, decision: 'approve' })).status).toBe(200);
    const booked = await writer('POST', '/api/schedules', {
      name: SCHEDULE_NAME,
      class: 'normal',
      contentId: clip.body.id,
      target: { kinds: ['led'], groupIds: [], deviceIds: [] },
      when: {
        dateFrom: vnDate(Date.now() - DAY),
        dateTo: vnDate(Date.now() + 2 * DAY),
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        windows: [{ start: '00:00', end: '24:00' }],
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    scheduleId = (booked.body as { id: number }).id;

    const signedIn = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    contexts.push(signedIn.context);
    editor = signedIn.page;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  it('lists a device paired elsewhere and shows its playing item and cached files within seconds', async () => {
    await nav(editor, 'Thiết bị');
    await editor.getByTestId('devices-screen').waitFor();
    await editor.getByTestId('live-devices').locator('[data-connection="open"]').waitFor({ timeout: 15_000 });

    const screen = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(screen);
    const player = await screen.newPage();
    player.on('pageerror', (err) => problems.push(`player: ${err.message}`));
    await player.goto(server.url + '/player/');
    const codeEl = player.getByTestId('pairing-code');
    await codeEl.waitFor({ timeout: 15_000 });
    const claim = await admin<{ id: number }>('POST', '/api/pairing/claim', {
      code: await codeEl.getAttribute('data-code'),
      device: { name: DEVICE_NAME, kind: 'led' },
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    await player.locator('[data-testid="player-item"][data-active="true"]').waitFor({ timeout: 30_000 });
    const started = Date.now();

    const row = editor.getByTestId('device-list').locator('tr', { hasText: DEVICE_NAME });
    const cell = row.getByTestId('device-now-playing');
    const cache = row.getByTestId('device-cache');
    const seen = await until(
      async () => {
        if ((await row.count()) !== 1) return null;
        const playing = await cell.innerText().catch(() => '');
        const files = await cache.innerText().catch(() => '');
        return playing !== 'Không phát' && /Đủ tệp \(([1-9]\d*)\)/.test(files) ? { playing, files } : null;
      },
      8_000,
      'the row to show the playing item and the cached files',
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; row shows: ${await row.innerText().catch(() => '(no row)')}`);
    });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(seen.files).toMatch(/Đủ tệp \([1-9]\d*\)/);
    // What the row names is what the player is showing now, and the live card counts it as playing.
    expect(await editor.getByTestId('live-playing').innerText()).toBe('1');
    expect(await row.getByTestId('device-status').innerText()).toContain('Trực tuyến');
    expect(problems).toEqual([]);
  });

  let kiosk: Page;

  it('empties every field of the pairing form after a pairing', async () => {
    const screen = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    contexts.push(screen);
    kiosk = await screen.newPage();
    kiosk.on('pageerror', (err) => problems.push(`kiosk: ${err.message}`));
    await kiosk.goto(server.url + '/player/');
    const codeEl = kiosk.getByTestId('pairing-code');
    await codeEl.waitFor({ timeout: 15_000 });
    await editor.getByTestId('pair-code').fill((await codeEl.getAttribute('data-code'))!);
    await editor.getByTestId('pair-name').fill(KIOSK_NAME);
    await editor.getByTestId('pair-kind').selectOption('kiosk');
    await editor.getByTestId('pair-rg').fill('Tổ dân phố 2');
    await editor.getByTestId('pair-address').fill('Số 1 đường Lê Lợi');
    await editor.getByTestId('pair-submit').click();
    await editor.getByTestId('pair-done').getByText(KIOSK_NAME).waitFor();
    for (const id of ['pair-code', 'pair-name', 'pair-rg', 'pair-address']) expect(await editor.getByTestId(id).inputValue(), id).toBe('');
    await kiosk.getByTestId('player-stage').waitFor({ timeout: 30_000 });
  });

  it('shows the kiosk feedback inputs light on the light form', async () => {
    await kiosk.getByTestId('feedback-open').click();
    await kiosk.getByTestId('feedback-form').waitFor();
    for (const id of ['feedback-comment', 'feedback-phone']) {
      const look = await kiosk
        .getByTestId(id)
        .evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color }));
      expect(look.bg, id).toBe('rgb(255, 255, 255)');
      expect(look.fg, id).toBe('rgb(16, 32, 56)');
    }
  });

  it('shows the kiosk alert banner without a stranded separator, and the overview counts the alert', async () => {
    const issued = await admin<{ id: number }>('POST', '/api/alerts', {
      text: 'Nước sinh hoạt tạm ngừng cấp từ 13 giờ.',
      target: { kinds: ['kiosk'] },
      repeatMin: 0,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const banner = kiosk.getByTestId('alert-banner');
    await banner.waitFor({ timeout: 10_000 });
    const text = await banner.innerText();
    expect(text).toContain('CẢNH BÁO KHẨN CẤP');
    expect(text).toContain('Nước sinh hoạt tạm ngừng cấp');
    expect(text).not.toContain('·');

    await nav(editor, 'Tổng quan');
    await editor.getByTestId('count-alerts').locator('p').first().getByText('1', { exact: true }).waitFor();
    const conflicts = (await admin<{ conflicts: unknown[] }>('GET', '/api/schedules/conflicts')).body.conflicts.length;
    expect(await editor.getByTestId('count-conflicts').locator('p').first().innerText()).toBe(String(conflicts));
    expect(await editor.locator('main').innerText()).not.toContain('Sẽ hiển thị');
    expect((await admin('POST', `/api/alerts/${issued.body.id}/cancel`)).status).toBe(200);
    expect(problems).toEqual([]);
  });

  /** The LED screen's first normal bar in the schedules screen's device chart, focused so its reason shows. */
  async function focusLedBar() {
    await nav(editor, 'Lịch phát');
    const gantt = editor.getByTestId('device-gantt');
    await gantt.getByTestId('gantt-device').selectOption({ label: `${DEVICE_NAME} (Màn hình LED)` });
    const bar = gantt.locator('[data-testid="gantt-bar"][data-class="normal"]').first();
    await bar.waitFor();
    await bar.focus();
    return bar;
  }

  it('says why the LED screen plays in a sentence, in Vietnamese and English, with the schedule as a link', async () => {
    const bar = await focusLedBar();
    const reason = bar.getByTestId('gantt-reason');
    await expect.poll(() => reason.innerText()).toContain(`Lý do phát: Thông thường · lịch #${scheduleId} «${SCHEDULE_NAME}» · cả ngày`);
    expect(await reason.innerText()).not.toMatch(/normal:|cửa sổ/);

    await editor.getByTestId('lang-en').click();
    await bar.focus();
    await expect.poll(() => reason.innerText()).toContain(`Why it plays: Normal · schedule #${scheduleId} «${SCHEDULE_NAME}» · all day`);
    await reason.getByTestId('gantt-schedule-link').click();
    await editor.getByTestId('schedule-editor').waitFor();
    expect(await editor.locator('#sch-name').inputValue()).toBe(SCHEDULE_NAME);
    await editor.getByTestId('lang-vi').click();
    expect(problems).toEqual([]);
  });

  it('opens the schedule at the link’s own address loaded on its own, as in a new tab', async () => {
    const bar = await focusLedBar();
    const href = await bar.getByTestId('gantt-schedule-link').getAttribute('href');
    expect(href).toBe(`/schedules/${scheduleId}`);
    const tab = await editor.context().newPage();
    await tab.goto(server.url + href!);
    await tab.getByTestId('schedule-editor').waitFor();
    expect(await tab.locator('#sch-name').inputValue()).toBe(SCHEDULE_NAME);
    await tab.close();
  });
});
