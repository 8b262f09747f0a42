// The playlist story in a real Chromium against the real server: an editor builds a playlist of three
// approved messages, reorders it by drag and drop and by the Up button, changes a duration, reads the
// total and sees the first item in the preview; the order survives a reload. A server refusal is shown in
// the chosen language. A viewer sees the playlist without any edit control. Scheduled from the schedule
// form's "Danh sách phát" choice, it reaches a paired LED screen's timeline with its items in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Browser, Page } from 'playwright-core';
import { unpackTimeline, type DeviceTimeline } from '@bantin/protocol/core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  approvedMessage,
  fetchSession,
  nav,
  pageApi,
  signInThroughLoginPage,
  until,
  vnDate,
  type Call,
  type StaffPage,
} from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const NAME = 'Bản tin sáng tổ dân phố 4';
const TITLES = ['Giữ gìn vệ sinh chung', 'Đổ rác đúng giờ', 'Phòng chống sốt xuất huyết'] as const;

type Playlist = { id: number; name: string; items: { contentId: number; durationMs?: number }[] };
type ContentRow = { id: number; playing: { durationMs: number } | null };

/** m:ss, as the dashboard shows durations. */
const mss = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

describe.skipIf(skipBrowserTests)('playlists in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: StaffPage;
  let asEditor: Call;
  const ids: number[] = [];
  const natural = new Map<number, number>();
  let playlistId: number;
  const staff: StaffPage[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // Seeding the starter pack synthesises speech; a busy machine needs longer than the default wait.
    [server, browser] = await Promise.all([startServer({ timeoutMs: 90_000 }), launchBrowser()]);
    const admin = await fetchSession(server, 'admin', server.adminPassword);
    for (const [username, roles] of [
      ['bientap', ['editor']],
      ['duyet', ['reviewer']],
      ['lanhdao', ['viewer']],
    ] as const) {
      const r = await admin('POST', '/api/users', { username, displayName: username, password: PASSWORD, roles });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const seedEditor = await fetchSession(server, 'bientap', PASSWORD);
    const reviewer = await fetchSession(server, 'duyet', PASSWORD);
    for (const [i, title] of TITLES.entries()) {
      ids.push(
        await approvedMessage(seedEditor, reviewer, {
          title,
          body: `${title}: thông báo của phường số ${i + 1}.`,
          displaySeconds: 6 + 2 * i,
        }),
      );
    }
    const contents = (await seedEditor<ContentRow[]>('GET', '/api/content?limit=50')).body;
    for (const c of contents) if (c.playing) natural.set(c.id, c.playing.durationMs);
    editor = await signInThroughLoginPage(browser, server, 'bientap', PASSWORD, problems);
    staff.push(editor);
    asEditor = await pageApi(editor.page, server);
  });

  afterAll(async () => {
    for (const s of staff) await s.context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const itemTitles = (page: Page) => page.getByTestId('playlist-item-title').allInnerTexts();
  const a = () => ids[0]!;
  const b = () => ids[1]!;
  const c = () => ids[2]!;

  it('builds a playlist of three approved items, reorders it by drag and drop and Up, sets a duration, previews and saves it', async () => {
    const { page } = editor;
    await nav(page, 'Danh sách phát');
    await page.waitForURL('**/playlists');
    await page.getByTestId('playlist-new').click();
    await page.getByTestId('playlist-name').fill(NAME);
    for (const title of TITLES) {
      await page.getByTestId('playlist-pick').selectOption({ label: title });
      await page.getByTestId('playlist-add').click();
    }
    expect(await itemTitles(page)).toEqual([...TITLES]);
    const sum = (ms: number[]) => ms.reduce((x, y) => x + y, 0);
    expect(await page.getByTestId('playlist-total').innerText()).toBe(`Tổng thời lượng: ${mss(sum(ids.map((id) => natural.get(id)!)))}`);

    // Drag the first item onto the last: B, C, A.
    const rows = page.getByTestId('playlist-item');
    await rows.nth(0).dragTo(rows.nth(2));
    expect(await itemTitles(page)).toEqual([TITLES[1], TITLES[2], TITLES[0]]);
    // The keyboard and touch way: A one place up: B, A, C.
    await page.getByRole('button', { name: `Lên: ${TITLES[0]}` }).click();
    expect(await itemTitles(page)).toEqual([TITLES[1], TITLES[0], TITLES[2]]);

    // Played, the preview shows the first message for its natural length, then the second.
    const preview = page.getByTestId('playlist-preview');
    const position = preview.getByTestId('preview-position');
    expect(await position.innerText()).toContain(`Mục 1/3: ${TITLES[1]}`);
    await preview.getByTestId('preview-toggle').click();
    await position.getByText(`Mục 2/3: ${TITLES[0]}`).waitFor({ timeout: natural.get(b())! + 5000 });
    await preview.getByTestId('preview-toggle').click();
    await page.getByRole('button', { name: 'Mục trước' }).click();

    // B now plays 15 s instead of its natural length.
    await page.getByRole('textbox', { name: `Thời lượng (giây): ${TITLES[1]}` }).fill('15');
    expect(await page.getByTestId('playlist-total').innerText()).toBe(
      `Tổng thời lượng: ${mss(15_000 + natural.get(a())! + natural.get(c())!)}`,
    );

    // The preview is on the first item, as a screen would show it.
    expect(await position.innerText()).toContain(`Mục 1/3: ${TITLES[1]}`);
    expect(await preview.getByTestId('preview-led').innerText()).toContain(TITLES[1]);

    await page.getByRole('button', { name: 'Mục sau' }).click();
    expect(await position.innerText()).toContain(`Mục 2/3: ${TITLES[0]}`);
    await page.getByRole('button', { name: 'Mục trước' }).click();

    await page.getByTestId('playlist-save').click();
    expect(await page.getByTestId('playlists-notice').innerText()).toContain(`Đã lưu danh sách phát “${NAME}”`);

    await page.reload();
    await page.getByTestId('playlists-screen').waitFor();
    const stored = (await asEditor<Playlist[]>('GET', '/api/playlists')).body;
    expect(stored).toHaveLength(1);
    playlistId = stored[0]!.id;
    expect(stored[0]!.items).toEqual([{ contentId: b(), durationMs: 15_000 }, { contentId: a() }, { contentId: c() }]);
    const row = page.getByTestId('playlist-list').locator('tr', { hasText: NAME });
    expect(await row.innerText()).toContain(mss(15_000 + natural.get(a())! + natural.get(c())!));
    await row.getByRole('button', { name: `Sửa ${NAME}` }).click();
    expect(await itemTitles(page)).toEqual([TITLES[1], TITLES[0], TITLES[2]]);
    expect(problems).toEqual([]);
  });

  it('shows a server refusal in the chosen language', async () => {
    const { page } = editor;
    const doomed = (await asEditor<Playlist>('POST', '/api/playlists', { name: 'Tạm thời', items: [{ contentId: a() }] })).body;
    await page.reload();
    await page.getByTestId('playlist-list').locator('tr', { hasText: 'Tạm thời' }).getByRole('button', { name: 'Sửa Tạm thời' }).click();
    expect((await asEditor('DELETE', `/api/playlists/${doomed.id}`)).status).toBe(204);
    await page.getByTestId('playlist-save').click();
    expect(await page.getByTestId('error').innerText()).toContain(`Không tìm thấy danh sách phát #${doomed.id}.`);
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await page.getByTestId('playlist-save').click();
    await page.getByTestId('error').getByText(`Playlist #${doomed.id} not found.`).waitFor();
    await page.getByTestId('lang-switch').getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('lets a viewer see the playlist and its order, with no edit control', async () => {
    const viewer = await signInThroughLoginPage(browser, server, 'lanhdao', PASSWORD, problems);
    staff.push(viewer);
    const { page } = viewer;
    await nav(page, 'Danh sách phát');
    await page.getByTestId('playlists-screen').waitFor();
    expect(await page.getByTestId('playlists-screen').innerText()).toContain('Bạn chỉ được xem danh sách phát.');
    expect(await page.getByTestId('playlist-new').count()).toBe(0);
    const row = page.getByTestId('playlist-list').locator('tr', { hasText: NAME });
    expect(await row.getByRole('button', { name: `Xoá ${NAME}` }).count()).toBe(0);
    await row.getByRole('button', { name: `Xem ${NAME}` }).click();
    expect(await itemTitles(page)).toEqual([TITLES[1], TITLES[0], TITLES[2]]);
    const editorBox = page.getByTestId('playlist-editor');
    for (const id of ['playlist-save', 'playlist-name', 'playlist-pick', 'playlist-item-seconds'])
      expect(await editorBox.getByTestId(id).count()).toBe(0);
    expect(await editorBox.getByRole('button', { name: /^(Lên|Xuống|Bỏ):/ }).count()).toBe(0);
    expect(await editorBox.locator('[draggable="true"]').count()).toBe(0);
    expect(await page.getByTestId('playlist-item-duration').first().innerText()).toBe('0:15');
    expect(problems).toEqual([]);
  });

  it('schedules the playlist from the schedule form and a paired LED screen gets its items in order', async () => {
    // A player pairs as it would: a code, claimed by the editor, then its token and its WebSocket.
    const { code, secret } = (await (await fetch(`${server.url}/api/pairing/codes`, { method: 'POST' })).json()) as {
      code: string;
      secret: string;
    };
    const claim = await asEditor<{ id: number }>('POST', '/api/pairing/claim', { code, device: { name: 'LED chợ Rồng', kind: 'led' } });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    const tokenRes = await fetch(`${server.url}/api/pairing/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, secret }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const timelines: DeviceTimeline[] = [];
    const device = new WebSocket(`${server.url.replace('http', 'ws')}/ws/device?token=${encodeURIComponent(token)}`, ['bantin.v1']);
    device.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; timeline?: unknown };
      const tl = m.type === 'timeline.v2' ? unpackTimeline(m.timeline, String(claim.body.id)) : null;
      if (tl) timelines.push(tl);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        device.once('open', () => resolve());
        device.once('error', reject);
      });

      const { page } = editor;
      await nav(page, 'Lịch phát');
      await page.getByTestId('schedule-new').click();
      const form = page.getByTestId('schedule-editor');
      await form.getByLabel('Tên lịch phát').fill('Phát bản tin sáng');
      await form.getByRole('radio', { name: 'Danh sách phát' }).check();
      await page.getByTestId('sch-playlist').selectOption({ label: NAME });
      await form.getByRole('checkbox', { name: 'Màn hình LED' }).check();
      await page.getByTestId('preset-daily').check();
      await form.getByLabel('Từ ngày', { exact: true }).fill(vnDate());
      await page.getByTestId('window-start').fill('00:00');
      await page.getByTestId('window-end').fill('23:59');
      await page.getByTestId('schedule-save').click();
      await page.getByTestId('schedules-notice').waitFor();
      expect(await page.getByTestId('schedule-list').locator('tr', { hasText: 'Phát bản tin sáng' }).innerText()).toContain(NAME);

      const schedules = (await asEditor<{ id: number; playlistId: number | null }[]>('GET', '/api/schedules')).body;
      const sid = String(schedules.find((s) => s.playlistId === playlistId)!.id);
      const run = await until(
        async () => {
          const now = Date.now();
          const seg = timelines.at(-1)?.segments.find((s) => s.start <= now && now < s.end);
          const items = seg?.items.filter((i) => i.reason.scheduleId === sid) ?? [];
          return items.length >= 3 ? items.slice(0, 3) : null;
        },
        30_000,
        () => `a timeline with the playlist (got ${timelines.length} timelines)`,
      );
      expect(run.map((i) => [i.contentId, i.durationMs])).toEqual([
        [String(b()), 15_000],
        [String(a()), natural.get(a())],
        [String(c()), natural.get(c())],
      ]);
    } finally {
      device.close();
    }
    expect(problems).toEqual([]);
  });
});
