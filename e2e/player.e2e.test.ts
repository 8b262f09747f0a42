// The player in a real Chromium against the real server: pairing by code, the WebSocket connection,
// emergency alerts (banner within a second, acknowledgement, cancel), kiosk feedback with consent, and
// offline play: the server stops, the player plays on by its stored timeline, and the proof of play queued
// meanwhile reaches the restarted server exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { whatPlaysAt, type DeviceTimeline } from '@bantin/protocol';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { freePort, queuedEventIds } from './story-helpers';

/** A non-loopback IPv4 of this machine: a page served there is not a secure context. */
const LAN_IP = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string | (() => string)): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(250);
  }
}


async function pair(page: Page, staff: Staff, device: Record<string, unknown>): Promise<number> {
  const code = page.getByTestId('pairing-code');
  await code.waitFor({ timeout: 15_000 });
  const claim = await staff.call<{ id: number }>('POST', '/api/pairing/claim', { code: await code.getAttribute('data-code'), device });
  expect(claim.status).toBe(200);
  await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
  return claim.body.id;
}

/** Event ids of the proof-of-play records waiting in the player's IndexedDB queue. */
const queuedPlays = (page: Page) => queuedEventIds(page, 'plays');

/** Waits until the page has shown the uploaded image (decoded), the video (advancing) and the text slide. */
async function playsImageVideoText(page: Page): Promise<void> {
  const seen = new Set<string>();
  await until(
    async () => {
      const kind = await activeItem(page)
        .getAttribute('data-kind', { timeout: 1_000 })
        .catch(() => null);
      if (
        kind === 'image' &&
        (await activeItem(page)
          .locator('img')
          .evaluate((el) => (el as HTMLImageElement).naturalWidth, undefined, { timeout: 1_000 })
          .catch(() => 0)) === 640
      )
        seen.add('image');
      if (kind === 'video') {
        const at = () =>
          activeItem(page)
            .locator('video')
            .evaluate((el) => (el as HTMLVideoElement).currentTime, undefined, { timeout: 1_000 })
            .catch(() => 0);
        const t0 = await at();
        await sleep(400);
        const t1 = await at();
        if (t1 > t0) seen.add('video');
      }
      if (
        kind === 'text' &&
        (
          await activeItem(page)
            .innerText({ timeout: 1_000 })
            .catch(() => '')
        ).includes('Lịch tiêm chủng tháng này')
      )
        seen.add('text');
      return seen.size === 3;
    },
    60_000,
    () => `image, video and text to play (seen: ${[...seen].join(', ') || 'none'})`,
  );
}

const activeItem = (page: Page) => page.locator('[data-testid="player-item"][data-active="true"]');

interface Staff {
  /** JSON in and out; a Uint8Array body is sent as application/octet-stream (uploads). */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

async function signIn(server: RunningServer, username = 'admin', password = server.adminPassword): Promise<Staff> {
  const res = await fetch(server.url + '/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call(method, path, body) {
      const raw = body instanceof Uint8Array;
      const type = raw ? 'application/octet-stream' : 'application/json';
      const r = await fetch(server.url + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'Content-Type': type } : {}) },
        body: raw ? (body as Uint8Array<ArrayBuffer>) : body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
}

