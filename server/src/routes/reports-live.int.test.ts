// Live announcements (phát trực tiếp) in the reports, on a real SQLite file: they are not reviewed beforehand, so
// proof of play lists those that started in the range (speaker, groups by name, recording) without counting them
// as plays, the proof-of-play CSV has them with table=live, and the periodic report has a section of its own in
// JSON, XLSX and the printable page. Rows are inserted with SQL (migration 0023), as the live service would.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@bantin/protocol/core';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { CREATED, addContent, addDevice, addGroup, addPlay, adminId, vn } from '../../test/factories/reports';
import { SHEET_NAMES } from '../reports/xlsx';
import type { PeriodicReport, PlaysReport } from '../reports/types';
import type { Queryable } from '../db/sqlite';

const NOW = vn('2026-12-05 09:00');
const NOV = 'from=2026-11-01&to=2026-11-30';
const NOV_PERIODIC = 'period=month&year=2026&index=11';
const SHA_A = 'a'.repeat(64);
const SHA_C = 'c'.repeat(64);
const MISSING_GROUP = 999;

let t: TestCtx;
let viewer: { cookie: string; csrf: string };
const ids = {} as Record<'an' | 'binh' | 'gA' | 'gB' | 'gGone' | 'liveA' | 'liveB' | 'liveC' | 'liveOct' | 'liveDec' | 'liveEarlyDec', number>;

async function addUser(q: Queryable, username: string, displayName: string) {
  return (
    await q.run('INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      username,
      displayName,
      'x',
      CREATED,
      CREATED,
    ])
  ).lastID;
}

async function addRecording(q: Queryable, sha256: string) {
  await q.run("INSERT INTO media_files (sha256, size, mime, kind, has_audio, created_at) VALUES (?, 1000, 'audio/mpeg', 'audio', 1, ?)", [sha256, CREATED]);
}

