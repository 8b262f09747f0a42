// Sign-in walking skeleton in a real Chromium against the real server: Vietnamese first, English
// switch, sign-out, the wrong-password message, the bundled font, and the unpaired player page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';

const NAV_VI = [
  'Tổng quan',
  'Nội dung',
  'Duyệt',
  'Lịch phát',
  'Danh sách phát',
  'Bố cục màn hình',
  'Nguồn tiếp âm',
  'Thiết bị',
  'Cảnh báo',
  'Báo cáo',
  'Phản ánh',
  'Người dùng',
  'Nhật ký',
];
const NAV_EN = ['Overview', 'Content', 'Review', 'Schedules', 'Playlists', 'Screen layouts', 'Relay sources', 'Devices', 'Alerts', 'Reports', 'Citizen reports', 'Users', 'Audit log'];
const VIETNAMESE_LETTER = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

describe.skipIf(skipBrowserTests)('dashboard and player in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Console messages that signal a broken page (CSP violations, uncaught errors), per test. */
  let problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string, beforeGoto?: (page: Page) => void): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
    });
    beforeGoto?.(page);
    await page.goto(server.url + path);
    return page;
  }

  async function signIn(page: Page, password: string) {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  const navTexts = (page: Page) => page.getByTestId('nav').locator('a').allInnerTexts();

  it('signs in as admin, shows the Vietnamese shell, switches to English and signs out', async () => {
    const page = await openPage('/');
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng nhập');
    expect(await page.getByLabel('Tên đăng nhập').count()).toBe(1);
    expect(await page.getByLabel('Mật khẩu').count()).toBe(1);

    // Keyboard only: the username field has focus, Tab reaches the password, Enter submits.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('login-username');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.adminPassword);
    await page.keyboard.press('Enter');
    await page.getByTestId('shell').waitFor();
    expect(await navTexts(page)).toEqual(NAV_VI);
    expect(await page.getByTestId('shell').innerText()).toContain('Phường Nam Định');
    expect((await page.getByTestId('current-user').innerText()).trim()).not.toBe('');
    expect(await page.getByTestId('screen-title').innerText()).toBe('Tổng quan');

    // A lazy route, then a full reload on it: SPA fallback plus session restore from the cookie.
    await page.getByTestId('nav').getByRole('link', { name: 'Lịch phát' }).click();
    await page.waitForURL('**/schedules');
    await page.getByTestId('screen-title').getByText('Lịch phát').waitFor();
    await page.reload();
    await page.getByTestId('screen-title').getByText('Lịch phát').waitFor();

    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await page.getByTestId('nav').getByRole('link', { name: 'Overview' }).waitFor();
    expect(await navTexts(page)).toEqual(NAV_EN);
    expect(await page.getByTestId('screen-title').innerText()).toBe('Schedules');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('nav').getByRole('link', { name: 'Overview' }).waitFor();

    await page.getByTestId('lang-switch').getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The server forgot the session too: a reload still lands on the sign-in page.
    await page.reload();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('shell').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the server’s Vietnamese message for a wrong password', async () => {
    const page = await openPage('/');
    await signIn(page, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    const shown = (await error.innerText()).trim();

    const res = await fetch(server.url + '/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi' },
      body: JSON.stringify({ username: 'admin', password: 'also-wrong' }),
    });
    expect(res.status).toBe(401);
    const problem = (await res.json()) as { detail?: string; title: string };
    expect(shown).toBe(problem.detail ?? problem.title);
    expect(shown).toMatch(VIETNAMESE_LETTER);
    expect(await page.getByTestId('shell').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('says so when a screen’s code cannot be loaded instead of leaving the old screen up', async () => {
    const page = await openPage('/', (p) => void p.route('**/assets/devices-*.js', (route) => route.abort()));
    await signIn(page, server.adminPassword);
    await page.getByTestId('shell').waitFor();
    await page.getByTestId('nav').getByRole('link', { name: 'Thiết bị' }).click();
    await page.getByTestId('route-error').waitFor();
    expect(await page.getByTestId('route-error').innerText()).toMatch(VIETNAMESE_LETTER);
    // The rest of the dashboard still works (a screen that shares no chunk with the devices screen).
    await page.getByTestId('nav').getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByTestId('screen-title').getByText('Nhật ký').waitFor();
  });

  it('renders the sign-in page in the bundled Be Vietnam Pro font', async () => {
    const fontResponses: { url: string; status: number }[] = [];
    const page = await openPage('/', (p) =>
      p.on('response', (r) => {
        if (/\.woff2?$/.test(r.url())) fontResponses.push({ url: r.url(), status: r.status() });
      }),
    );
    await page.getByTestId('login-form').waitFor();
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      const family = getComputedStyle(document.querySelector('[data-testid="login-form"]')!).fontFamily;
      const loaded = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Be Vietnam Pro' && f.status === 'loaded');
      return {
        family,
        loadedFaces: loaded.length,
        check: document.fonts.check('16px "Be Vietnam Pro"', 'Ủy ban nhân dân'),
      };
    });
    expect(result.family.split(',')[0]!.trim().replace(/["']/g, '')).toBe('Be Vietnam Pro');
    expect(result.loadedFaces).toBeGreaterThan(0);
    expect(result.check).toBe(true);
    const vietnamese = fontResponses.filter((r) => r.url.includes('be-vietnam-pro-vietnamese-'));
    expect(vietnamese.length).toBeGreaterThan(0);
    for (const r of fontResponses) {
      expect(r.url.startsWith(server.url + '/')).toBe(true);
      expect(r.status).toBe(200);
    }
    expect(problems).toEqual([]);
  });

  it('shows the unpaired page at /player/ with no cursor', async () => {
    const page = await openPage('/player/');
    const screen = page.getByTestId('player-unpaired');
    await screen.waitFor();
    expect(await screen.innerText()).toContain('Thiết bị chưa được ghép nối');
    const style = await screen.evaluate((el) => {
      const s = getComputedStyle(el);
      return { cursor: s.cursor, font: s.fontFamily };
    });
    expect(style.cursor).toBe('none');
    expect(style.font.split(',')[0]!.trim().replace(/["']/g, '')).toBe('Be Vietnam Pro');
    expect(problems).toEqual([]);
  });
});
