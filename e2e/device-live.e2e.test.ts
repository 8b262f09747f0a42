// The devices screen tells the live truth, in a real Chromium against the real server: a screen already open
// when another staff member pairs a real player lists the new device, and its row shows what the player
// plays and how many files it holds within seconds of the player starting — the same state as the live card.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeFixtures } from '../server/test/factories/media';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, nav, signInThroughLoginPage, until, vnDate, type Call } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const DEVICE_NAME = 'Màn hình LED nhà văn hoá';
const CLIP_TITLE = 'Ảnh tuyên truyền phòng cháy';
const SCHEDULE_NAME = 'Tuyên truyền phòng cháy cả ngày';
const DAY = 86_400_000;

describe.skipIf(skipBrowserTests)('the device table follows the live feed', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixtureDir: string;
  let admin: Call;
  let editor: Page;
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
    for (const [username, roles] of [
      ['bientap', ['editor']],
      ['duyet', ['reviewer']],
    ] as const) {
      const r = await admin('POST', '/api/users', { username, displayName: username, password: PASSWORD, roles });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // An approved picture, so the player has a file to download and verify.
    const writer = await fetchSession(server, 'bientap', PASSWORD);
    const up = await fetch(`${server.url}/api/media?accept=media&name=poster.png`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(server, 'bientap')), 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(readFileSync(files['poster.png']!)),
    });
    expect(up.status).toBe(201);
    const { sha256 } = (await up.json()) as { sha256: string };
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
});

/** The cookie and CSRF header of a fresh session (for the raw upload, which fetchSession does not do). */
async function sessionHeaders(server: RunningServer, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'X-CSRF-Token': csrfToken };
}