type Live = {
  user: number;
  cls: 'priority' | 'emergency';
  groups: number[];
  title?: string;
  at: string;
  seconds: number | null;
  reason: 'stopped' | 'dropped' | 'max_duration' | 'server_stopped' | 'failed' | null;
  recording?: string;
  speakers?: number;
  zones?: number;
};
async function addLive(q: Queryable, l: Live) {
  const start = vn(l.at);
  const end = l.seconds === null ? null : start + 4_000 + l.seconds * 1000;
  return (
    await q.run(
      `INSERT INTO live_announcements (user_id, class, group_ids, title, started_at, on_air_at, ended_at, end_reason, duration_ms, recording_sha256, speakers, zones)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        l.user,
        l.cls,
        JSON.stringify(l.groups),
        l.title ?? '',
        start,
        start + 4_000,
        end,
        l.reason,
        end === null ? null : end - start,
        l.recording ?? null,
        l.speakers ?? 0,
        l.zones ?? 0,
      ],
    )
  ).lastID;
}

beforeAll(async () => {
  t = await createTestContext({ clock: () => NOW });
  viewer = await t.createUser('van-hoa-xa-hoi', ['reviewer']);
  const q = t.db;
  const owner = await adminId(q);
  const spk1 = await addDevice(q, { name: 'Loa tổ 1', kind: 'speaker', group: 'Tổ 1' });
  const spk2 = await addDevice(q, { name: 'Loa tổ 2', kind: 'speaker', group: 'Tổ 2' });
  ids.gA = await addGroup(q, 'Loa khu phố 1', [spk1]);
  ids.gB = await addGroup(q, 'Loa chợ', [spk2]);
  ids.gGone = await addGroup(q, 'Loa tổ 9', []);
  // Deleted as the group service deletes: kept, marked, renamed so the name can be used again.
  await q.run("UPDATE device_groups SET deleted_at = ?, name = name || ' #' || id || ' (đã xoá)' WHERE id = ?", [vn('2026-11-25 10:00'), ids.gGone]);
  ids.an = await addUser(q, 'an.nguyen', 'Nguyễn Văn An');
  ids.binh = await addUser(q, 'binh.tran', 'Trần Thị Bình');
  await addRecording(q, SHA_A);
  await addRecording(q, SHA_C);
  // One ordinary play, so the counts can be seen not to move.
  const msg = await addContent(q, owner, 'Lịch tiêm chủng');
  await addPlay(q, { device: spk1, content: msg, at: '2026-11-10 07:00', seconds: 60 });

  // Inserted out of order: the reports order by start.
  ids.liveC = await addLive(q, { user: ids.an, cls: 'priority', groups: [ids.gB], title: '=1+1 "mời họp"', at: '2026-11-30 23:50', seconds: 300, reason: 'max_duration', recording: SHA_C });
  ids.liveA = await addLive(q, {
    user: ids.an,
    cls: 'priority',
    groups: [ids.gB, ids.gA],
    title: 'Thông báo cắt nước <tổ 5>',
    at: '2026-11-03 08:00',
    seconds: 125,
    reason: 'stopped',
    recording: SHA_A,
    speakers: 2,
    zones: 1,
  });
  ids.liveB = await addLive(q, { user: ids.binh, cls: 'emergency', groups: [ids.gGone, MISSING_GROUP], at: '2026-11-20 19:30', seconds: 95, reason: 'dropped', speakers: 1 });
  // Outside November on both sides, by local time: 31 Oct 23:59 and 1 Dec 00:05 (both 31 Oct / 30 Nov in UTC).
  ids.liveOct = await addLive(q, { user: ids.binh, cls: 'emergency', groups: [ids.gA], at: '2026-10-31 23:59', seconds: 60, reason: 'server_stopped' });
  ids.liveEarlyDec = await addLive(q, { user: ids.an, cls: 'priority', groups: [ids.gA], at: '2026-12-01 00:05', seconds: 30, reason: 'failed' });
  // On air now (no end yet).
  ids.liveDec = await addLive(q, { user: ids.an, cls: 'priority', groups: [ids.gA], at: '2026-12-05 08:55', seconds: null, reason: null });
});
afterAll(() => t.cleanup());

const get = (path: string) => t.request(path, { cookie: viewer.cookie });
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('proof of play: live announcements', () => {
  it('lists the live announcements that started in the local date range, by start, with speaker and group names', async () => {
    const r = await json<PlaysReport>(`/api/reports/plays?${NOV}`);
    expect(r.live.map((x) => x.id)).toEqual([ids.liveA, ids.liveB, ids.liveC]);
    expect(r.live[0]).toEqual({
      id: ids.liveA,
      startedAt: new Date(vn('2026-11-03 08:00')).toISOString(),
      endedAt: new Date(vn('2026-11-03 08:00') + 129_000).toISOString(),
      durationMs: 129_000,
      class: 'priority',
      title: 'Thông báo cắt nước <tổ 5>',
      speaker: 'Nguyễn Văn An',
      groups: 'Loa chợ, Loa khu phố 1',
      speakers: 2,
      zones: 1,
      endReason: 'stopped',
      recordingSha256: SHA_A,
    });
    // A deleted group keeps its (marked) name; an id with no group row left is "#id".
    expect(r.live[1]).toMatchObject({ class: 'emergency', speaker: 'Trần Thị Bình', groups: `Loa tổ 9 #${ids.gGone} (đã xoá), #${MISSING_GROUP}`, endReason: 'dropped', recordingSha256: null });
  });

  it('shows one still on air with no end', async () => {
    const r = await json<PlaysReport>('/api/reports/plays?from=2026-12-01&to=2026-12-05');
    expect(r.live.map((x) => [x.id, x.endedAt, x.durationMs, x.endReason])).toEqual([
      [ids.liveEarlyDec, new Date(vn('2026-12-01 00:05') + 34_000).toISOString(), 34_000, 'failed'],
      [ids.liveDec, null, null, null],
    ]);
  });

  it('leaves the plays, their totals and the rows as they are', async () => {
    for (const groupBy of ['content', 'device', 'group', 'day', 'kind']) {
      const r = await json<PlaysReport>(`/api/reports/plays?${NOV}&groupBy=${groupBy}`);
      expect(r.totals, groupBy).toMatchObject({ plays: 1, seconds: 60, devices: 1 });
      expect(r.rows.reduce((a, x) => a + x.plays, 0), groupBy).toBe(1);
      expect(r.live, groupBy).toHaveLength(3);
    }
  });

  it('counts live announcements as the main programme: listed with region=main, not with region=ticker', async () => {
    expect((await json<PlaysReport>(`/api/reports/plays?${NOV}&region=main`)).live).toHaveLength(3);
    expect((await json<PlaysReport>(`/api/reports/plays?${NOV}&region=ticker`)).live).toEqual([]);
  });

  it('exports them as their own CSV with table=live; the plays CSV stays as it was', async () => {
    const res = await get(`/api/reports/plays.csv?${NOV}&table=live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bantin-phat-truc-tiep-2026-11-01_2026-11-30.csv"');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      'Bắt đầu / Started',
      'Kết thúc / Ended',
      'Người nói / Speaker',
      'Nhóm / Groups',
      'Loại / Class',
      'Tiêu đề / Title',
      'Thời lượng (giây) / Duration (s)',
      'Lý do kết thúc / End reason',
      'Số loa nhận / Loudspeakers reached',
      'Số vùng phát luồng / Stream zones reached',
      'SHA-256 bản ghi / Recording SHA-256',
    ]);
    expect(rows[1]).toEqual(['2026-11-03 08:00', '2026-11-03 08:02', 'Nguyễn Văn An', 'Loa chợ, Loa khu phố 1', 'Ưu tiên', 'Thông báo cắt nước <tổ 5>', '129', 'Người nói kết thúc', '2', '1', SHA_A]);
    expect(rows[2]!.slice(4, 8)).toEqual(['Khẩn cấp', '', '99', 'Mất kết nối']);
    // A title a spreadsheet would run as a formula stays text.
    expect(rows[3]![5]).toBe(`'=1+1 "mời họp"`);
    expect(rows.at(-1)).toEqual(['Tổng cộng / Total', '', '', '', '', '', String(129 + 99 + 304), '', '', '', '']);
    expect(rows).toHaveLength(5);
    // The legacy query form answers the same file.
    expect(await (await get(`/api/reports/plays?${NOV}&format=csv&table=live`)).text()).toBe(await (await get(`/api/reports/plays.csv?${NOV}&table=live`)).text());

    const plays = parseCsv(await (await get(`/api/reports/plays.csv?${NOV}`)).text());
    expect(plays.map((r) => r[0])).toEqual(['Nội dung', 'Lịch tiêm chủng', 'Tổng cộng']);
    expect((await get(`/api/reports/plays.csv?${NOV}&table=other`)).status).toBe(400);
  });
});

