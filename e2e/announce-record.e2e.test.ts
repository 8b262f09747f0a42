// "Phát trực tiếp" → "Ghi âm" in a real Chromium against the real server, with a fake microphone that plays a
// 1 kHz tone: an admin makes an editor an announcer through the API; the editor signs in, tests the microphone
// (the meter shows the tone), records about three seconds and submits it with a title. The recording becomes a
// clip waiting for review, stored as WebM/Opus audio with a loudness-normalised copy, and what was stored still
// is the 1 kHz tone. A failed upload keeps the recording (download, send again). Staff without the role see no
// entry, and the server refuses the upload to those who may not make content.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ffmpeg } from '../server/test/factories/media';
import { decodeToPcm, dominantTones } from '../server/test/support/tones';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { createStaff, fetchSession, nav, pageApi, signInThroughLoginPage, until, type FetchSession } from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const TITLE = 'Thông báo cắt nước tổ 5';
const NAV_ENTRY = 'Phát trực tiếp';
const STAFF = [
  { username: 'phatthanh', displayName: 'Chị Mai (biên tập, phát thanh)', roles: ['editor'] },
  { username: 'bientap', displayName: 'Chị Lan (biên tập)', roles: ['editor'] },
  { username: 'duyet', displayName: 'Anh Minh (VH-XH)', roles: ['reviewer'] },
] as const;

interface Version {
  id: number;
  number: number;
  state: string;
  title: string;
  media: { sha256: string; kind: string; mime: string; durationMs: number | null; url: string } | null;
}

