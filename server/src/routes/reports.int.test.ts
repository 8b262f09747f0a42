// /api/reports on a real SQLite file: proof of play, uptime, feedback, CSV exports and bad parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { parseCsv, BOM } from '@bantin/protocol/core';
import { deviceSessionRepo } from '../repos/device-session-repo';
import { addContent, addDevice, addFeedback, addGroup, addPlay, adminId, vn } from '../../test/factories/reports';
import type { FeedbackReport, PlaysReport, UptimeReport } from '../reports/types';

const NOW = vn('2026-12-05 09:00');
const PHONES = ['0912345678', '0909000111', '0987 654 321', '0987654321'];
const NOV = 'from=2026-11-01&to=2026-11-30';
const TITLE_1 = 'Quy tắc ứng xử, "văn minh"\nđô thị';

let t: TestCtx;
let viewer: { cookie: string; csrf: string };
const ids = {} as Record<'led1' | 'led2' | 'kiosk' | 'spk' | 'gA' | 'gB' | 'c1' | 'c2' | 'c3', number>;

beforeAll(async () => {
  t = await createTestContext({ clock: () => NOW });
  viewer = await t.createUser('xem-bao-cao', ['viewer']);
  const q = t.db;
  const owner = await adminId(q);
  ids.led1 = await addDevice(q, { name: 'LED Chợ phường', kind: 'led', group: 'Tổ 3', hours: { start: '06:00', end: '22:00' } });
  ids.led2 = await addDevice(q, { name: 'LED Trường học', kind: 'led', group: 'Tổ 5' });
  ids.kiosk = await addDevice(q, { name: 'Kiosk Một cửa', kind: 'kiosk' });
  ids.spk = await addDevice(q, { name: 'Loa tổ 3', kind: 'speaker', group: 'Tổ 3' });
  ids.gA = await addGroup(q, 'Màn hình trung tâm', [ids.led1, ids.led2]);
  ids.gB = await addGroup(q, 'Khu chợ', [ids.led1, ids.spk]);
  ids.c1 = await addContent(q, owner, TITLE_1);
  ids.c2 = await addContent(q, owner, 'Phòng chống sốt xuất huyết', 'clip');
  ids.c3 = await addContent(q, owner, '=HYPERLINK("http://x")');
  // November 2026, local time (UTC+7): two plays on either side of local midnight, both on 3 Nov in UTC.
  await addPlay(q, { device: ids.led1, content: ids.c1, at: '2026-11-03 23:59', seconds: 30 });
  await addPlay(q, { device: ids.led1, content: ids.c1, at: '2026-11-04 00:01', seconds: 10, result: 'interrupted' });
  await addPlay(q, { device: ids.led2, content: ids.c2, at: '2026-11-04 10:00', seconds: 60 });
  await addPlay(q, { device: ids.kiosk, content: ids.c2, at: '2026-11-04 11:00', seconds: 5, result: 'failed' });
  await addPlay(q, { device: ids.spk, content: ids.c1, at: '2026-11-30 21:30', seconds: 7200 });
  await addPlay(q, { device: ids.spk, content: null, cls: 'emergency', at: '2026-11-15 08:00', seconds: 45 });
  await addPlay(q, { device: ids.led1, content: ids.c3, at: '2026-11-20 12:00', seconds: 0, result: 'failed' });
  // Just outside the range on both ends.
  await addPlay(q, { device: ids.led1, content: ids.c2, at: '2026-10-31 23:59', seconds: 60 });
  await addPlay(q, { device: ids.led1, content: ids.c2, at: '2026-12-01 00:10', seconds: 60 });

  await addFeedback(q, { device: ids.kiosk, at: '2026-11-03 23:50', rating: 5, topic: 'Thủ tục', comment: 'Nhanh, gọn', phone: '0912345678' });
  await addFeedback(q, { device: ids.kiosk, at: '2026-11-04 00:10', rating: 3, topic: 'Thủ tục', comment: 'Liên hệ tôi qua 0987 654 321 nhé' });
  await addFeedback(q, { device: ids.kiosk, at: '2026-11-10 09:00', rating: 1, topic: 'Thái độ', phone: '0909000111' });
  await addFeedback(q, { device: ids.kiosk, at: '2026-11-11 09:00', rating: 4, topic: 'Cơ sở vật chất', comment: '   ' });

  // Connection intervals (what the realtime hub records).
  const sessions: [number, string, string | null][] = [
    [ids.led1, '2026-11-10 05:00', '2026-11-10 07:00'],
    [ids.led1, '2026-11-10 21:00', '2026-11-11 07:00'],
    [ids.led2, '2026-10-31 20:00', '2026-11-01 02:00'],
    [ids.led2, '2026-11-30 22:00', null],
  ];
  for (const [d, a, b] of sessions) {
    await deviceSessionRepo.recordConnection(q, d, vn(a));
    if (b) await deviceSessionRepo.recordDisconnection(q, d, vn(b));
  }
});
afterAll(() => t.cleanup());

