// Proof of play by screen region, in a real Chromium against the real server: an LED board with a main + ticker
// layout plays a message in its main region and a ticker text in its ticker; its proof of play reaches the server
// with the region of each play, and on the reports page the region select shows the ticker's plays only, the main
// programme's only, or both — table, region column and the CSV link follow the choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  allDay,
  approvedContent,
  approvedLayout,
  approvedMessage,
  claimPairing,
  createStaff,
  EDITOR_AND_REVIEWER,
  fetchSession,
  nav,
  signInThroughLoginPage,
  until,
  vnDate,
  type Call,
  type StaffPage,
} from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const MAIN_TITLE = 'Tôn trọng, trách nhiệm trên mạng';
const TICKER_TITLE = 'Chữ chạy: không chia sẻ tin giả';

type Play = { deviceId: number; contentId: number | null; region: string };

describe.skipIf(skipBrowserTests)('proof of play by region on the reports page', () => {
  let server: RunningServer;
  let browser: Browser;
  let asEditor: Call;
  let editor: StaffPage;
  let context: BrowserContext;
  let led: Page;
  let ledId: number;
  let mainId: number;
  let tickerId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    asEditor = await fetchSession(server, 'bientap', PASSWORD);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    // A short message, so that whole plays of it end (and are recorded) within the test.
    mainId = await approvedMessage(asEditor, reviewer, { title: MAIN_TITLE, body: 'Lành mạnh, an toàn', displaySeconds: 5 });
    tickerId = (
      await approvedContent(asEditor, reviewer, {
        kind: 'message',
        style: 'ticker',
        title: TICKER_TITLE,
        body: 'Kiểm chứng trước khi chia sẻ',
      })
    ).id;
    const layoutId = await approvedLayout(asEditor, reviewer, 'LED chính + chữ chạy', {
      orientation: 'landscape',
      width: 960,
      height: 540,
      regions: [
        { id: 'main', kind: 'main', x: 0, y: 0, w: 960, h: 460, z: 0 },
        { id: 'ticker', kind: 'ticker', x: 0, y: 460, w: 960, h: 80, z: 1, style: { speed: 40 } },
      ],
    });

    context = await browser.newContext({ viewport: { width: 960, height: 540 } });
    led = await context.newPage();
    await led.goto(server.url + '/player/');
    const claim = await claimPairing(led, asEditor, { name: 'LED nhà văn hoá', kind: 'led' });
    expect(claim.status).toBe(200);
    ledId = claim.body.id;
    for (const [contentId, name] of [
      [mainId, 'Quy tắc ứng xử'],
      [tickerId, 'Chữ chạy tin giả'],
    ] as const) {
      const r = await asEditor('POST', '/api/schedules', {
        name,
        class: 'normal',
        contentId,
        target: { deviceIds: [ledId], groupIds: [], kinds: [] },
        when: allDay(),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    expect((await asEditor('PUT', '/api/layouts/assignments', { layoutId, deviceId: ledId })).status).toBe(204);
    await led.getByTestId('ticker-track').waitFor({ timeout: 20_000 });
    editor = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
  }, 180_000);

  afterAll(async () => {
    await editor?.context.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('filters the proof of play by region: ticker only, main only, all', async () => {
    // The board's proof of play arrives with the region of each play: the ticker text from the ticker, the message from main.
    const regionsOf = async (contentId: number) =>
      new Set(
        (await asEditor<{ plays: Play[] }>('GET', `/api/plays?contentId=${contentId}&limit=1000`)).body.plays
          .filter((p) => p.deviceId === ledId)
          .map((p) => p.region),
      );
    await until(async () => (await regionsOf(tickerId)).has('ticker'), 60_000, 'ticker plays to reach the server');
    await until(async () => (await regionsOf(mainId)).has('main'), 60_000, 'main plays to reach the server');
    expect([...(await regionsOf(tickerId))]).toEqual(['ticker']);
    expect([...(await regionsOf(mainId))]).toEqual(['main']);

    const page = editor.page;
    await nav(page, 'Báo cáo');
    await page.getByTestId('reports-screen').waitFor();
    const today = vnDate();
    await page.getByLabel('Từ ngày', { exact: true }).fill(today);
    await page.getByLabel('Đến ngày', { exact: true }).fill(today);
    await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/reports/plays' && new URL(r.url()).searchParams.get('from') === today,
      ),
      page.getByRole('button', { name: 'Xem báo cáo' }).click(),
    ]);

    const table = page.getByTestId('plays-table');
    const csvLink = page.locator('section[aria-labelledby="rep-plays"]').getByRole('link', { name: 'Tải CSV đầy đủ' });
    const rowOf = (title: string) => table.locator('tbody tr', { hasText: title });
    /** Chooses a region and waits for the report the page asked for with it; answers that report. */
    const choose = async (region: '' | 'main' | 'ticker') => {
      const [answer] = await Promise.all([
        page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/reports/plays' && (new URL(r.url()).searchParams.get('region') ?? '') === region,
        ),
        page.getByTestId('plays-region').selectOption(region),
      ]);
      expect(answer.status()).toBe(200);
      return (await answer.json()) as { rows: { label: string; plays: number; regions: string[] }[] };
    };

    // Ticker only: the ticker text is there, marked "Chữ chạy"; the main programme's message is not.
    const ticker = await choose('ticker');
    expect(ticker.rows.map((r) => r.label)).toEqual([TICKER_TITLE]);
    await rowOf(TICKER_TITLE).waitFor({ timeout: 10_000 });
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect((await rowOf(TICKER_TITLE).locator('td').last().innerText()).trim()).toBe('Chữ chạy');
    expect(await rowOf(TICKER_TITLE).locator('td').nth(1).innerText()).toBe(String(ticker.rows[0]!.plays));
    const tickerCsv = await csvLink.getAttribute('href');
    expect(tickerCsv).toContain('region=ticker');
    // The file behind the link (the session's cookie) holds the ticker's row only, with its region.
    const csv = await (await page.request.get(server.url + tickerCsv!)).text();
    expect(csv).toContain(TICKER_TITLE);
    expect(csv).not.toContain(MAIN_TITLE);
    expect(csv).toContain('Chữ chạy');

    // Main only: the message, marked "Chính"; no ticker text.
    const main = await choose('main');
    expect(main.rows.map((r) => r.label)).toEqual([MAIN_TITLE]);
    await rowOf(MAIN_TITLE).waitFor({ timeout: 10_000 });
    expect(await rowOf(TICKER_TITLE).count()).toBe(0);
    expect((await rowOf(MAIN_TITLE).locator('td').last().innerText()).trim()).toBe('Chính');
    expect(await csvLink.getAttribute('href')).toContain('region=main');

    // All regions: both rows again, and the CSV link has no region.
    const all = await choose('');
    expect(all.rows.map((r) => r.label).sort()).toEqual([MAIN_TITLE, TICKER_TITLE].sort());
    await rowOf(TICKER_TITLE).waitFor({ timeout: 10_000 });
    await rowOf(MAIN_TITLE).waitFor({ timeout: 10_000 });
    expect(await csvLink.getAttribute('href')).not.toContain('region=');
    expect(problems).toEqual([]);
  });
});
