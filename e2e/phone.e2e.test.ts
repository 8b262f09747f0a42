// The dashboard on a phone (390 × 844, Chromium's mobile emulation with touch): ward staff approve and
// reject a submission, play an approved item now, see what plays where, check device status, and issue
// and cancel an emergency alert, all with taps. Every button and link of those tasks is a touch target of
// at least 44 × 44 px, and no screen of the navigation scrolls sideways as a page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, EDITOR_AND_REVIEWER, fetchSession, type Call, TZ } from './story-helpers';

const PASSWORD = 'mat-khau-dien-thoai-1';
const PLAY_TITLE = 'Lịch tiêm chủng tháng này tại trạm y tế phường';
const APPROVE_TITLE = 'Thu gom rác cồng kềnh sáng Chủ nhật';
const REJECT_TITLE = 'Mua ngay hôm nay, rẻ nhất phường';
const GROUP = 'Tổ dân phố số 7';
const LED = 'Màn hình LED cổng chợ Rồng';
const MIN = 44;

/** Buttons, links and form controls drawn on the page (not hidden, not pushed off-screen) smaller than 44 × 44 px. */
function smallTargets(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ scope, min }) => {
      const root = document.querySelector(scope);
      if (!root) return [`no ${scope}`];
      const controls = [...root.querySelectorAll<HTMLElement>('a[href], button, select, textarea, summary, input:not([type=hidden])')];
      return controls.flatMap((el) => {
        // A checkbox or radio is tapped through its label; the label is the target.
        const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        const style = getComputedStyle(target);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.bottom <= 0) return [];
        if (r.width + 0.5 >= min && r.height + 0.5 >= min) return [];
        const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40) || target.tagName;
        return [`${target.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`];
      });
    },
    { scope, min: MIN },
  );
}

const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));

