// Proof of play per layout region, end to end on a real SQLite file and a real WebSocket: what a player sends
// with its region is stored with it (main when it sends none), a bad region is refused and stores nothing, and
// the report, the play log and the CSV filter by region and show it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, REGION_KINDS } from '@bantin/protocol/core';
import { startTestServer, type TestClient, type TestServer } from '../../test/support/realtime-server';
import { addContent, adminId, vn } from '../../test/factories/reports';
import type { PlaysReport } from '../reports/types';

const NOV = 'from=2026-11-01&to=2026-11-30';
const sha = 'd'.repeat(64);

let s: TestServer;
let viewer: { cookie: string; csrf: string };
let device: { id: number; token: string };
let c: TestClient;
const ids = {} as Record<'programme' | 'notice', number>;

type Sent = { eventId: string; contentId: string; region?: string; start: number; end: number };
const play = (content: number, at: string, seconds: number, region?: string): Sent & Record<string, unknown> => ({
  eventId: randomUUID(),
  contentId: String(content),
  versionId: '1',
  sha256: sha,
  start: vn(at),
  end: vn(at) + seconds * 1000,
  result: 'completed',
  class: 'normal',
  ...(region === undefined ? {} : { region }),
});
const stored = async () =>
  s.db.all<{ event_id: string; content_id: number; region: string }>(
    'SELECT event_id, content_id, region FROM plays WHERE device_id = ? ORDER BY started_at',
    [device.id],
  );
