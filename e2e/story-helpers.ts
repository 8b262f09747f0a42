// Small helpers for the main-story e2e test: staff signed in through the real login page, API calls made
// with that same browser session (its cookie and CSRF token), polling, and the ward's calendar day.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

/** A message written by `editor`, submitted and approved by `reviewer`: approved content to schedule. */
export async function approvedMessage(
  editor: Call,
  reviewer: Call,
  fields: { title: string; body: string; displaySeconds?: number },
): Promise<number> {
  const created = await editor<{ id: number }>('POST', '/api/content', { kind: 'message', style: 'led', ...fields });
  if (created.status !== 201) throw new Error(`creating “${fields.title}” answered ${created.status}: ${JSON.stringify(created.body)}`);
  const submitted = await editor<{ id: number }>('POST', `/api/content/${created.body.id}/versions/1/submit`);
  if (submitted.status !== 200) throw new Error(`submitting “${fields.title}” answered ${submitted.status}`);
  const approved = await reviewer('POST', '/api/reviews', { versionId: submitted.body.id, decision: 'approve' });
  if (approved.status !== 200) throw new Error(`approving “${fields.title}” answered ${approved.status}`);
  return created.body.id;
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

/** A free loopback port, for a server that must come back on the same address after a stop. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Event ids waiting in one of the player's IndexedDB queues (`plays`, or `feedback`: the kiosk form outbox). */
export function queuedEventIds(page: Page, store: 'plays' | 'feedback'): Promise<string[]> {
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