describe('periodic report: the "Phát trực tiếp" section', () => {
  it('counts the month: how many, minutes on air, by class, and the list', async () => {
    const r = await json<PeriodicReport>(`/api/reports/periodic?${NOV_PERIODIC}`);
    // 129 s + 99 s + 304 s = 532 s = 8.87 min.
    expect(r.live).toMatchObject({ count: 3, totalMinutes: 8.9, byClass: { priority: 2, emergency: 1 } });
    expect(r.live.items.map((x) => [x.id, x.speaker, x.groups])).toEqual([
      [ids.liveA, 'Nguyễn Văn An', 'Loa chợ, Loa khu phố 1'],
      [ids.liveB, 'Trần Thị Bình', `Loa tổ 9 #${ids.gGone} (đã xoá), #${MISSING_GROUP}`],
      [ids.liveC, 'Nguyễn Văn An', 'Loa chợ'],
    ]);
    expect(r.totals.plays).toBe(1);
  });

  it('covers the quarter, where one still on air adds no minutes yet', async () => {
    const r = await json<PeriodicReport>('/api/reports/periodic?period=quarter&year=2026&index=4');
    // + 31 Oct (64 s) + 1 Dec (34 s) + the one on air (nothing): 630 s = 10.5 min.
    expect(r.live).toMatchObject({ count: 6, totalMinutes: 10.5, byClass: { priority: 4, emergency: 2 } });
    expect(r.live.items.map((x) => x.id)).toEqual([ids.liveOct, ids.liveA, ids.liveB, ids.liveC, ids.liveEarlyDec, ids.liveDec]);
  });

  it('writes a sheet "Phát trực tiếp" with the figures and the list, bilingual, dates as local wall time', async () => {
    const res = await get(`/api/reports/periodic.xlsx?${NOV_PERIODIC}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET_NAMES));
    expect(SHEET_NAMES.live).toBe('Phát trực tiếp');
    const ws = wb.getWorksheet(SHEET_NAMES.live)!;
    expect(rowValues(ws, 1)).toEqual(['Chỉ tiêu / Indicator', 'Giá trị / Value']);
    expect([2, 3, 4, 5].map((n) => rowValues(ws, n))).toEqual([
      ['Số lần phát trực tiếp / Live announcements', 3],
      ['Tổng thời lượng (phút) / Total minutes', 8.9],
      ['Ưu tiên / Priority', 2],
      ['Khẩn cấp / Emergency', 1],
    ]);
    expect(rowValues(ws, 7)).toEqual(['Danh sách phát trực tiếp / List of live announcements']);
    expect(rowValues(ws, 8)[2]).toBe('Người nói / Speaker');
    const first = ws.getRow(9);
    // Wall time in Asia/Ho_Chi_Minh, written as a date cell.
    expect((first.getCell(1).value as Date).toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rowValues(ws, 9).slice(2)).toEqual(['Nguyễn Văn An', 'Loa chợ, Loa khu phố 1', 'Ưu tiên', 'Thông báo cắt nước <tổ 5>', 129, 'Người nói kết thúc', 2, 1, SHA_A]);
    expect(ws.getRow(10).getCell(8).value).toBe('Mất kết nối');
    expect(ws.getRow(11).getCell(11).value).toBe(SHA_C);
    expect(ws.getRow(12).getCell(1).value).toBe('Tổng cộng / Total');
    expect(ws.getRow(12).getCell(7).value).toBe(532);

    const summary = wb.getWorksheet(SHEET_NAMES.summary)!;
    const live = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === 'Phát trực tiếp (số lần)');
    expect(live?.getCell(2).value).toBe(3);
  });

  it('has the section on the printable page, text escaped, without script or inline style', async () => {
    const res = await get(`/api/reports/periodic.html?${NOV_PERIODIC}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2>12. Phát trực tiếp <span lang="en">/ Live announcements</span></h2>');
    expect(html).toContain('<caption>3 lần phát trực tiếp, 8,9 phút / 3 live announcements, 8.9 minutes</caption>');
    const section = html.slice(html.indexOf('<h2>12.'), html.indexOf('</section>', html.indexOf('<h2>12.')));
    expect(section).toContain('<td>Ưu tiên / Priority</td><td class="num">2</td>');
    expect(section).toContain('<td>Khẩn cấp / Emergency</td><td class="num">1</td>');
    expect(section).toContain('<td>2026-11-03 08:00</td>');
    expect(section).toContain('Thông báo cắt nước &lt;tổ 5&gt;');
    expect(section).toContain(`Loa tổ 9 #${ids.gGone} (đã xoá), #${MISSING_GROUP}`);
    expect(section).toContain('Trần Thị Bình');
    expect(section).toContain(SHA_A);
    expect(section.match(/<tr><td>2026-11-/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style|style=/i);
  });

  it('says so when the period had none', async () => {
    const r = await json<PeriodicReport>('/api/reports/periodic?period=month&year=2026&index=9');
    expect(r.live).toEqual({ count: 0, totalMinutes: 0, byClass: { priority: 0, emergency: 0 }, items: [] });
    const html = await (await get('/api/reports/periodic.html?period=month&year=2026&index=9')).text();
    expect(html).toContain('Không có phát trực tiếp trong kỳ. / No live announcements in the period.');
  });
});
