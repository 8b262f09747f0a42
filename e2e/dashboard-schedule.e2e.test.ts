// The schedule, device and alert story in a real Chromium against the real server, signed in through the
// real login page: an editor pairs a loudspeaker by the code a player obtained, creates a residential group
// and puts the speaker in it, schedules approved content to the group with the broadcast-slot preset, reads
// the rule as a Vietnamese sentence, and sees the Gantt bar with its reason on keyboard focus; an emergency
// alert goes through the two-step flow, the device's acknowledgement arrives live, and it is cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, EDITOR_AND_REVIEWER, fetchSession } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const CONTENT_TITLE = 'Lịch thu gom rác tổ dân phố 3';
const DEVICE_NAME = 'Loa cổng chợ';
const GROUP_NAME = 'Tổ dân phố 3';
const ALERT_TEXT = 'Bão số 3 sắp đổ bộ. Bà con chằng chống nhà cửa, không ra biển.';

describe.skipIf(skipBrowserTests)('schedules, devices and alerts in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let contentId: number;
  let page: Page;
  let device: WebSocket | null = null;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    // Content as the story needs it: written and submitted by the editor, approved by the reviewer.
    const editor = await fetchSession(server, 'bientap', PASSWORD);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    const created = await editor<{ id: number }>('POST', '/api/content', {
      kind: 'message',
      title: CONTENT_TITLE,
      body: 'Xe thu gom rác đi qua lúc 17 giờ hằng ngày. Bà con để rác trước cửa đúng giờ.',
      style: 'led',
      displaySeconds: 8,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    contentId = created.body.id;
    const submitted = await editor<{ id: number }>('POST', `/api/content/${contentId}/versions/1/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const approved = await reviewer('POST', '/api/reviews', { versionId: submitted.body.id, decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    page = await context.newPage();
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.url + '/');
    await page.getByTestId('login-username').fill('bientap');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('shell').waitFor();
  });

  afterAll(async () => {
    device?.close();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function go(label: string, path: string) {
    await page.getByTestId('nav').getByRole('link', { name: label }).click();
    await page.waitForURL(`**${path}`);
  }

  it('pairs a loudspeaker by the code its player shows, and puts it in a new residential group', async () => {
    // The player's side: ask for a code, as a player does on its pairing screen.
    const codeRes = await fetch(`${server.url}/api/pairing/codes`, { method: 'POST' });
    expect(codeRes.status).toBe(201);
    const { code, secret } = (await codeRes.json()) as { code: string; secret: string };

    await go('Thiết bị', '/devices');
    await page.getByTestId('devices-screen').waitFor();
    await page.getByTestId('pair-code').fill('12345');
    await page.getByTestId('pair-name').fill(DEVICE_NAME);
    await page.getByTestId('pair-submit').click();
    expect(await page.getByTestId('pair-code-error').innerText()).toContain('6 chữ số');

    await page.getByTestId('pair-code').fill(code);
    await page.getByLabel('Loại thiết bị').selectOption('speaker');
    await page.getByTestId('pair-rg').fill(GROUP_NAME);
    await page.getByTestId('pair-submit').click();
    expect(await page.getByTestId('pair-done').innerText()).toContain(`Đã ghép nối “${DEVICE_NAME}”`);
    const row = page.getByTestId('device-list').locator('tr', { hasText: DEVICE_NAME });
    await row.waitFor();
    expect(await row.innerText()).toContain('Loa truyền thanh');
    expect(await page.getByTestId('location-list').innerText()).toContain(GROUP_NAME);

    // The player collects its token and connects: the dashboard shows it online, live.
    const tokenRes = await fetch(`${server.url}/api/pairing/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, secret }),
    });
    expect(tokenRes.status).toBe(200);
    const { token } = (await tokenRes.json()) as { token: string };
    device = new WebSocket(`${server.url.replace('http', 'ws')}/ws/device?token=${encodeURIComponent(token)}`, ['bantin.v1']);
    device.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; id?: string; action?: string };
      // Acknowledge every alert, as the protocol asks of a player.
      if (m.type === 'alert.v1') device!.send(JSON.stringify({ type: 'ack.v1', of: 'alert', id: m.id, action: m.action }));
    });
    await new Promise<void>((resolve, reject) => {
      device!.once('open', () => resolve());
      device!.once('error', reject);
    });
    await row.getByTestId('device-status').getByText('Trực tuyến').waitFor();

    await page.getByTestId('group-name').fill(GROUP_NAME);
    await page.getByTestId('group-create').click();
    expect(await page.getByTestId('group-done').innerText()).toContain(`Đã tạo nhóm “${GROUP_NAME}”`);
    await page.locator('summary', { hasText: `Thành viên của nhóm ${GROUP_NAME}` }).click();
    await page.locator('[data-testid^="member-"]').first().check();
    await page.getByTestId('group-list').locator('tr', { hasText: DEVICE_NAME }).waitFor();

    // The calendar subscription link works without a session, as a calendar app would fetch it.
    const groupRow = page.getByTestId('group-list').locator('tr', { hasText: GROUP_NAME });
    await groupRow.locator('[data-testid^="subscribe-"]').first().click();
    const url = await groupRow.locator('[data-testid^="subscribe-url-"]').inputValue();
    expect(url).toMatch(/\/api\/calendar\/\d+-[0-9a-f]{40}\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  });

  it('schedules approved content to the group in the broadcast slots, says the rule in Vietnamese, and shows the Gantt reason on focus', async () => {
    await go('Lịch phát', '/schedules');
    await page.getByTestId('schedule-new').click();
    const editor = page.getByTestId('schedule-editor');
    await editor.getByLabel('Tên lịch phát').fill('Phát thanh thu gom rác');
    await page.getByTestId('sch-content').selectOption({ label: CONTENT_TITLE });
    await editor.getByRole('checkbox', { name: GROUP_NAME }).check();
    await page.getByTestId('preset-broadcast').check();
    const sentence = await page.getByTestId('recurrence-sentence').innerText();
    expect(sentence).toMatch(
      /^Hằng ngày, 06:00–06:30 và 17:00–17:30, trên 1 loa của tổ dân phố 3, từ \d{2}\/\d{2}\/\d{4} đến 31\/12\/\d{4}$/,
    );

    await page.getByTestId('schedule-save').click();
    await page.getByTestId('schedules-notice').waitFor();
    const listed = page.getByTestId('schedule-list').locator('tr', { hasText: 'Phát thanh thu gom rác' });
    expect(await listed.getByTestId('schedule-sentence').innerText()).toBe(sentence);
    // The week calendar of the group: next week (wholly inside the date range) has both slots on all seven days.
    const week = page.getByTestId('week-calendar');
    await week.getByTestId('week-block').first().waitFor();
    await week.getByRole('button', { name: 'Tuần sau →' }).click();
    await expect.poll(() => week.getByTestId('week-block').count()).toBe(14);
    expect(await week.getByTestId('week-block').first().getAttribute('aria-label')).toMatch(
      /^Phát thanh thu gom rác: Thông thường, Thứ Hai \d{2}\/\d{2} 06:00–06:30$/,
    );

    // The device's day: the broadcast slots as bars of the normal class, with the schedule as the reason.
    const bar = page.getByTestId('device-gantt').locator('[data-testid="gantt-bar"][data-class="normal"]').first();
    await bar.waitFor();
    const reason = bar.getByTestId('gantt-reason');
    expect(await reason.isVisible()).toBe(false);
    await bar.focus();
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.innerText()).toMatch(/06:00–06:30 · Thông thường[\s\S]*Lý do phát: .*lịch #\d+/);
    expect(await reason.innerText()).toContain(CONTENT_TITLE);
  });

  it('issues an emergency alert in two deliberate steps, sees the acknowledgement live, and cancels it', async () => {
    await go('Cảnh báo', '/alerts');
    await page.getByTestId('alert-open').click();
    await page.getByTestId('alert-next').click();
    expect(await page.getByTestId('alert-problem').innerText()).toBe('Hãy nhập nội dung cảnh báo.');
    await page.getByTestId('alert-text').fill(ALERT_TEXT);
    await page.getByTestId('alert-next').click();

    // Step 2 restates who will hear it and what, and issues nothing until the box is ticked.
    const confirm = page.getByTestId('alert-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('alert-confirm-where').innerText()).toBe('trên tất cả 1 loa của phường');
    expect(await page.getByTestId('alert-confirm-text').innerText()).toBe(ALERT_TEXT);
    await page.getByTestId('alert-confirm-submit').click();
    expect(await confirm.getByRole('alert').innerText()).toBe('Hãy đánh dấu ô xác nhận trước khi phát.');
    expect(await page.getByTestId('alert-list').locator('tbody tr').count()).toBe(0);
    await page.getByTestId('alert-confirm-check').check();
    await page.getByTestId('alert-confirm-submit').click();

    expect(await page.getByTestId('alert-issued').innerText()).toMatch(/Đã phát cảnh báo #\d+/);
    const detail = page.getByTestId('alert-detail');
    expect(await detail.getByTestId('alert-status').innerText()).toBe('Đang phát');
    await detail
      .getByTestId('alert-ack')
      .getByText(/Đã nhận lúc/)
      .waitFor();
    expect(await detail.getByTestId('alert-ack-count').innerText()).toBe('Xác nhận của từng thiết bị (1/1)');

    await detail.getByTestId('alert-cancel').click();
    expect(await page.getByTestId('alert-cancelled').innerText()).toMatch(/Đã huỷ cảnh báo #\d+/);
    await detail.getByTestId('alert-status').getByText('Đã huỷ').waitFor();
    expect(await detail.getByTestId('alert-cancel').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('lets a viewer see the schedules but offers no way to change them', async () => {
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    expect(
      (await admin('POST', '/api/users', { username: 'lanhdao', displayName: 'lanhdao', password: PASSWORD, roles: ['viewer'] })).status,
    ).toBe(201);
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    contexts.push(context);
    const viewer = await context.newPage();
    await viewer.goto(server.url + '/schedules');
    await viewer.getByTestId('login-username').fill('lanhdao');
    await viewer.getByTestId('login-password').fill(PASSWORD);
    await viewer.getByTestId('login-submit').click();
    await viewer.getByTestId('schedules-screen').waitFor();
    expect(await viewer.getByTestId('schedule-list').getByTestId('schedule-sentence').first().innerText()).toMatch(
      /^Hằng ngày, 06:00–06:30 và 17:00–17:30/,
    );
    expect(await viewer.getByTestId('schedule-new').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Xoá/ }).count()).toBe(0);
    await viewer.getByTestId('nav').getByRole('link', { name: 'Cảnh báo' }).click();
    await viewer.getByTestId('alerts-screen').waitFor();
    expect(await viewer.getByTestId('alert-open').count()).toBe(0);

    // The same screens in English: the rule sentence follows the language switch.
    await viewer.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await viewer.getByTestId('nav').getByRole('link', { name: 'Schedules' }).click();
    const sentence = viewer.getByTestId('schedule-list').getByTestId('schedule-sentence').first();
    await sentence.getByText(/^Every day, 06:00–06:30 and 17:00–17:30, on 1 loudspeaker of Tổ dân phố 3, from /).waitFor();
  });

  it('shows the uptime report for the paired device and serves the periodic report as an XLSX workbook', async () => {
    await go('Báo cáo', '/reports');
    await page.getByTestId('reports-screen').waitFor();
    expect(await page.getByTestId('plays-totals').innerText()).toMatch(/^Tổng: \d+ lượt/);
    await page.getByTestId('uptime-table').locator('tr', { hasText: DEVICE_NAME }).waitFor();
    const href = await page.getByTestId('periodic-xlsx').getAttribute('href');
    expect(href).toMatch(/^\/api\/reports\/periodic\?period=month&year=\d{4}&index=\d{1,2}&format=xlsx$/);
    const xlsx = await page.request.get(server.url + href!);
    expect(xlsx.status()).toBe(200);
    // An XLSX file is a ZIP archive: it starts with "PK".
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await page.getByTestId('periodic-print').getAttribute('target')).toBe('_blank');
  });
});
