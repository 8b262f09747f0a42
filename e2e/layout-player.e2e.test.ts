// Layouts on the player, in a real Chromium against the real server. An LED board at 1920×1080 with the ward's
// layout (banner, clock, main programme, ticker) and a portrait kiosk (banner, main, clock): each region sits where
// the approved layout puts it (element boxes), the banner shows the approved text, the ticker scrolls its approved
// ticker text seamlessly, the clock shows the ward's local time for a fixed fake time, and an emergency alert
// covers every region. Screenshots of both are kept in test-artifacts/ (BANTIN_ARTIFACTS_DIR).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clockText } from '@bantin/protocol/core';
import { launchBrowser, REPO_ROOT, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  allDay,
  approvedContent,
  approvedLayout,
  approvedMessage,
  claimPairing,
  createStaff,
  EDITOR_AND_REVIEWER,
  fetchSession,
  sleep,
  TZ,
  until,
  type Call,
} from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const ARTIFACTS = process.env.BANTIN_ARTIFACTS_DIR || join(REPO_ROOT, 'test-artifacts');
const BANNER = 'UBND PHƯỜNG NAM ĐỊNH';
const MAIN_TEXT = 'Bộ quy tắc ứng xử trên không gian mạng';
const TICKER_TEXT = 'Không chia sẻ tin giả, tin chưa kiểm chứng';
const STORM = 'Bão số 9 đổ bộ: người dân ở trong nhà, tránh xa cửa sổ';

type Region = {
  id: string;
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  z: number;
  contentId?: number;
  style?: Record<string, unknown>;
};

const LED_REGIONS: Region[] = [
  { id: 'banner', kind: 'banner', x: 0, y: 0, w: 1440, h: 140, z: 1, style: { color: '#ffdd00', background: '#b00000' } },
  { id: 'clock', kind: 'clock', x: 1440, y: 0, w: 480, h: 140, z: 1, style: { color: '#ffffff', background: '#202020' } },
  { id: 'main', kind: 'main', x: 0, y: 140, w: 1920, h: 820, z: 0 },
  { id: 'ticker', kind: 'ticker', x: 0, y: 960, w: 1920, h: 120, z: 2, style: { color: '#ffffff', background: '#003399', speed: 12 } },
];
const KIOSK_REGIONS: Region[] = [
  { id: 'banner', kind: 'banner', x: 0, y: 0, w: 1080, h: 200, z: 1 },
  { id: 'main', kind: 'main', x: 0, y: 200, w: 1080, h: 1600, z: 0 },
  { id: 'clock', kind: 'clock', x: 0, y: 1800, w: 1080, h: 120, z: 1 },
];

/** The page box of an element, rounded to whole pixels. */
async function boxOf(page: Page, testId: string): Promise<[number, number, number, number]> {
  const b = (await page.getByTestId(testId).boundingBox())!;
  return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)];
}

/** The test id of the outermost element with a test id at a point: what a viewer sees there. */
const testIdAt = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([px, py]) =>
      document.elementFromPoint(px!, py!)?.closest('[data-testid="alert-banner"], [data-region]')?.getAttribute('data-testid') ?? null,
    [x, y],
  );