const get = async (path: string) => t.request(path, { cookie: viewer.cookie });
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};
const byKey = (r: PlaysReport) => Object.fromEntries(r.rows.map((x) => [x.key, x]));

describe('GET /api/reports/plays', () => {
  it('totals the plays of the local date range and leaves out the neighbours', async () => {
    const r = await json<PlaysReport>(`/api/reports/plays?${NOV}`);
    expect(r.totals).toEqual({
      plays: 7,
      seconds: 7350,
      completed: 4,
      completedSeconds: 7335,
      interrupted: 1,
      interruptedSeconds: 10,
      failed: 2,
      failedSeconds: 5,
      devices: 4,
    });
    expect(r.from).toBe('2026-10-31T17:00:00.000Z');
    expect(r.to).toBe('2026-11-30T17:00:00.000Z');
  });

  it('groups by content, with plays without content under their class', async () => {
    const r = await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=content`);
    expect(r.rows.map((x) => x.key)).toEqual([`content:${ids.c1}`, `content:${ids.c2}`, 'class:emergency', `content:${ids.c3}`]);
    const c1 = byKey(r)[`content:${ids.c1}`]!;
    expect(c1).toMatchObject({ label: TITLE_1, plays: 3, seconds: 7240, completed: 2, completedSeconds: 7230, interrupted: 1, devices: 2, kind: 'message' });
    expect(byKey(r)['class:emergency']).toMatchObject({ label: 'Cảnh báo khẩn cấp', plays: 1, seconds: 45 });
  });

  it('puts a play on the local day it started, across midnight in Asia/Ho_Chi_Minh', async () => {
    const r = await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=day`);
    expect(r.rows.map((x) => [x.key, x.plays, x.seconds])).toEqual([
      ['2026-11-03', 1, 30],
      ['2026-11-04', 3, 75],
      ['2026-11-15', 1, 45],
      ['2026-11-20', 1, 0],
      ['2026-11-30', 1, 7200],
    ]);
  });

  it('groups by device, by device group (a device in two groups counts in both) and by kind', async () => {
    const dev = byKey(await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=device`));
    expect(dev[`device:${ids.spk}`]).toMatchObject({ label: 'Loa tổ 3', kind: 'speaker', residentialGroup: 'Tổ 3', plays: 2, seconds: 7245 });
    expect(dev[`device:${ids.led1}`]).toMatchObject({ plays: 3, seconds: 40, failed: 1 });

    const grp = await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=group`);
    expect(grp.rows.map((x) => [x.label, x.plays, x.seconds])).toEqual([
      ['Khu chợ', 5, 7285],
      ['Màn hình trung tâm', 4, 100],
      ['(Không thuộc nhóm nào)', 1, 5],
    ]);

    const kind = byKey(await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=kind`));
    expect(kind.led).toMatchObject({ label: 'Màn hình LED', plays: 4, seconds: 100, devices: 2 });
    expect(kind.kiosk).toMatchObject({ plays: 1, seconds: 5 });
    expect(kind.speaker).toMatchObject({ label: 'Loa truyền thanh', plays: 2, seconds: 7245 });
  });

  it('exports CSV with a BOM, an attachment name, quoting and Vietnamese text intact', async () => {
    const res = await get(`/api/reports/plays?${NOV}&groupBy=content&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bantin-luot-phat-content-2026-11-01_2026-11-30.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Nội dung', 'Lượt phát', 'Thời lượng (giây)', 'Hoàn thành', 'Thời lượng hoàn thành (giây)', 'Bị ngắt', 'Thời lượng bị ngắt (giây)', 'Lỗi', 'Thời lượng lỗi (giây)', 'Số thiết bị']);
    expect(rows[1]).toEqual([TITLE_1, '3', '7240', '2', '7230', '1', '10', '0', '0', '2']);
    // A title that a spreadsheet would run as a formula stays text.
    expect(rows.find((r) => r[0]!.includes('HYPERLINK'))![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows.at(-1)).toEqual(['Tổng cộng', '7', '7350', '4', '7335', '1', '10', '2', '5', '4']);
    expect(rows.every((r) => r.length === 10)).toBe(true);
  });
});

describe('GET /api/reports/uptime', () => {
  it('measures connected time inside operating hours and clips intervals to the range', async () => {
    const r = await json<UptimeReport>(`/api/reports/uptime?${NOV}`);
    const row = (id: number) => r.rows.find((x) => x.deviceId === id)!;
    // led1 runs 06:00–22:00: 30 days × 16 h. Online 2 h + 10 h, of which 1 h + 2 h in operating hours.
    expect(row(ids.led1)).toMatchObject({ onlineSeconds: 12 * 3600, operatingSeconds: 30 * 16 * 3600, operatingOnlineSeconds: 3 * 3600, share: 0.0063 });
    // led2 is always on: 2 h after the range starts and 2 h of a connection still open when the range ends.
    expect(row(ids.led2)).toMatchObject({ onlineSeconds: 4 * 3600, operatingSeconds: 30 * 24 * 3600, share: 0.0056 });
    expect(row(ids.kiosk)).toMatchObject({ onlineSeconds: 0, share: 0, lastSeenAt: null });
  });

  it('counts operating time only up to now, so a connection open since before the range is 100 %', async () => {
    const r = await json<UptimeReport>('/api/reports/uptime?from=2026-12-01&to=2026-12-31');
    expect(r.rows.find((x) => x.deviceId === ids.led2)).toMatchObject({ onlineSeconds: 105 * 3600, operatingSeconds: 105 * 3600, share: 1 });
  });

  it('exports CSV with one row per device', async () => {
    const rows = parseCsv(await (await get(`/api/reports/uptime?${NOV}&format=csv`)).text());
    expect(rows[0]![0]).toBe('Thiết bị');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Kiosk Một cửa', 'LED Chợ phường', 'LED Trường học', 'Loa tổ 3']);
    expect(rows.find((r) => r[0] === 'LED Chợ phường')![6]).toBe('0.6');
  });
});

describe('device connection intervals', () => {
  it('opens one interval per connection, closes it, and closes crash leftovers at the last sign of life', async () => {
    const d = await addDevice(t.db, { name: 'Loa thử', kind: 'speaker', lastSeen: vn('2026-12-02 10:00') });
    await deviceSessionRepo.recordConnection(t.db, d, vn('2026-12-02 08:00'));
    await deviceSessionRepo.recordConnection(t.db, d, vn('2026-12-02 08:30')); // a replacing socket
    const open = await t.db.all<{ connected_at: number }>('SELECT connected_at FROM device_sessions WHERE device_id = ?', [d]);
    expect(open.map((r) => r.connected_at)).toEqual([vn('2026-12-02 08:00')]);
    await deviceSessionRepo.closeDangling(t.db, vn('2026-12-03 00:00'));
    const closed = await t.db.get<{ disconnected_at: number }>('SELECT disconnected_at FROM device_sessions WHERE device_id = ?', [d]);
    expect(closed!.disconnected_at).toBe(vn('2026-12-02 10:00'));
    await deviceSessionRepo.recordDisconnection(t.db, d, vn('2026-12-04 00:00')); // nothing open: no change
    expect((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM device_sessions WHERE device_id = ?', [d]))!.n).toBe(1);
  });
});

describe('GET /api/reports/feedback', () => {
  it('averages ratings per local day and per Monday-based week', async () => {
    const day = await json<FeedbackReport>(`/api/reports/feedback?${NOV}&groupBy=day`);
    expect(day.totals).toEqual({ count: 4, average: 3.25, ratings: [1, 0, 1, 1, 1] });
    expect(day.series.map((s) => [s.key, s.count, s.average])).toEqual([
      ['2026-11-03', 1, 5],
      ['2026-11-04', 1, 3],
      ['2026-11-10', 1, 1],
      ['2026-11-11', 1, 4],
    ]);
    const week = await json<FeedbackReport>(`/api/reports/feedback?${NOV}&groupBy=week`);
    expect(week.series.map((s) => [s.key, s.count, s.average])).toEqual([
      ['2026-11-02', 2, 4],
      ['2026-11-09', 2, 2.5],
    ]);
    const topic = await json<FeedbackReport>(`/api/reports/feedback?${NOV}&groupBy=topic`);
    expect(topic.series.map((s) => [s.key, s.count])).toEqual([['Thủ tục', 2], ['Cơ sở vật chất', 1], ['Thái độ', 1]]);
  });

  it('lists the latest non-empty comments, newest first, with phone numbers masked', async () => {
    const r = await json<FeedbackReport>(`/api/reports/feedback?${NOV}`);
    expect(r.comments.map((c) => [c.localTime, c.rating, c.comment])).toEqual([
      ['2026-11-04 00:10', 3, 'Liên hệ tôi qua [số điện thoại] nhé'],
      ['2026-11-03 23:50', 5, 'Nhanh, gọn'],
    ]);
    expect(Object.keys(r.comments[0]!).sort()).toEqual(['comment', 'createdAt', 'device', 'localTime', 'rating', 'topic']);
  });

  it('exports the series and the comments as CSV', async () => {
    const series = parseCsv(await (await get(`/api/reports/feedback?${NOV}&groupBy=topic&format=csv`)).text());
    expect(series[0]).toEqual(['Chủ đề', 'Số góp ý', 'Điểm trung bình', '1 sao', '2 sao', '3 sao', '4 sao', '5 sao']);
    expect(series[1]).toEqual(['Thủ tục', '2', '4', '0', '0', '1', '0', '1']);
    const comments = parseCsv(await (await get(`/api/reports/feedback?${NOV}&format=csv&table=comments`)).text());
    expect(comments[2]).toEqual(['2026-11-03 23:50', '5', 'Thủ tục', 'Nhanh, gọn', 'Kiosk Một cửa']);
  });

  it('never puts a phone number in any answer', async () => {
    const paths = [
      `/api/reports/feedback?${NOV}`,
      `/api/reports/feedback?${NOV}&groupBy=week`,
      `/api/reports/feedback?${NOV}&format=csv`,
      `/api/reports/feedback?${NOV}&format=csv&table=comments`,
      `/api/reports/plays?${NOV}&groupBy=device&format=csv`,
    ];
    for (const p of paths) {
      const body = await (await get(p)).text();
      for (const phone of PHONES) expect(body, p).not.toContain(phone);
    }
  });
});

describe('bad report parameters', () => {
  it.each([
    ['from after to', '/api/reports/plays?from=2026-11-30&to=2026-11-01'],
    ['an impossible date', '/api/reports/plays?from=2026-02-30&to=2026-03-01'],
    ['an unknown groupBy', `/api/reports/plays?${NOV}&groupBy=weekday`],
    ['an unknown format', `/api/reports/uptime?${NOV}&format=pdf`],
    ['a missing date', '/api/reports/uptime?from=2026-11-01'],
    ['a range over 400 days', '/api/reports/feedback?from=2025-01-01&to=2026-12-31'],
    ['an unknown parameter', `/api/reports/feedback?${NOV}&phone=1`],
    ['month 13', '/api/reports/periodic?period=month&year=2026&index=13'],
    ['quarter 5', '/api/reports/periodic?period=quarter&year=2026&index=5'],
    ['an unknown period', '/api/reports/periodic?period=week&year=2026&index=1'],
    ['an archive file that is not <id>.xlsx', '/api/reports/periodic/archive/1.csv'],
  ])('answers 400 problem+json for %s', async (_, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('validation_failed');
  });

  it('documents every report route in the OpenAPI document with its access rule', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-access': unknown }>> };
    const access = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/reports'))
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => `${m} ${p} ${JSON.stringify(op['x-access'])}`))
      .sort();
    expect(access).toEqual([
      'get /api/reports/feedback "authenticated"',
      'get /api/reports/feedback.csv "authenticated"',
      'get /api/reports/periodic "authenticated"',
      'get /api/reports/periodic.html "authenticated"',
      'get /api/reports/periodic.xlsx "authenticated"',
      'get /api/reports/periodic/archive "authenticated"',
      'get /api/reports/periodic/archive/{file} "authenticated"',
      'get /api/reports/plays "authenticated"',
      'get /api/reports/plays.csv "authenticated"',
      'get /api/reports/print.css "authenticated"',
      'get /api/reports/uptime "authenticated"',
      'get /api/reports/uptime.csv "authenticated"',
      'post /api/reports/periodic/generate ["editor","admin"]',
    ]);
  });

  it('answers the same file on the .csv routes as on the query form links made before them', async () => {
    for (const [file, old] of [
      [`/api/reports/plays.csv?${NOV}&groupBy=device`, `/api/reports/plays?${NOV}&groupBy=device&format=csv`],
      [`/api/reports/uptime.csv?${NOV}`, `/api/reports/uptime?${NOV}&format=csv`],
      [`/api/reports/feedback.csv?${NOV}&table=comments`, `/api/reports/feedback?${NOV}&format=csv&table=comments`],
    ] as const) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(await res.text()).toBe(await (await get(old)).text());
    }
    expect((await get(`/api/reports/uptime.csv?${NOV}&format=csv`)).status).toBe(400);
    expect((await t.request(`/api/reports/plays?${NOV}&format=csv`)).status).toBe(401);
  });

  it('answers 401 without a session', async () => {
    expect((await t.request(`/api/reports/plays?${NOV}`)).status).toBe(401);
  });
});
