// A cancelled emergency alert ends at once on every screen, in real Chromium players against the real server:
// the banner and the alert's item in the timeline both go within a second, a reload does not bring them back,
// and a player that was closed while the alert was cancelled comes back without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, sleep, until, type Call } from './story-helpers';

const STORM = 'Bão số 5 đổ bộ, người dân ở trong nhà.';

async function openPlayer(context: BrowserContext, server: RunningServer): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + '/player/');
  return page;
}

async function pairPlayer(page: Page, call: Call, device: Record<string, unknown>): Promise<void> {
  const code = page.getByTestId('pairing-code');
  await code.waitFor({ timeout: 15_000 });
  const claim = await call('POST', '/api/pairing/claim', { code: await code.getAttribute('data-code'), device });
  expect(claim.status).toBe(200);
  await page.locator('[data-online="true"]').waitFor({ timeout: 15_000 });
}

/** What of the alert the page shows: its banner, or its item playing from the timeline. */
async function alertShown(page: Page): Promise<string | null> {
  if ((await page.getByTestId('alert-banner').count()) > 0) return 'banner';
  const ids = await page
    .locator('[data-testid="player-item"][data-active="true"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
  const item = ids.find((id) => id.startsWith('alert:'));
  if (item) return `timeline item ${item}`;
  return (await page.locator('body').innerText()).includes(STORM) ? 'text' : null;
}

/** Fails when the page shows the alert at any moment within `ms`. */
async function staysClear(page: Page, ms: number, who: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    expect(await alertShown(page), who).toBeNull();
    await sleep(50);
  }
}

describe.skipIf(skipBrowserTests)('cancelled alert on LED and kiosk players', () => {
  let server: RunningServer;
  let browser: Browser;
  let call: Call;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 110_000 }); // seeding the starter pack is slow on a busy machine
    browser = await launchBrowser();
    call = await fetchSession(server, 'admin', server.adminPassword);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('ends the alert within a second everywhere, also after a reload and for a player closed during the cancel', async () => {
    const newContext = async (width: number, height: number) => {
      const c = await browser.newContext({ viewport: { width, height } });
      contexts.push(c);
      return c;
    };
    const ledContext = await newContext(1920, 1080);
    const kioskContext = await newContext(1080, 1920);
    const offlineContext = await newContext(1920, 1080);
    const led = await openPlayer(ledContext, server);
    await pairPlayer(led, call, { name: 'LED chợ', kind: 'led' });
    const kiosk = await openPlayer(kioskContext, server);
    await pairPlayer(kiosk, call, { name: 'Kiosk một cửa', kind: 'kiosk' });
    let away = await openPlayer(offlineContext, server);
    await pairPlayer(away, call, { name: 'LED bến xe', kind: 'led' });

    const res = await call<{ id: number }>('POST', '/api/alerts', { text: STORM, target: { all: true }, repeatMin: 0 });
    expect(res.status).toBe(201);
    const id = res.body.id;
    // Every player holds the alert twice: as the banner and as the emergency item of its recompiled timeline.
    for (const page of [led, kiosk, away]) {
      await page.getByTestId('alert-banner').waitFor({ timeout: 5_000 });
      await page
        .locator(`[data-testid="player-item"][data-item-id^="alert:${id}:"]`)
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 });
    }

    // The third player is switched off: it misses the cancel.
    await away.close();
    await sleep(500);

    expect((await call('POST', `/api/alerts/${id}/cancel`)).status).toBe(200);
    const cancelled = Date.now();
    // Both screens are watched at once, each within a second of the cancel.
    const screens = [
      [led, 'LED'],
      [kiosk, 'kiosk'],
    ] as const;
    await Promise.all(
      screens.map(([page, who]) => until(async () => (await alertShown(page)) === null, 1_000, `the alert to leave the ${who}`)),
    );
    expect(Date.now() - cancelled).toBeLessThan(1_500);
    await Promise.all([staysClear(led, 2_000, 'LED after cancel'), staysClear(kiosk, 2_000, 'kiosk after cancel')]);

    await led.reload();
    await led.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    await staysClear(led, 1_000, 'LED after reload');
    await led.locator('[data-online="true"]').waitFor({ timeout: 10_000 });
    await staysClear(led, 1_000, 'LED after reload, online');

    away = await openPlayer(offlineContext, server);
    await away.locator('[data-online="true"]').waitFor({ timeout: 15_000 });
    await until(async () => (await alertShown(away)) === null, 1_000, 'the alert to leave the player that was off');
    await staysClear(away, 2_000, 'player that was off during the cancel');
  });
});
