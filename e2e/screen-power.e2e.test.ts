// Screen on and off in a real Chromium against the real server: an editor puts an LED board to sleep from the
// devices screen; the board goes black and the dashboard shows it as "Đang nghỉ", not offline; an emergency alert
// still shows over the black; "Theo giờ hoạt động" brings the programme back; the audit log names who did it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { claimPairing, createStaff, EDITOR_AND_REVIEWER, fetchSession, nav, signInThroughLoginPage, type Call, type StaffPage } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const NAME = 'LED cổng chợ';

describe.skipIf(skipBrowserTests)('screen on and off in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: StaffPage;
  let asEditor: Call;
  let admin: Call;
  let context: BrowserContext;
  let led: Page;
  let ledId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    asEditor = await fetchSession(server, 'bientap', PASSWORD);
    context = await browser.newContext({ viewport: { width: 960, height: 540 } });
    led = await context.newPage();
    await led.goto(server.url + '/player/');
    const claim = await claimPairing(led, asEditor, { name: NAME, kind: 'led' });
    expect(claim.status).toBe(200);
    ledId = claim.body.id;
    await led.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    editor = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
  }, 180_000);

  afterAll(async () => {
    await editor?.context.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('sleeps a screen from the dashboard, shows it as sleeping, lets an alert through, and wakes it back to its hours', async () => {
    const page = editor.page;
    await nav(page, 'Thiết bị');
    await page.getByTestId('devices-screen').waitFor();
    const row = page.getByTestId('device-list').locator('tr', { hasText: NAME });
    await expect.poll(() => row.getByTestId('device-status').innerText(), { timeout: 15_000 }).toContain('Trực tuyến');

    await row.getByTestId('screen-power-open').click();
    const panel = page.getByTestId('screen-power');
    await panel.getByTestId('screen-power-minutes').selectOption('60');
    await panel.getByTestId('screen-sleep').click();

    // The board goes black: nothing but the black layer is on screen.
    await led.getByTestId('player-sleeping').waitFor({ timeout: 10_000 });
    expect(await led.getByTestId('player-stage').count()).toBe(0);
    expect(await led.getByTestId('player-sleeping').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
    // The dashboard tells a sleeping screen from an offline one.
    await expect.poll(() => row.getByTestId('device-status').getAttribute('data-status'), { timeout: 70_000 }).toBe('sleeping');
    expect(await row.getByTestId('device-status').innerText()).toContain('Đang nghỉ');
    expect(await panel.getByTestId('screen-power-override').getAttribute('data-state')).toBe('asleep');

    // An emergency alert shows over the black.
    const alert = await asEditor<{ id: number }>('POST', '/api/alerts', { text: 'Cảnh báo ngập lụt khu vực chợ', target: { deviceIds: [ledId] }, repeatMin: 0 });
    expect(alert.status).toBe(201);
    await led.getByTestId('alert-banner').waitFor({ timeout: 5_000 });
    expect((await asEditor('POST', `/api/alerts/${alert.body.id}/cancel`)).status).toBe(200);
    await led.getByTestId('alert-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await led.getByTestId('player-sleeping').waitFor({ timeout: 10_000 });

    // Back to the operating hours (always on here): the programme returns.
    await panel.getByTestId('screen-schedule').click();
    await led.getByTestId('player-stage').waitFor({ timeout: 10_000 });
    expect(await led.getByTestId('player-sleeping').count()).toBe(0);
    await expect.poll(() => row.getByTestId('device-status').getAttribute('data-status'), { timeout: 70_000 }).not.toBe('sleeping');

    const audit = await admin('GET', '/api/audit');
    expect(audit.status).toBe(200);
    const text = JSON.stringify(audit.body);
    expect(text).toContain('device.power.asleep');
    expect(text).toContain('device.power.schedule');
    expect(text).toContain('bientap');
    expect(problems).toEqual([]);
  });
});