const get = (path: string, lang = 'vi') => s.request(path, { cookie: viewer.cookie, headers: { 'accept-language': lang } });
const report = async (query: string) => {
  const res = await get(`/api/reports/plays?${NOV}&${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PlaysReport;
};

// What one layout screen reported over a real socket: the programme in main (one play from an old player,
// without a region), and the notice both scrolling in the ticker and once full screen.
let sent: Sent[] = [];
beforeAll(async () => {
  s = await startTestServer();
  viewer = await s.createUser('xem-vung', ['viewer']);
  const owner = await adminId(s.db);
  ids.programme = await addContent(s.db, owner, 'Bộ quy tắc ứng xử nơi công cộng', 'clip');
  ids.notice = await addContent(s.db, owner, 'Lịch tiêm chủng tháng 11');
  device = await s.createDevice('led');
  c = await s.connect(device.token);
  await c.next('time.v1');
  sent = [
    play(ids.programme, '2026-11-03 08:00', 60, 'main'),
    play(ids.programme, '2026-11-03 08:01', 60),
    play(ids.notice, '2026-11-03 08:00', 20, 'ticker'),
    play(ids.notice, '2026-11-03 08:00', 20, 'ticker'),
    play(ids.notice, '2026-11-04 09:00', 20, 'ticker'),
    play(ids.notice, '2026-11-05 10:00', 15, 'main'),
  ];
  // Distinct start times, for a stable order.
  sent.forEach((p, i) => {
    p.start += i;
    p.end += i;
  });
  c.send({ type: 'plays.v1', records: sent });
  expect((await c.next('plays.ack.v1')).eventIds).toEqual(sent.map((p) => p.eventId));
});
afterAll(() => s.stop());

describe('plays.v1 with regions over a real socket', () => {
  it('stores each play with its region, and a play without one as main', async () => {
    const regionOf = new Map((await stored()).map((r) => [r.event_id, r.region]));
    expect(regionOf.size).toBe(sent.length);
    for (const p of sent) expect(regionOf.get(p.eventId), p.eventId).toBe(p.region ?? 'main');
    expect(sent[1]!.region).toBeUndefined(); // the old player's play, stored as main
  });

  it('refuses a batch with an unknown region, stores none of it, and keeps serving', async () => {
    const before = await stored();
    for (const region of ['sidebar', 'MAIN', '']) {
      const batch = [play(ids.programme, '2026-11-06 08:00', 10, 'main'), play(ids.notice, '2026-11-06 08:00', 10, region)];
      c.send({ type: 'plays.v1', records: batch });
      expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'plays.v1' });
    }
    c.send({ type: 'plays.v1', records: [{ ...play(ids.notice, '2026-11-06 08:00', 10), region: null }] });
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'plays.v1' });
    expect(c.inbox.filter((m) => m.type === 'plays.ack.v1')).toEqual([]);
    expect(await stored()).toEqual(before);
    // Still serving: a good batch after the bad ones is taken and acknowledged.
    const ok = play(ids.notice, '2026-12-01 08:00', 10, 'ticker');
    c.send({ type: 'plays.v1', records: [ok] });
    expect((await c.next('plays.ack.v1')).eventIds).toEqual([ok.eventId]);
    expect((await stored()).at(-1)).toMatchObject({ event_id: ok.eventId, region: 'ticker' });
  });

  it('allows in the database exactly the region kinds of the protocol', async () => {
    const insert = (region: string) =>
      s.db.run(
        `INSERT INTO plays (event_id, device_id, content_id, class, started_at, ended_at, result, region, received_at)
         VALUES (?, ?, NULL, 'normal', 0, 0, 'completed', ?, 0)`,
        [randomUUID(), device.id, region],
      );
    for (const k of REGION_KINDS) await expect(insert(k)).resolves.toMatchObject({ changes: 1 });
    await expect(insert('sidebar')).rejects.toThrow(/CHECK/);
    await s.db.run('DELETE FROM plays WHERE started_at = 0');
  });
});

describe('GET /api/reports/plays?region=', () => {
  it('returns every region without a filter, with the regions of each row', async () => {
    const r = await report('groupBy=content');
    expect(r.region).toBeNull();
    expect(r.totals.plays).toBe(6);
    expect(r.rows.map((x) => [x.key, x.plays, x.regions])).toEqual([
      [`content:${ids.notice}`, 4, ['main', 'ticker']],
      [`content:${ids.programme}`, 2, ['main']],
    ]);
  });

  it('returns only the plays of the region asked for, in the rows and the totals', async () => {
    const ticker = await report('groupBy=content&region=ticker');
    expect(ticker.region).toBe('ticker');
    expect(ticker.totals).toMatchObject({ plays: 3, seconds: 60, devices: 1 });
    expect(ticker.rows.map((x) => [x.key, x.plays, x.regions])).toEqual([[`content:${ids.notice}`, 3, ['ticker']]]);
    expect(ticker.asRun).toEqual([]);

    const main = await report('groupBy=content&region=main');
    expect(main.rows.map((x) => [x.key, x.plays, x.regions])).toEqual([
      [`content:${ids.programme}`, 2, ['main']],
      [`content:${ids.notice}`, 1, ['main']],
    ]);
    expect(main.totals.plays).toBe(3);

    const days = await report('groupBy=day&region=ticker');
    expect(days.rows.map((x) => [x.key, x.plays])).toEqual([
      ['2026-11-03', 2],
      ['2026-11-04', 1],
    ]);
    const dev = await report('groupBy=device&region=ticker');
    expect(dev.rows).toMatchObject([{ key: `device:${device.id}`, plays: 3, regions: ['ticker'] }]);
    expect((await report('groupBy=kind&region=clock')).rows).toEqual([]);
  });

  it('answers 400 with the bilingual problem body for an unknown region, on the JSON, CSV and log routes', async () => {
    for (const path of [
      `/api/reports/plays?${NOV}&region=sidebar`,
      `/api/reports/plays.csv?${NOV}&region=Ticker`,
      `/api/reports/plays?${NOV}&region=&format=csv`,
      '/api/plays?region=sidebar',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { code: string; detail: string; issues: { path: string; message: string }[] };
      expect(body.code).toBe('validation_failed');
      expect(body.detail).toContain('Dữ liệu gửi lên không hợp lệ');
      expect(body.issues).toEqual([
        { path: 'region', message: expect.stringMatching(/^Vùng không hợp lệ: .* \/ unknown region: one of main, ticker/) },
      ]);
    }
    const en = (await (await get(`/api/reports/plays?${NOV}&region=sidebar`, 'en')).json()) as { detail: string };
    expect(en.detail).toContain('The submitted data is invalid');
  });
});

describe('proof of play CSV and log with regions', () => {
  it('has the region column, Vietnamese first, with the regions of each row', async () => {
    const res = await get(`/api/reports/plays.csv?${NOV}&groupBy=content`);
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    expect(rows[0]!.slice(0, 3)).toEqual(['Nội dung', 'Vùng / Region', 'Lượt phát']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Lịch tiêm chủng tháng 11', 'Chính, Chữ chạy', '4'],
      ['Bộ quy tắc ứng xử nơi công cộng', 'Chính', '2'],
      ['Tổng cộng', '', '6'],
    ]);
    expect(rows.every((r) => r.length === 11)).toBe(true);
  });

  it('filters the CSV by region, device columns first, the region in the totals row', async () => {
    const res = await get(`/api/reports/plays.csv?${NOV}&groupBy=device&region=ticker`);
    const rows = parseCsv(await res.text());
    expect(rows[0]!.slice(0, 5)).toEqual(['Thiết bị', 'Loại', 'Tổ dân phố', 'Vùng / Region', 'Lượt phát']);
    expect(rows[1]!.slice(3, 5)).toEqual(['Chữ chạy', '3']);
    expect(rows.at(-1)!.slice(0, 5)).toEqual(['Tổng cộng', '', '', 'Chữ chạy', '3']);
    // The query-form link made before the .csv routes answers the same file.
    expect(await (await get(`/api/reports/plays?${NOV}&groupBy=device&region=ticker&format=csv`)).text()).toBe(
      await (await get(`/api/reports/plays.csv?${NOV}&groupBy=device&region=ticker`)).text(),
    );
  });

  it('lists each play with its region in the play log, and filters it', async () => {
    const all = (await (await get(`/api/plays?deviceId=${device.id}&limit=100`)).json()) as {
      plays: { eventId: string; region: string }[];
    };
    const regionOf = new Map(all.plays.map((p) => [p.eventId, p.region]));
    for (const p of sent) expect(regionOf.get(p.eventId)).toBe(p.region ?? 'main');
    const ticker = (await (await get(`/api/plays?deviceId=${device.id}&region=ticker&limit=100`)).json()) as {
      plays: { region: string }[];
      asRun: unknown[];
    };
    expect(ticker.plays.length).toBe(4);
    expect(ticker.plays.every((p) => p.region === 'ticker')).toBe(true);
  });
});