describe.skipIf(skipBrowserTests)('player in Chromium against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Staff;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await signIn(server);
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows a pairing code, is claimed by staff, and starts playing', async () => {
    await page.goto(server.url + '/player/');
    const code = page.getByTestId('pairing-code');
    await code.waitFor();
    const digits = await code.getAttribute('data-code');
    expect(digits).toMatch(/^\d{6}$/);
    expect(await code.innerText()).toBe(`${digits!.slice(0, 3)} ${digits!.slice(3)}`);
    expect(await page.getByTestId('player-unpaired').innerText()).toContain('Mã ghép nối');

    const claim = await staff.call('POST', '/api/pairing/claim', {
      code: digits,
      device: { name: 'Kiosk một cửa', kind: 'kiosk', orientation: 'portrait' },
    });
    expect(claim.status).toBe(200);
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('player-stage').getAttribute('data-device-kind')).toBe('kiosk');
    expect(await page.evaluate(() => localStorage.getItem('bantin.token'))).toMatch(/^bt_/);

    // The starter pack's Vietnamese text slides, in the bundled font, fitted to this portrait screen.
    const slide = activeItem(page).locator('article');
    await slide.waitFor({ timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
    const fit = await slide.evaluate((el) => ({
      overflow: el.scrollHeight - el.clientHeight,
      font: getComputedStyle(el).fontFamily,
      loaded: document.fonts.check('700 40px "Be Vietnam Pro"', 'Ệ ữ ỗ'),
      text: (el as HTMLElement).innerText,
    }));
    expect(fit.overflow).toBeLessThanOrEqual(1);
    expect(fit.font).toContain('Be Vietnam Pro');
    expect(fit.loaded).toBe(true);
    expect(fit.text).toMatch(/[ăâđêôơư]/i);
    expect(pageErrors).toEqual([]);
  });

  it('shows an emergency alert within a second, acknowledges it, and ends it on cancel', async () => {
    await page.locator('[data-online="true"]').waitFor({ timeout: 10_000 });
    const issued = Date.now();
    const res = await staff.call<{ id: number }>('POST', '/api/alerts', {
      text: 'Bão số 3 đổ bộ, người dân không ra khỏi nhà.',
      target: { all: true },
      repeatMin: 0,
    });
    expect(res.status).toBe(201);
    const banner = page.getByTestId('alert-banner');
    await banner.waitFor({ timeout: 5_000 });
    expect(Date.now() - issued).toBeLessThan(1_000);
    expect(await banner.innerText()).toContain('Bão số 3 đổ bộ');
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(200, 16, 46)');

    let acks: unknown[] = [];
    for (let i = 0; i < 20 && acks.length === 0; i++) {
      acks = (await staff.call<{ acks: unknown[] }>('GET', `/api/alerts/${res.body.id}`)).body.acks;
      if (acks.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(acks).toHaveLength(1);

    expect((await staff.call('POST', `/api/alerts/${res.body.id}/cancel`)).status).toBe(200);
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('takes kiosk feedback through the touch form, refusing a phone number without consent', async () => {
    await page.getByTestId('feedback-open').click();
    const form = page.getByTestId('feedback-form');
    await form.waitFor();
    expect(await form.innerText()).toContain('91/2025');
    await page.getByTestId('feedback-rating-4').click();
    await page.getByRole('button', { name: 'thời gian chờ' }).click();
    await page.getByTestId('feedback-comment').fill('Cán bộ hướng dẫn tận tình');
    await page.getByTestId('feedback-phone').fill('0912 345 678');
    await page.getByTestId('feedback-submit').click();
    expect(await form.getByRole('alert').innerText()).toContain('đồng ý');
    await page.getByTestId('feedback-consent').check();
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-thanks').waitFor();

    type Row = { rating: number; topic: string; comment: string | null; phone: string | null };
    let rows: Row[] = [];
    for (let i = 0; i < 40 && rows.length === 0; i++) {
      rows = (await staff.call<{ feedback: Row[] }>('GET', '/api/feedback')).body.feedback;
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 4, topic: 'thời gian chờ', comment: 'Cán bộ hướng dẫn tận tình' });
    expect(rows[0]!.phone).toContain('0912');
    await page.getByTestId('feedback-thanks').waitFor({ state: 'detached', timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });

  it('comes back paired and playing after a reload', async () => {
    await page.reload();
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('player-unpaired').count()).toBe(0);
  });

  it('as a loudspeaker plays sound only, and answers an alert with tone and speech instead of a banner', async () => {
    const speakerContext = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const speaker = await speakerContext.newPage();
      const mediaRequests: string[] = [];
      speaker.on('request', (r) => mediaRequests.push(new URL(r.url()).pathname));
      await speaker.goto(server.url + '/player/');
      await pair(speaker, staff, { name: 'Loa tổ dân phố 3', kind: 'speaker' });
      expect(await speaker.getByTestId('player-stage').getAttribute('data-device-kind')).toBe('speaker');
      await speaker.locator('[data-online="true"]').waitFor({ timeout: 10_000 });
      for (const kind of await speaker.getByTestId('player-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) {
        expect(['audio', 'speech']).toContain(kind);
      }

      const res = await staff.call<{ id: number }>('POST', '/api/alerts', {
        text: 'Mất điện khu vực tổ 3 từ 14 giờ.',
        target: { kinds: ['speaker'] },
        repeatMin: 0,
      });
      expect(res.status).toBe(201);
      await until(
        async () => (await staff.call<{ acks: unknown[] }>('GET', `/api/alerts/${res.body.id}`)).body.acks.length === 1,
        10_000,
        'the speaker to acknowledge',
      );
      expect(await speaker.getByTestId('alert-banner').count()).toBe(0);
      // The server renders the speech a moment after issuing; the speaker downloads, verifies and plays it.
      const speech = await until(
        async () => (await staff.call<{ speechSha256: string | null }>('GET', `/api/alerts/${res.body.id}`)).body.speechSha256,
        30_000,
        'the alert speech',
      );
      await until(async () => mediaRequests.includes(`/player/media/${speech}`), 30_000, 'the speech to be played from the verified cache');
      expect(mediaRequests).toContain(`/api/device/media/${speech}`);
      await staff.call('POST', `/api/alerts/${res.body.id}/cancel`);
    } finally {
      await speakerContext.close();
    }
  });

  it('closes an untouched feedback form after a minute and returns to the loop', async () => {
    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    try {
      const kiosk = await kioskContext.newPage();
      await kiosk.clock.install();
      await kiosk.goto(server.url + '/player/');
      await pair(kiosk, staff, { name: 'Kiosk tầng 2', kind: 'kiosk' });
      await kiosk.getByTestId('feedback-open').click();
      await kiosk.getByTestId('feedback-form').waitFor();
      await kiosk.clock.fastForward(50_000);
      await kiosk.getByTestId('feedback-rating-3').click(); // a touch restarts the minute
      await kiosk.clock.fastForward(50_000);
      expect(await kiosk.getByTestId('feedback-form').count()).toBe(1);
      await kiosk.clock.fastForward(11_000);
      await kiosk.getByTestId('feedback-form').waitFor({ state: 'detached', timeout: 5_000 });
      await kiosk.getByTestId('feedback-open').waitFor();
    } finally {
      await kioskContext.close();
    }
  });

  it('returns to the pairing screen when its token has been revoked', async () => {
    await page.locator('[data-online="true"]').waitFor({ timeout: 10_000 });
    const devices = (await staff.call<{ id: number; name: string }[]>('GET', '/api/devices')).body;
    const kiosk = devices.find((d) => d.name === 'Kiosk một cửa')!;
    expect((await staff.call('POST', `/api/devices/${kiosk.id}/revoke`)).status).toBe(200);
    // Revoking closes the device's socket with 4401: the player forgets its token and shows a new pairing
    // code by itself, without a reload.
    await page.getByTestId('pairing-code').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => localStorage.getItem('bantin.token'))).toBeNull();
  });
});

