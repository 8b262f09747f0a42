// The screen layout story in a real Chromium against the real server: an editor copies the ward LED starter
// layout, drags the ticker up and widens the clock (both snap to the grid), picks an approved message for the
// banner, sees the live preview (the banner's text, the clock's Vietnamese time) and saves; the reviewer
// approves the version in the same screen; the editor assigns it to an LED screen. What was saved, approved
// and assigned is read back through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clockText } from '@bantin/protocol/core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { approvedMessage, createStaff, EDITOR_AND_REVIEWER, fetchSession, nav, signInThroughLoginPage, TZ, type Call, type StaffPage } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const NAME = 'LED chợ Rồng: băng rôn phường';

type Box = [number, number, number, number];
const boxOf = async (page: Page, id: string): Promise<Box> =>
  (await page.getByTestId(`layout-region-${id}`).getAttribute('data-box'))!.split(',').map(Number) as Box;

/** Drags from the centre of an element by (dx, dy) screen pixels in small steps, as a hand would. */
async function drag(page: Page, testId: string, dx: number, dy: number, at: 'centre' | 'corner' = 'centre') {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const x = at === 'centre' ? box.x + box.width / 2 : box.x + box.width - 3;
  const y = at === 'centre' ? box.y + box.height / 2 : box.y + box.height - 3;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(x + (dx * i) / 5, y + (dy * i) / 5);
  await page.mouse.up();
}

describe.skipIf(skipBrowserTests)('screen layouts in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: StaffPage;
  let reviewer: StaffPage;
  let asEditor: Call;
  let bannerId: number;
  let ledId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    asEditor = await fetchSession(server, 'bientap', PASSWORD);
    const asReviewer = await fetchSession(server, 'duyet', PASSWORD);
    bannerId = await approvedMessage(asEditor, asReviewer, { title: 'UBND PHƯỜNG NAM ĐỊNH', body: 'Ủy ban nhân dân phường Nam Định' });
    const led = await asEditor<{ id: number }>('POST', '/api/devices', { name: 'LED chợ Rồng', kind: 'led' });
    expect(led.status).toBe(201);
    ledId = led.body.id;
    editor = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    reviewer = await signInThroughLoginPage(browser, server, 'duyet', PASSWORD, problems);
  }, 180_000);

  afterAll(async () => {
    await editor?.context.close().catch(() => undefined);
    await reviewer?.context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('creates a layout from a starter by dragging and resizing regions, then the reviewer approves it and it is assigned', async () => {
    const page = editor.page;
    await nav(page, 'Bố cục màn hình');
    await page.getByTestId('layouts-screen').waitFor();
    await page.getByRole('button', { name: /^Tạo bố cục từ mẫu này: Màn hình LED phường/ }).click();
    await page.getByTestId('layout-editor').waitFor();
    await page.getByTestId('layout-name').fill(NAME);

    const scale = Number(await page.getByTestId('layout-canvas').getAttribute('data-scale'));
    expect(await boxOf(page, 'ticker')).toEqual([0, 960, 1920, 120]);
    // 67 canvas px up: snapped to the 20 px grid, 60 px higher.
    await drag(page, 'layout-region-ticker', 0, -67 * scale);
    expect(await boxOf(page, 'ticker')).toEqual([0, 900, 1920, 120]);
    // The clock's corner 23 canvas px down: the clock grows to 160 px.
    await drag(page, 'layout-region-clock', 0, 23 * scale, 'corner');
    expect(await boxOf(page, 'clock')).toEqual([1440, 0, 480, 160]);

    // The ticker's speed, in characters a second.
    await page.getByTestId('layout-region-ticker').click();
    await page.getByTestId('layout-speed').fill('12');

    await page.getByTestId('layout-region-banner').click();
    await page.getByTestId('layout-content').selectOption(String(bannerId));
    await expect.poll(() => page.getByTestId('layout-region-banner').innerText()).toContain('UBND PHƯỜNG NAM ĐỊNH');
    const clock = await page.getByTestId('layout-region-clock').innerText();
    const now = Date.now();
    expect([clockText(now, TZ), clockText(now - 60_000, TZ)].some((c) => clock.includes(c)), clock).toBe(true);

    // The main region left empty of its only programme is refused before saving.
    await page.getByTestId('layout-region-main').click();
    await page.getByTestId('layout-kind').selectOption('image');
    await expect.poll(() => page.getByTestId('layout-problems').innerText()).toContain('cần đúng một vùng chương trình chính');
    expect(await page.getByTestId('layout-save').isDisabled()).toBe(true);
    await page.getByTestId('layout-kind').selectOption('main');

    await page.getByTestId('layout-save').click();
    await expect.poll(() => page.getByTestId('layouts-notice').innerText()).toContain(`Đã lưu bố cục “${NAME}”`);
    const layouts = (await asEditor<{ id: number; name: string; approved: unknown; latest: { id: number; state: string; body: { regions: { id: string; y: number; h: number; contentId?: number }[] } } }[]>('GET', '/api/layouts')).body;
    const mine = layouts.find((l) => l.name === NAME)!;
    expect(mine.approved).toBeNull();
    expect(mine.latest.state).toBe('submitted');
    const regions = new Map(mine.latest.body.regions.map((r) => [r.id, r]));
    expect([regions.get('ticker')!.y, regions.get('clock')!.h, regions.get('banner')!.contentId]).toEqual([900, 160, bannerId]);
    expect((regions.get('ticker') as { style?: { speed?: number } }).style?.speed).toBe(12);

    // The reviewer approves the waiting version in the same screen.
    await nav(reviewer.page, 'Bố cục màn hình');
    await reviewer.page.getByRole('button', { name: `Duyệt phiên bản 1: ${NAME}` }).click();
    await expect.poll(() => reviewer.page.getByTestId('layouts-notice').innerText()).toContain(NAME);
    const approved = (await asEditor<{ approved: { id: number } | null }>('GET', `/api/layouts/${mine.id}`)).body;
    expect(approved.approved?.id).toBe(mine.latest.id);

    // The editor assigns it to the LED screen.
    await page.reload();
    await page.getByTestId('layout-assign').waitFor();
    await page.getByTestId('assign-layout').selectOption(String(mine.id));
    await page.getByTestId('assign-target').selectOption(`d${ledId}`);
    await page.getByTestId('assign-submit').click();
    await expect.poll(() => page.getByTestId('layout-assignments').innerText()).toContain(`Thiết bị: LED chợ Rồng → ${NAME}`);
    expect((await asEditor('GET', '/api/layouts/assignments')).body).toEqual([{ layoutId: mine.id, deviceId: ledId, groupId: null, assignedAt: expect.any(String) }]);
    expect(problems).toEqual([]);
  }, 180_000);
});
