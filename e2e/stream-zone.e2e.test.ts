// Making a loudspeaker group a stream zone from the devices screen, in a real Chromium against the real server:
// the editor opens the group's "Phát thành luồng (vùng phát)" section, gets a stream name suggested from the
// group's name, picks the encoding and quiet hours, saves, and sees the receivers' addresses; a viewer sees the
// same section read-only. The server stores what the form sent and starts the zone's encoder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, nav, signInThroughLoginPage, until, type Call } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';

describe.skipIf(skipBrowserTests)('a stream zone from the devices screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Call;
  let groupId = 0;
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
    groupId = (await admin<{ id: number }>('POST', '/api/groups', { name: 'Tổ dân phố 9', broadcastSlots: [{ start: '06:00', end: '06:30' }] })).body.id;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const openSection = async (page: Page) => {
    await nav(page, 'Thiết bị');
    const section = page.getByTestId(`stream-zone-${groupId}`);
    await section.locator('summary', { hasText: 'Phát thành luồng (vùng phát) — Tổ dân phố 9' }).click();
    return section;
  };
  const id = (name: string) => `zone-${groupId}-${name}`;

  it('lets an editor make the group a stream zone and shows where receivers tune in', async () => {
    const { context, page } = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    contexts.push(context);
    const section = await openSection(page);
    await expect.poll(() => section.getByTestId(id('slug')).inputValue()).toBe('to-dan-pho-9');
    await expect.poll(() => section.getByText('Nhóm này chưa phát thành luồng.').count()).toBe(1);
    // A bad name is refused on the page, in Vietnamese.
    await section.getByTestId(id('slug')).fill('Tổ 9');
    await section.getByTestId(id('save')).click();
    await section.getByTestId(`${id('slug')}-error`).waitFor();
    await section.getByTestId(id('slug')).fill('to-9');
    await section.getByTestId(id('bitrate')).selectOption('128');
    await section.getByTestId(id('channels')).selectOption('2');
    await section.getByTestId(id('volume')).fill('80');
    await section.getByTestId(id('quiet-start')).fill('22:00');
    await section.getByTestId(id('quiet-end')).fill('05:00');
    await section.getByTestId(id('save')).click();
    await section.getByTestId(id('done')).waitFor();
    const urls = section.getByTestId(id('urls'));
    await expect.poll(() => urls.textContent()).toContain(`${server.url}/stream/to-9.mp3`);
    expect(await urls.textContent()).toContain(`${server.url}/stream/to-9/index.m3u8`);

    const zones = await admin<{ groupId: number; slug: string; bitrateKbps: number; channels: number; volume: number; quietHours: unknown; enabled: boolean }[]>('GET', '/api/stream-zones');
    expect(zones.body).toEqual([
      expect.objectContaining({ groupId, slug: 'to-9', bitrateKbps: 128, channels: 2, volume: 80, quietHours: { start: '22:00', end: '05:00' }, enabled: true }),
    ]);
    // The zone's encoder writes its HLS playlist once it runs.
    await until(async () => existsSync(join(server.dataDir, 'streams', 'to-9', 'index.m3u8')), 30_000, 'the zone’s HLS playlist');
  }, 120_000);

  it('shows a viewer the zone read-only', async () => {
    const { context, page } = await signInThroughLoginPage(browser, server, 'xem', PASSWORD, problems);
    contexts.push(context);
    const section = await openSection(page);
    await expect.poll(() => section.getByTestId(id('slug')).inputValue()).toBe('to-9');
    expect(await section.getByTestId(id('slug')).isDisabled()).toBe(true);
    expect(await section.getByTestId(id('save')).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