describe.skipIf(skipBrowserTests)('player offline: server stopped and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-offline-'));
  const adminPassword = 'e2e-offline-admin-1';
  let port = 0;
  let server: RunningServer | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const start = () => startServer({ adminPassword, env: { PORT: String(port), BANTIN_DATA_DIR: dataDir } });

  beforeAll(async () => {
    port = await freePort();
    server = await start();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plays the next scheduled item at its time with the server gone, then delivers the queued proof of play once', async () => {
    let staff = await signIn(server!);
    await page.goto(server!.url + '/player/');
    const deviceId = await pair(page, staff, { name: 'Màn hình LED chợ', kind: 'led' });
    await page.locator('[data-online="true"]').waitFor({ timeout: 10_000 });
    const timeline = (await staff.call<DeviceTimeline>('GET', `/api/devices/${deviceId}/timeline`)).body;
    expect(timeline.segments.length).toBeGreaterThan(0);

    await server!.stop();
    server = null;
    await page.locator('[data-online="false"]').waitFor({ timeout: 10_000 });

    // The next boundary by the stored timeline, at least 2 s away so it happens while the server is down.
    const now = whatPlaysAt(timeline, Date.now() + 2_000);
    const boundary = now.nextChangeAt!;
    const expected = whatPlaysAt(timeline, boundary + 1).item!;
    expect(expected).toBeTruthy();
    await sleep(Math.max(0, boundary - Date.now()) + 1_000);
    expect(await activeItem(page).getAttribute('data-item-id')).toBe(expected.id);
    expect(await activeItem(page).innerText()).toContain(expected.text?.title ?? '');

    // Switched off and on again while the server is still down: the service worker serves the page, the
    // timeline comes from IndexedDB, and the player plays what the timeline says now.
    await page.reload();
    await until(
      async () => {
        const id = await activeItem(page)
          .getAttribute('data-item-id', { timeout: 1_000 })
          .catch(() => null);
        const want = whatPlaysAt(timeline, Date.now()).item?.id;
        return id !== null && (id === want || id === whatPlaysAt(timeline, Date.now() - 1_000).item?.id);
      },
      15_000,
      'the reloaded player to play its stored timeline offline',
    );

    const queued = await until(
      async () => {
        const q = await queuedPlays(page);
        return q.length > 0 && q;
      },
      10_000,
      'a proof-of-play record queued offline',
    );

    server = await start();
    staff = await signIn(server);
    await page.locator('[data-online="true"]').waitFor({ timeout: 90_000 });
    let left: string[] = [];
    await until(
      async () => {
        left = await queuedPlays(page);
        return left.every((id) => !queued.includes(id));
      },
      60_000,
      () => `the queue to drain (${left.length} left)\n${server?.output().slice(-3000)}`,
    );
    const plays = (
      await staff.call<{ plays: { eventId: string; deviceId: number; result: string }[] }>(
        'GET',
        `/api/plays?deviceId=${deviceId}&limit=1000`,
      )
    ).body.plays;
    const ids = plays.map((p) => p.eventId);
    for (const id of queued) expect(ids.filter((x) => x === id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.skipIf(skipBrowserTests)('player shows approved image, video and Vietnamese text', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Staff;
  const workDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-media-'));

  beforeAll(async () => {
    // Also on the LAN address, for the non-secure-context test below.
    server = await startServer({ env: { HOST: '0.0.0.0' } });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function approvedContent(editor: Staff, reviewer: Staff, body: Record<string, unknown>): Promise<number> {
    const created = await editor.call<{ id: number; versions?: unknown }>('POST', '/api/content', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const submitted = await editor.call<{ id: number }>('POST', `/api/content/${created.body.id}/versions/1/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const decided = await reviewer.call('POST', '/api/reviews', { versionId: submitted.body.id, decision: 'approve' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    return created.body.id;
  }

  it('plays an approved image, video and Vietnamese text message in turn', async () => {
    admin = await signIn(server);
    for (const [username, roles] of [
      ['bientap', ['editor']],
      ['kiemduyet', ['reviewer']],
    ] as const) {
      const r = await admin.call('POST', '/api/users', { username, displayName: username, password: 'mat-khau-e2e-1', roles });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const editor = await signIn(server, 'bientap', 'mat-khau-e2e-1');
    const reviewer = await signIn(server, 'kiemduyet', 'mat-khau-e2e-1');

    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1d4f91' } })
      .png()
      .toBuffer();
    const webm = join(workDir, 'clip.webm');
    execFileSync(ffmpeg.path, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=640x360:rate=25',
      '-t',
      '4',
      '-c:v',
      'libvpx-vp9',
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      '300k',
      '-y',
      webm,
    ]);
    const image = await editor.call<{ sha256: string }>('POST', '/api/media?accept=image&name=anh.png', new Uint8Array(png));
    expect(image.status, JSON.stringify(image.body)).toBe(201);
    const video = await editor.call<{ sha256: string }>(
      'POST',
      '/api/media?accept=video&name=clip.webm',
      new Uint8Array(readFileSync(webm)),
    );
    expect(video.status, JSON.stringify(video.body)).toBe(201);

    const imageId = await approvedContent(editor, reviewer, {
      kind: 'clip',
      title: 'Ảnh phường',
      mediaSha256: image.body.sha256,
      displaySeconds: 4,
    });
    const videoId = await approvedContent(editor, reviewer, { kind: 'clip', title: 'Phim ngắn', mediaSha256: video.body.sha256 });
    const textId = await approvedContent(editor, reviewer, {
      kind: 'message',
      title: 'Lịch tiêm chủng tháng này',
      body: 'Trạm y tế phường tiêm vắc-xin sởi cho trẻ từ 9 tháng tuổi vào thứ Bảy.',
      style: 'led',
      displaySeconds: 4,
    });

    await page.goto(server.url + '/player/');
    await pair(page, admin, { name: 'LED nhà văn hoá', kind: 'led' });
    const playlist = await editor.call<{ id: number }>('POST', '/api/playlists', {
      name: 'Bản tin',
      items: [{ contentId: imageId }, { contentId: videoId }, { contentId: textId }],
    });
    expect(playlist.status, JSON.stringify(playlist.body)).toBe(201);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const schedule = await editor.call('POST', '/api/schedules', {
      class: 'priority',
      playlistId: playlist.body.id,
      target: { kinds: ['led'] },
      when: { dateFrom: day(-1), dateTo: day(2), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '24:00' }] },
    });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);

    await playsImageVideoText(page);
    expect(await activeItem(page).count()).toBe(1);
  });

  it.skipIf(!LAN_IP)('plays verified media where the page is not a secure context (plain http on a LAN address)', async () => {
    // No service worker, no Cache API, no crypto.subtle, no randomUUID: IndexedDB blobs, the pure-JS sha256.
    const lanContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const lan = await lanContext.newPage();
      await lan.goto(`http://${LAN_IP}:${server.port}/player/`);
      expect(await lan.evaluate(() => [isSecureContext, typeof crypto.subtle, typeof caches])).toEqual([false, 'undefined', 'undefined']);
      await pair(lan, admin, { name: 'LED chợ phường', kind: 'led' });
      await playsImageVideoText(lan);
      const srcs = await lan
        .locator('[data-testid="player-item"] img, [data-testid="player-item"] video')
        .evaluateAll((els) => els.map((e) => (e as HTMLMediaElement).src));
      for (const src of srcs) expect(src.startsWith('blob:')).toBe(true);
    } finally {
      await lanContext.close();
    }
  });
});
