// Revoking a lost or stolen device from the devices screen, in a real Chromium against the real server:
// a real player is paired by the code it shows, a viewer sees no revoke button, the editor opens the
// confirmation and cancels (nothing happens), then confirms. The player's socket is closed and it shows a
// pairing code again, the server refuses its old token, the row says revoked, and the audit log has it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, nav, signInThroughLoginPage, type Call } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const DEVICE_NAME = 'Màn hình LED cổng chợ';

/** Answers the HTTP status a WebSocket upgrade with this device token gets (101 when accepted). */
function upgradeStatus(server: RunningServer, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/device?token=${encodeURIComponent(token)}`, ['bantin.v1']);
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

/** GET /api/device/me with a device token: 200 while the token is valid, 401 once revoked. */
const deviceMe = (server: RunningServer, token: string) =>
  fetch(`${server.url}/api/device/me`, { headers: { Authorization: `Bearer ${token}` } });

describe.skipIf(skipBrowserTests)('revoking a device from the devices screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Call;
  let editor: Page;
  let player: Page;
  let deviceId = 0;
  let deviceToken = '';
  const playerSockets: { url: string; closed: boolean }[] = [];
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    for (const [username, roles] of [
      ['bientap', ['editor']],
      ['xem', ['viewer']],
    ] as const) {
      const r = await admin('POST', '/api/users', { username, displayName: username, password: PASSWORD, roles });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const signedIn = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    contexts.push(signedIn.context);
    editor = signedIn.page;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const row = () => editor.getByTestId('device-list').locator('tr', { hasText: DEVICE_NAME });
  const listed = async () => (await admin<{ id: number; paired: boolean }[]>('GET', '/api/devices')).body.find((d) => d.id === deviceId)!;

  it('pairs a real player by the code it shows, and lists it online', async () => {
    const screen = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(screen);
    player = await screen.newPage();
    player.on('pageerror', (err) => problems.push(`player: ${err.message}`));
    player.on('websocket', (ws) => {
      const entry = { url: ws.url(), closed: false };
      playerSockets.push(entry);
      ws.on('close', () => (entry.closed = true));
    });
    await player.goto(server.url + '/player/');
    const codeEl = player.getByTestId('pairing-code');
    await codeEl.waitFor({ timeout: 15_000 });
    const code = (await codeEl.getAttribute('data-code'))!;

    await nav(editor, 'Thiết bị');
    await editor.getByTestId('devices-screen').waitFor();
    await editor.getByTestId('pair-code').fill(code);
    await editor.getByTestId('pair-name').fill(DEVICE_NAME);
    await editor.getByTestId('pair-kind').selectOption('led');
    await editor.getByTestId('pair-submit').click();
    expect(await editor.getByTestId('pair-done').innerText()).toContain(`Đã ghép nối “${DEVICE_NAME}”`);
    await player.getByTestId('player-stage').waitFor({ timeout: 30_000 });
    deviceToken = (await player.evaluate(() => localStorage.getItem('bantin.token')))!;
    expect(deviceToken).toMatch(/^bt_/);
    await row().getByTestId('device-status').getByText('Trực tuyến').waitFor({ timeout: 30_000 });
    deviceId = (await admin<{ id: number; name: string }[]>('GET', '/api/devices')).body.find((d) => d.name === DEVICE_NAME)!.id;
    expect(playerSockets.some((s) => s.url.includes('/ws/device') && !s.closed)).toBe(true);
  });

  it('shows no revoke button to a viewer', async () => {
    const viewer = await signInThroughLoginPage(browser, server, 'xem', PASSWORD, problems);
    contexts.push(viewer.context);
    await nav(viewer.page, 'Thiết bị');
    // Online, as the editor sees it: the editor's row has the button at this point.
    await viewer.page
      .getByTestId('device-list')
      .locator('tr', { hasText: DEVICE_NAME })
      .getByTestId('device-status')
      .getByText('Trực tuyến')
      .waitFor({ timeout: 15_000 });
    expect(await row().getByTestId('device-revoke').count()).toBe(1);
    expect(await viewer.page.getByTestId('device-revoke').count()).toBe(0);
    await viewer.context.close();
  });

  it('does nothing when the editor cancels the confirmation', async () => {
    await row().getByTestId('device-revoke').click();
    const dialog = editor.getByTestId('revoke-dialog');
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain(`Thu hồi mã của “${DEVICE_NAME}”?`);
    expect(text).toContain('ngắt kết nối');
    expect(text).toContain('ghép nối lại');
    await editor.getByTestId('revoke-cancel').click();
    await dialog.waitFor({ state: 'hidden' });

    expect((await listed()).paired).toBe(true);
    // Checked over HTTP: a second socket with the same token would replace the player's own.
    expect((await deviceMe(server, deviceToken)).status).toBe(200);
    expect(playerSockets.some((s) => s.url.includes('/ws/device') && !s.closed)).toBe(true);
    expect(await player.getByTestId('player-stage').count()).toBe(1);
    expect(await row().getByTestId('device-status').innerText()).toContain('Trực tuyến');
  });

  it('disconnects the player, refuses its token, shows the row revoked, and audits it when confirmed', async () => {
    await row().getByTestId('device-revoke').click();
    await editor.getByTestId('revoke-confirm').click();
    await editor.getByTestId('revoke-dialog').waitFor({ state: 'hidden' });
    expect(await editor.getByTestId('device-notice').innerText()).toContain(`Đã thu hồi mã của “${DEVICE_NAME}”`);

    // The server closes the player's socket; the player forgets its token and shows a new pairing code.
    await player.getByTestId('pairing-code').waitFor({ timeout: 15_000 });
    expect(await player.evaluate(() => localStorage.getItem('bantin.token'))).toBeNull();
    expect(playerSockets.filter((s) => s.url.includes('/ws/device')).every((s) => s.closed)).toBe(true);

    expect((await listed()).paired).toBe(false);
    expect(await upgradeStatus(server, deviceToken)).toBe(401);
    expect((await deviceMe(server, deviceToken)).status).toBe(401);

    await row().getByTestId('device-status').getByText('Đã thu hồi mã').waitFor({ timeout: 15_000 });
    expect(await row().getByTestId('device-revoke').count()).toBe(0);

    const audit = (await admin<{ rows: { action: string; target: string; actor: string }[] }>('GET', '/api/audit')).body.rows;
    expect(audit.filter((r) => r.action === 'device.revoke')).toEqual([
      expect.objectContaining({ target: `device:${deviceId}`, actor: 'bientap' }),
    ]);
    // And the audit screen shows it to those who read the log.
    const viewer = await signInThroughLoginPage(browser, server, 'xem', PASSWORD, problems);
    contexts.push(viewer.context);
    await nav(viewer.page, 'Nhật ký');
    const entry = viewer.page.getByTestId('audit-table').locator('tr', { hasText: 'device.revoke' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(`device:${deviceId}`);
    expect(problems).toEqual([]);
  });
});