describe.skipIf(skipBrowserTests)('layouts on the player in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Call;
  let reviewer: Call;
  let bannerId: number;
  let mainId: number;
  let tickerId: number;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    editor = await fetchSession(server, 'bientap', PASSWORD);
    reviewer = await fetchSession(server, 'duyet', PASSWORD);
    bannerId = await approvedMessage(editor, reviewer, { title: BANNER, body: 'Tổ dân phố văn minh, an toàn' });
    mainId = await approvedMessage(editor, reviewer, { title: MAIN_TEXT, body: 'Tôn trọng, trách nhiệm, an toàn, lành mạnh' });
    tickerId = (await approvedContent(editor, reviewer, { kind: 'message', style: 'ticker', title: 'Thông báo', body: TICKER_TEXT })).id;
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  /** A player page of the given viewport, paired as a new device; answers the page and the device id. */
  async function pairedPlayer(
    viewport: { width: number; height: number },
    device: { name: string; kind: string },
  ): Promise<{ page: Page; id: number }> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + '/player/');
    const claim = await claimPairing(page, editor, device);
    expect(claim.status).toBe(200);
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    return { page, id: claim.body.id };
  }

  async function schedule(deviceId: number, contentId: number, name: string) {
    const r = await editor('POST', '/api/schedules', {
      name,
      class: 'normal',
      contentId,
      target: { deviceIds: [deviceId], groupIds: [], kinds: [] },
      when: allDay(),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }

  it('shows banner, clock, main and ticker where the LED layout puts them; the ticker scrolls; the clock keeps the ward time; an alert covers all', async () => {
    const layoutId = await approvedLayout(editor, reviewer, 'LED chợ Rồng', {
      orientation: 'landscape',
      width: 1920,
      height: 1080,
      regions: LED_REGIONS.map((r) => (r.id === 'banner' ? { ...r, contentId: bannerId } : r)),
    });
    const { page, id } = await pairedPlayer({ width: 1920, height: 1080 }, { name: 'LED chợ Rồng', kind: 'led' });
    await schedule(id, mainId, 'Quy tắc ứng xử');
    await schedule(id, tickerId, 'Chữ chạy tin giả');
    expect((await editor('PUT', '/api/layouts/assignments', { layoutId, deviceId: id })).status).toBe(204);

    await page.locator(`[data-testid="player-layout"][data-layout-id="${layoutId}"]`).waitFor({ timeout: 20_000 });
    await until(
      async () =>
        (
          await page
            .getByTestId('region-main')
            .innerText()
            .catch(() => '')
        ).includes(MAIN_TEXT),
      20_000,
      'the main programme in its region',
    );
    await until(
      async () =>
        (
          await page
            .getByTestId('ticker-track')
            .innerText()
            .catch(() => '')
        ).includes(TICKER_TEXT),
      20_000,
      'the ticker text',
    );

    // At 1920×1080 the canvas is the screen: each region's box is the layout's, to the pixel.
    for (const r of LED_REGIONS) expect(await boxOf(page, `region-${r.kind}`), r.kind).toEqual([r.x, r.y, r.w, r.h]);
    expect(await page.getByTestId('region-banner').innerText()).toContain(BANNER);
    expect(await page.getByTestId('region-banner').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(176, 0, 0)');
    // The date and time fit their region on one line: nothing is cut off.
    expect(await page.getByTestId('region-clock').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The ticker text is shown in the ticker only, not also in the main programme.
    expect(await page.getByTestId('region-main').innerText()).not.toContain(TICKER_TEXT);

    // Scrolling: the track moves leftwards; two copies of one loop make the wrap-around invisible.
    const copies = await page.getByTestId('ticker-track').locator('span').allInnerTexts();
    expect(copies.length).toBe(2);
    expect(copies[0]).toBe(copies[1]);
    const shift = () => page.getByTestId('ticker-track').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).m41);
    const x0 = await shift();
    await sleep(700);
    const x1 = await shift();
    // Leftwards, counted across the loop point: the track wraps by one copy's width, invisibly.
    const copyWidth = await page.getByTestId('ticker-track').evaluate((el) => (el as HTMLElement).offsetWidth / 2);
    const moved = (((x0 - x1) % copyWidth) + copyWidth) % copyWidth;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(copyWidth / 2);
    // At 12 characters a second the track moves about one loop's width per loop time: it is not still, not racing.
    const loop = await page.getByTestId('ticker-track').evaluate((el) => parseFloat(getComputedStyle(el).animationDuration));
    expect(loop).toBeCloseTo(copies[0]!.length / 12, 0);

    await page.screenshot({ path: join(ARTIFACTS, 'layout-led-1920x1080.png') });

    // An emergency alert takes the whole screen, over every region.
    const alert = await editor<{ id: number }>('POST', '/api/alerts', { text: STORM, target: { deviceIds: [id] }, repeatMin: 0 });
    expect(alert.status, JSON.stringify(alert.body)).toBe(201);
    await page.getByTestId('alert-banner').waitFor({ timeout: 5_000 });
    expect(await boxOf(page, 'alert-banner')).toEqual([0, 0, 1920, 1080]);
    for (const r of LED_REGIONS) expect(await testIdAt(page, r.x + r.w / 2, r.y + r.h / 2), r.kind).toBe('alert-banner');
    await page.screenshot({ path: join(ARTIFACTS, 'layout-led-alert.png') });
    expect((await editor('POST', `/api/alerts/${alert.body.id}/cancel`)).status).toBe(200);
    await page.getByTestId('alert-banner').waitFor({ state: 'detached', timeout: 10_000 });
    for (const r of LED_REGIONS) expect(await testIdAt(page, r.x + r.w / 2, r.y + r.h / 2), r.kind).toBe(`region-${r.kind}`);

    // A fixed fake time, Thursday 3 December 2026 22:30:20 in the ward: the page's clock is set so that the player's
    // server-corrected clock reads it; the clock region turns to it at its next minute tick.
    const offset = Number(await page.evaluate(() => localStorage.getItem('bantin.clockOffset') ?? '0'));
    const fixed = Date.parse('2026-12-03T22:30:20+07:00');
    await page.clock.setSystemTime(fixed - offset);
    await page.clock.runFor(61_000);
    const want = clockText(fixed + 61_000, TZ);
    expect(want).toBe('Thứ Năm, 03/12/2026 · 22:31');
    await until(
      async () => (await page.getByTestId('region-clock').innerText()) === want,
      5_000,
      () => `the clock to read ${want}`,
    );
  });

  it('lays out a portrait kiosk: banner on top, the programme, the clock at the foot, scaled to the screen', async () => {
    const layoutId = await approvedLayout(editor, reviewer, 'Kiosk một cửa', {
      orientation: 'portrait',
      width: 1080,
      height: 1920,
      regions: KIOSK_REGIONS.map((r) => (r.id === 'banner' ? { ...r, contentId: bannerId } : r)),
    });
    // A 540×960 screen: the 1080×1920 canvas is drawn at half size.
    const { page, id } = await pairedPlayer({ width: 540, height: 960 }, { name: 'Kiosk một cửa', kind: 'kiosk' });
    await schedule(id, mainId, 'Quy tắc ứng xử kiosk');
    expect((await editor('PUT', '/api/layouts/assignments', { layoutId, deviceId: id })).status).toBe(204);
    await page.locator(`[data-testid="player-layout"][data-layout-id="${layoutId}"]`).waitFor({ timeout: 20_000 });
    await until(
      async () =>
        (
          await page
            .getByTestId('region-main')
            .innerText()
            .catch(() => '')
        ).includes(MAIN_TEXT),
      20_000,
      'the main programme in its region',
    );
    for (const r of KIOSK_REGIONS) expect(await boxOf(page, `region-${r.kind}`), r.kind).toEqual([r.x / 2, r.y / 2, r.w / 2, r.h / 2]);
    expect(await page.getByTestId('region-banner').innerText()).toContain(BANNER);
    // The kiosk's invitations (Phản ánh, Góp ý) sit inside the main programme, clear of the clock and the banner.
    const [mx, my, mw, mh] = await boxOf(page, 'region-main');
    const [ax, ay, aw, ah] = await boxOf(page, 'kiosk-actions');
    expect(ax).toBeGreaterThanOrEqual(mx);
    expect(ay).toBeGreaterThanOrEqual(my);
    expect(ax + aw).toBeLessThanOrEqual(mx + mw);
    expect(ay + ah).toBeLessThanOrEqual(my + mh);
    expect(await page.getByTestId('feedback-open').isVisible()).toBe(true);
    const clock = await page.getByTestId('region-clock').innerText();
    expect([clockText(Date.now(), TZ), clockText(Date.now() - 60_000, TZ)]).toContain(clock);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-kiosk-portrait.png') });
  });
});