describe.skipIf(skipBrowserTests)('the dashboard on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Call;
  let editor: Call;
  let ledId: number;
  let groupId: number;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  /** A phone-sized browser context signed in through the login page, with taps. */
  async function phone(username: string, password = PASSWORD): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      timezoneId: TZ,
      locale: 'vi-VN',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`${username}: ${err.message}`));
    // Cancelling an alert asks the browser's own confirmation first.
    page.on('dialog', (d) => void d.accept());
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`${username}: ${msg.text()}`);
    });
    await page.goto(server.url + '/');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').tap();
    await page.getByTestId('shell').waitFor();
    expect(await smallTargets(page, '[data-testid="shell"]'), 'shell').toEqual([]);
    return page;
  }

  const tapNav = async (page: Page, name: string, path: string) => {
    await page.getByTestId('nav').getByRole('link', { name, exact: true }).tap();
    await page.waitForURL(`**${path}`);
  };

  async function submitted(title: string, body: string): Promise<number> {
    const c = await editor<{ id: number }>('POST', '/api/content', { kind: 'message', title, body, style: 'led', displaySeconds: 8 });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const s = await editor<{ id: number }>('POST', `/api/content/${c.body.id}/versions/1/submit`);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    return s.body.id;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, EDITOR_AND_REVIEWER, PASSWORD);
    editor = await fetchSession(server, 'bientap', PASSWORD);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    groupId = (await editor<{ id: number }>('POST', '/api/groups', { name: GROUP })).body.id;
    ledId = (await editor<{ id: number }>('POST', '/api/devices', { name: LED, kind: 'led', groupIds: [groupId] })).body.id;
    expect((await editor('POST', '/api/devices', { name: 'Loa tổ 7', kind: 'speaker', groupIds: [] })).status).toBe(201);
    const toPlay = await submitted(PLAY_TITLE, 'Trạm y tế phường tiêm chủng mở rộng vào sáng thứ Bảy.');
    expect((await reviewer('POST', '/api/reviews', { versionId: toPlay, decision: 'approve' })).status).toBe(200);
    await submitted(APPROVE_TITLE, 'Xe thu gom rác cồng kềnh đi qua các tổ dân phố sáng Chủ nhật.');
    await submitted(REJECT_TITLE, 'Giảm giá sốc, mua ngay hôm nay.');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('serves the web app manifest and its icons for adding the dashboard to the home screen', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    const res = await fetch(server.url + '/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({ name: 'bantin', start_url: '/', display: 'standalone', theme_color: '#0b4f8a' });
    expect(manifest.icons.map((i) => i.sizes).sort()).toEqual(['192x192', '512x512']);
    for (const icon of manifest.icons) {
      const png = await fetch(server.url + icon.src);
      expect(png.headers.get('content-type'), icon.src).toBe('image/png');
      const bytes = Buffer.from(await png.arrayBuffer());
      const size = Number(icon.sizes.split('x')[0]);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], icon.src).toEqual([size, size]);
    }
  });

  it('a reviewer approves one submission and rejects another with a reason', async () => {
    const page = await phone('duyet');
    await tapNav(page, 'Duyệt', '/review');
    const entry = (title: string) => page.getByTestId('queue-entry').filter({ hasText: title });
    await entry(APPROVE_TITLE).waitFor();
    expect(await smallTargets(page, 'main'), 'review queue').toEqual([]);

    await entry(APPROVE_TITLE).tap();
    await page.getByTestId('review-panel').getByText(APPROVE_TITLE).first().waitFor();
    expect(await smallTargets(page, 'main'), 'review panel').toEqual([]);
    await page.getByTestId('approve').tap();
    await expect.poll(() => entry(APPROVE_TITLE).count()).toBe(0);

    await entry(REJECT_TITLE).tap();
    await page.getByTestId('review-panel').getByText(REJECT_TITLE).first().waitFor();
    await page.getByTestId('review-reason').fill('Dùng từ ngữ quảng cáo so sánh nhất.');
    await page.getByTestId('reject').tap();
    await expect.poll(() => entry(REJECT_TITLE).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('an editor plays an approved item now on a group, and sees it play there at priority', async () => {
    const page = await phone('bientap');
    await tapNav(page, 'Nội dung', '/content');
    const link = page.getByTestId('content-link').filter({ hasText: PLAY_TITLE });
    await link.waitFor();
    expect(await smallTargets(page, 'main'), 'library').toEqual([]);
    await link.tap();
    await page.getByTestId('playing').waitFor();
    expect(await smallTargets(page, 'main'), 'item').toEqual([]);

    await page.getByTestId('play-now').tap();
    const form = page.getByTestId('play-now-form');
    await form.getByTestId('play-now-group').first().waitFor();
    expect(await smallTargets(page, '[data-testid="play-now-form"]'), 'play-now form').toEqual([]);
    await form.getByTestId('play-now-submit').tap();
    await form.getByTestId('play-now-missing').waitFor();
    await form.getByText(GROUP).tap();
    await form.getByTestId('play-now-repeat').fill('2');
    await form.getByTestId('play-now-interval').fill('10');
    await form.getByTestId('play-now-submit').tap();
    expect(await page.getByTestId('action-done').innerText()).toMatch(/Đã tạo lịch phát ngay #\d+: 2 lần/);

    type Entry = { id: number; class: string; name: string; contentId: number; target: { groupIds: number[] }; when: { rrule: string } };
    const schedules = (await editor<Entry[]>('GET', '/api/schedules')).body;
    const entry = schedules.find((s) => s.name === `Phát ngay: ${PLAY_TITLE}`);
    expect(entry).toMatchObject({ class: 'priority', target: { groupIds: [groupId] } });
    expect(entry!.when.rrule).toContain('INTERVAL=10;COUNT=2');
    const contentId = entry!.contentId;
    // Priority plays at the next item boundary: within the coming minute the LED screen plays it at priority.
    type Timeline = { segments: { start: number; end: number; class: string; items: { contentId: string }[] }[] };
    const from = Date.now();
    const tl = (await editor<Timeline>('GET', `/api/devices/${ledId}/timeline?from=${from}&to=${from + 30 * 60_000}`)).body;
    const plays = tl.segments.filter((s) => s.class === 'priority' && s.items.some((i) => i.contentId === String(contentId)));
    expect(plays.length, JSON.stringify(tl.segments.map((s) => [s.start - from, s.class]))).toBeGreaterThanOrEqual(2);
    expect(plays[0]!.start - from).toBeLessThan(60_000);
    expect(plays[1]!.start - plays[0]!.start).toBeGreaterThanOrEqual(9 * 60_000);

    // What plays where: the schedules screen lists the entry and the LED screen's day shows it at priority.
    await tapNav(page, 'Lịch phát', '/schedules');
    await page
      .getByTestId('schedule-list')
      .locator('tr', { hasText: `Phát ngay: ${PLAY_TITLE}` })
      .waitFor();
    await page.getByTestId('gantt-device').selectOption(String(ledId));
    await page.getByTestId('device-gantt').locator('[data-testid="gantt-bar"][data-class="priority"]').first().waitFor();
    expect(await smallTargets(page, 'main'), 'schedules').toEqual([]);
    expect(problems).toEqual([]);
  });

  it('an editor checks device status, then issues an emergency alert and cancels it', async () => {
    const page = await phone('bientap');
    await tapNav(page, 'Thiết bị', '/devices');
    const row = page.getByTestId('device-list').locator('tr', { hasText: LED });
    await row.waitFor();
    expect((await row.getByTestId('device-status').innerText()).trim()).toMatch(/Chưa nhận mã|Ngoại tuyến|Trực tuyến/);
    expect(await smallTargets(page, 'main'), 'devices').toEqual([]);

    await tapNav(page, 'Cảnh báo', '/alerts');
    await page.getByTestId('alert-open').tap();
    expect(await smallTargets(page, 'main'), 'alert step 1').toEqual([]);
    await page.getByTestId('alert-text').fill('Nước lên nhanh ở bờ sông, bà con di chuyển lên chỗ cao ngay.');
    await page.getByTestId('alert-next').tap();
    await page.getByTestId('alert-confirm').waitFor();
    expect(await smallTargets(page, 'main'), 'alert step 2').toEqual([]);
    await page.getByTestId('alert-confirm-check').tap();
    await page.getByTestId('alert-confirm-submit').tap();
    expect(await page.getByTestId('alert-issued').innerText()).toMatch(/Đã phát cảnh báo #\d+/);
    const detail = page.getByTestId('alert-detail');
    expect(await detail.getByTestId('alert-status').innerText()).toBe('Đang phát');
    expect(await smallTargets(page, '[data-testid="alert-detail"]'), 'alert detail').toEqual([]);
    await detail.getByTestId('alert-cancel').tap();
    expect(await page.getByTestId('alert-cancelled').innerText()).toMatch(/Đã huỷ cảnh báo #\d+/);
    await detail.getByTestId('alert-status').getByText('Đã huỷ').waitFor();
    expect(problems).toEqual([]);
  });

  it('no screen of the navigation scrolls sideways as a page, for an editor and for the administrator', async () => {
    for (const [user, password] of [
      ['bientap', PASSWORD],
      ['admin', server.adminPassword],
    ] as const) {
      const page = await phone(user, password);
      const links = page.getByTestId('nav').getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const name = (await link.innerText()).trim();
        const href = (await link.getAttribute('href'))!;
        await link.tap();
        await page.waitForURL((u) => u.pathname === href);
        await page.waitForLoadState('networkidle');
        expect(await pageScrollsSideways(page).then((m) => m.scrollWidth <= m.innerWidth), `${user} ${name} (${href})`).toBe(true);
      }
    }
    expect(problems).toEqual([]);
  });
});