describe.skipIf(skipBrowserTests)('recording an announcement in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: FetchSession;
  let fixtureDir: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-announce-'));
    const tone = join(fixtureDir, 'tone-1khz.wav');
    // Chromium loops the file as its microphone: a steady 1 kHz tone at −6 dBFS peak.
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=1000:duration=20:sample_rate=48000',
      '-af',
      'volume=0.5',
      '-ac',
      '1',
      '-c:a',
      'pcm_s16le',
      tone,
    ]);
    [server, browser] = await Promise.all([
      startServer({ timeoutMs: 120_000 }),
      launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${tone}`]),
    ]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, STAFF, PASSWORD);
    const users = (await admin<{ id: number; username: string }[]>('GET', '/api/users')).body;
    const id = users.find((u) => u.username === 'phatthanh')!.id;
    // An editor who announces holds both roles.
    const granted = await admin<{ roles: string[] }>('PATCH', `/api/users/${id}`, { roles: ['editor', 'announcer'] });
    expect(granted.status).toBe(200);
    expect([...granted.body.roles].sort()).toEqual(['announcer', 'editor']);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const { context, page } = await signInThroughLoginPage(browser, server, username, PASSWORD, problems);
    contexts.push(context);
    return page;
  }

  const levelOf = async (page: Page) => Number(await page.getByTestId('mic-level').getAttribute('data-db'));

  async function openAnnounce(page: Page) {
    await nav(page, NAV_ENTRY);
    await page.waitForURL('**/announce');
    await page.getByTestId('announce-screen').waitFor();
  }

  /** Records for at least `ms` with the level meter showing the tone; answers when the preview is up. */
  async function record(page: Page, ms: number) {
    await page.getByTestId('record-start').click();
    await page.getByTestId('record-stop').waitFor();
    await until(
      async () => Number(await page.getByTestId('record-elapsed').getAttribute('data-ms')) >= ms,
      ms + 10_000,
      'the recording time',
    );
    expect(await levelOf(page)).toBeGreaterThan(-40);
    await page.getByTestId('record-stop').click();
    await page.getByTestId('record-preview').waitFor();
  }

  it('lets an announcer test the microphone, record, and submit the recording as a clip for review', async () => {
    const page = await signIn('phatthanh');
    await openAnnounce(page);
    await page.getByTestId('mic-test').click();
    const level = await until(
      async () => {
        const db = await levelOf(page).catch(() => Number.NaN);
        return db > -40 ? db : null;
      },
      15_000,
      'the level meter to show the tone',
    );
    expect(level).toBeLessThan(0);
    expect(await page.getByTestId('mic-level').getAttribute('data-verdict')).toBe('good');

    await record(page, 3_000);
    const lengthMs = Number(await page.getByTestId('record-length').getAttribute('data-ms'));
    expect(lengthMs).toBeGreaterThanOrEqual(3_000);
    expect(lengthMs).toBeLessThan(8_000);
    // The title is required.
    await page.getByTestId('record-submit').click();
    await page.getByTestId('rec-title-error').getByText('Nhập tiêu đề cho bản ghi.').waitFor();
    await page.getByTestId('record-title').fill(TITLE);
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-done').waitFor({ timeout: 60_000 });
    const id = Number(await page.getByTestId('record-open').getAttribute('data-content-id'));

    const api = await pageApi(page, server);
    const item = await api<{ kind: string; latest: Version }>('GET', `/api/content/${id}`);
    expect(item.status).toBe(200);
    expect(item.body.kind).toBe('clip');
    expect(item.body.latest).toMatchObject({ number: 1, state: 'submitted', title: TITLE });
    const media = item.body.latest.media!;
    expect(media).toMatchObject({ kind: 'audio', mime: 'audio/webm' });
    expect(media.durationMs!).toBeGreaterThan(2_500);
    const info = await api<{ info: { audioCodec: string; loudness: { outputLufs: number } | null } }>(
      'GET',
      `/api/media/${media.sha256}/info`,
    );
    expect(info.body.info.audioCodec).toBe('opus');
    expect(info.body.info.loudness!.outputLufs).toBeGreaterThanOrEqual(-17);
    expect(info.body.info.loudness!.outputLufs).toBeLessThanOrEqual(-15);

    // Waiting in the culture–social office's queue.
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    const queue = await reviewer<{ versionId?: number; id?: number; title?: string }[]>('GET', '/api/reviews');
    expect(JSON.stringify(queue.body)).toContain(TITLE);

    // What was stored is still the microphone's 1 kHz tone.
    const bytes = await page.request.get(server.url + media.url);
    expect(bytes.status()).toBe(200);
    const pcm = await decodeToPcm(Buffer.from(await bytes.body()), 'matroska');
    const windows = dominantTones(pcm, [250, 440, 1000, 2000, 3000], 500);
    const heard = windows.filter((hz) => hz !== 0);
    expect(heard.length).toBeGreaterThanOrEqual(5);
    expect(heard.every((hz) => hz === 1000)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps the recording when the upload fails: it can be downloaded and sent again', async () => {
    const page = await signIn('phatthanh');
    await openAnnounce(page);
    await record(page, 1_500);
    await page.getByTestId('record-title').fill('Thông báo họp tổ dân phố');
    const isUpload = (url: URL) => url.pathname === '/api/media';
    await page.route(isUpload, (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-failed').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('record-preview').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-download').click()]);
    const saved = join(fixtureDir, 'downloaded.webm');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^ghi-am-\d{4}-\d{2}-\d{2}-\d{4}\.webm$/);
    expect([...readFileSync(saved).subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);

    await page.unroute(isUpload);
    expect(await page.getByTestId('record-submit').innerText()).toBe('Gửi lại');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-done').waitFor({ timeout: 60_000 });
    const id = Number(await page.getByTestId('record-open').getAttribute('data-content-id'));
    const item = await (await pageApi(page, server))<{ latest: Version }>('GET', `/api/content/${id}`);
    expect(item.body.latest).toMatchObject({ state: 'submitted', title: 'Thông báo họp tổ dân phố' });
    expect(problems).toEqual([]);
  });

  it('shows no entry to staff without the announcer role, and the server refuses them where it matters', async () => {
    for (const username of ['bientap', 'duyet']) {
      const page = await signIn(username);
      const entries = await page.getByTestId('nav').getByRole('link').allInnerTexts();
      expect(entries, username).not.toContain(NAV_ENTRY);
      expect(entries.length, username).toBeGreaterThan(5);
      await page.goto(server.url + '/announce');
      await page.getByTestId('screen-title').getByText('Không có quyền truy cập').waitFor();
      expect(await page.getByTestId('announce-screen').count()).toBe(0);
    }
    // A reviewer may not make content: a recording sent as one is refused by the server itself.
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    const refused = await reviewer<{ code: string }>('POST', '/api/media?accept=audio&name=ghi-am.webm', {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    // The admin is not an announcer either.
    const adminPage = (await signInThroughLoginPage(browser, server, 'admin', server.adminPassword, problems)).page;
    contexts.push(adminPage.context());
    expect(await adminPage.getByTestId('nav').getByRole('link').allInnerTexts()).not.toContain(NAV_ENTRY);
    expect(problems).toEqual([]);
  });
});
