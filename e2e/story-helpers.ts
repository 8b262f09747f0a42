// Small helpers for the main-story e2e test: staff signed in through the real login page, API calls made
// with that same browser session (its cookie and CSRF token), polling, and the ward's calendar day.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './harness';

export const TZ = 'Asia/Ho_Chi_Minh';
const VN_OFFSET_MS = 7 * 3_600_000; // UTC+07:00 all year, no daylight saving

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ward's local date (YYYY-MM-DD) and clock (HH:MM) at an instant. */
export const vnDate = (ms = Date.now()) => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
export const vnClock = (ms = Date.now()) => new Date(ms + VN_OFFSET_MS).toISOString().slice(11, 16);

/** Polls `probe` every 250 ms until it answers something truthy; fails with `what` after `timeoutMs`. */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(250);
  }
}

export interface Reply<T> {
  status: number;
  body: T;
}
export type Call = <T = unknown>(method: string, path: string, body?: unknown) => Promise<Reply<T>>;

/** An API session made with fetch (the admin seeds the staff accounts with it). */
export type FetchSession = Call & {
  /** Uploads a file as media (by its bytes) and answers its sha256. */
  upload: (file: string, name: string) => Promise<string>;
};

export async function fetchSession(server: RunningServer, username: string, password: string): Promise<FetchSession> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call: Call = async (method, path, body) => {
    const r = await fetch(server.url + path, {
      method,
      headers: { cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as never };
  };
  const upload = async (file: string, name: string) => {
    const r = await fetch(`${server.url}/api/media?accept=media&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(readFileSync(file)),
    });
    if (r.status !== 201) throw new Error(`upload of ${name} answered ${r.status}: ${await r.text()}`);
    return ((await r.json()) as { sha256: string }).sha256;
  };
  return Object.assign(call, { upload });
}

/** API calls made with the signed-in page's own session (its cookie jar, and the CSRF token it holds). */
export async function pageApi(page: Page, server: RunningServer): Promise<Call> {
  const s = await page.request.get(`${server.url}/api/session`);
  if (s.status() !== 200) throw new Error(`GET /api/session answered ${s.status()}`);
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await page.request.fetch(server.url + path, {
      method,
      headers: { 'X-CSRF-Token': csrfToken },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await r.text();
    return { status: r.status(), body: (text ? JSON.parse(text) : null) as never };
  };
}

/** Claims, as staff, the pairing code the player open on `page` shows; answers the claim's reply. */
export async function claimPairing(page: Page, call: Call, device: Record<string, unknown>): Promise<Reply<{ id: number }>> {
  const code = page.getByTestId('pairing-code');
  await code.waitFor({ timeout: 15_000 });
  return call<{ id: number }>('POST', '/api/pairing/claim', { code: await code.getAttribute('data-code'), device });
}

/** Content created by `editor` with `body`, submitted and approved by `reviewer`; answers its id and approved version id. */
export async function approvedContent(
  editor: Call,
  reviewer: Call,
  body: { title: string } & Record<string, unknown>,
): Promise<{ id: number; versionId: number }> {
  const created = await editor<{ id: number }>('POST', '/api/content', body);
  if (created.status !== 201) throw new Error(`creating “${body.title}” answered ${created.status}: ${JSON.stringify(created.body)}`);
  const submitted = await editor<{ id: number }>('POST', `/api/content/${created.body.id}/versions/1/submit`);
  if (submitted.status !== 200) throw new Error(`submitting “${body.title}” answered ${submitted.status}`);
  const approved = await reviewer('POST', '/api/reviews', { versionId: submitted.body.id, decision: 'approve' });
  if (approved.status !== 200) throw new Error(`approving “${body.title}” answered ${approved.status}`);
  return { id: created.body.id, versionId: submitted.body.id };
}

/** A layout created by `editor` and approved by `reviewer`; answers its id. */
export async function approvedLayout(
  editor: Call,
  reviewer: Call,
  name: string,
  body: { orientation: string; width: number; height: number; regions: readonly object[] },
): Promise<number> {
  const made = await editor<{ id: number; latest: { id: number } }>('POST', '/api/layouts', { name, ...body });
  if (made.status !== 201) throw new Error(`creating layout “${name}” answered ${made.status}: ${JSON.stringify(made.body)}`);
  const decided = await reviewer('POST', `/api/layouts/${made.body.id}/versions/${made.body.latest.id}/decision`, { decision: 'approve' });
  if (decided.status !== 200) throw new Error(`approving layout “${name}” answered ${decided.status}: ${JSON.stringify(decided.body)}`);
  return made.body.id;
}

/** Schedule times of every day, all day, from today for three days: "now" is inside. */
export const allDay = () => ({
  dateFrom: vnDate(),
  dateTo: vnDate(Date.now() + 2 * 86_400_000),
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  windows: [{ start: '00:00', end: '23:59' }],
});

/** A message written by `editor`, submitted and approved by `reviewer`: approved content to schedule. */
export async function approvedMessage(
  editor: Call,
  reviewer: Call,
  fields: { title: string; body: string; displaySeconds?: number },
): Promise<number> {
  return (await approvedContent(editor, reviewer, { kind: 'message', style: 'led', ...fields })).id;
}

/** Event ids of the records waiting in one of the player's IndexedDB queues ('plays', 'feedback', 'quiz'). */
export function queuedEvents(page: Page, store: 'plays' | 'feedback' | 'quiz'): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('bantin-player');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map(String));
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export interface StaffPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (no shared cookies) in the ward's time zone, signed in through the login page. */
export async function signInThroughLoginPage(
  browser: Browser,
  server: RunningServer,
  username: string,
  password: string,
  problems: string[],
): Promise<StaffPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: TZ, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`${username}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`${username}: ${msg.text()}`);
  });
  await page.goto(server.url + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('shell').waitFor();
  return { context, page };
}

/** Clicks a link of the dashboard's navigation by its exact visible name. */
export const nav = (page: Page, name: string) => page.getByTestId('nav').getByRole('link', { name, exact: true }).click();

/** The content id in an address like /content/42 or /content/42/edit. */
export function contentIdOf(page: Page): number {
  const m = /\/content\/(\d+)(?:\/edit)?$/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`not a content page: ${page.url()}`);
  return Number(m[1]);
}

/** Every sheet of an XLSX file as rows of plain cell values (exceljs's rows are 1-based; index 0 dropped). */
export async function readWorkbook(path: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(ws.name, rows);
  });
  return sheets;
}

/** The content story's staff: an editor, the culture–social reviewer and the economic office's ad reviewer. */
export const REVIEW_STAFF = [
  { username: 'bientap', displayName: 'Chị Lan (biên tập)', roles: ['editor'] },
  { username: 'duyet', displayName: 'Anh Minh (VH-XH)', roles: ['reviewer'] },
  { username: 'duyetqc', displayName: 'Chị Hoa (Kinh tế)', roles: ['ad_reviewer'] },
] as const;

/** Creates the staff accounts a story needs, as the admin; a refused account stops the story with the reason. */
export async function createStaff(
  admin: Call,
  staff: readonly { username: string; roles: readonly string[]; displayName?: string }[],
  password: string,
): Promise<void> {
  for (const u of staff) {
    const r = await admin('POST', '/api/users', { displayName: u.username, ...u, password });
    if (r.status !== 201) throw new Error(`creating ${u.username} answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
}

/** The editor and the culture–social reviewer of the schedule and device stories. */
export const EDITOR_AND_REVIEWER = [
  { username: 'bientap', roles: ['editor'] },
  { username: 'duyet', roles: ['reviewer'] },
] as const;
