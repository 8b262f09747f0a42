// The periodic report for the culture–social office on a real SQLite file: JSON, XLSX read back with exceljs,
// the printable page, generation into the archive, downloads and the scheduled jobs.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addAlert, addContent, addDevice, addFeedback, addPlay, adminId, vn } from '../../test/factories/reports';
import { SHEET_NAMES } from '../reports/xlsx';
import type { ArchiveEntry, PeriodicReport } from '../reports/types';

let now = vn('2026-12-05 09:00');
const PHONE = '0912345678';
const NOV = '/api/reports/periodic?period=month&year=2026&index=11';

let t: TestCtx;
let editor: { cookie: string; csrf: string };
let reviewer: { cookie: string; csrf: string };
const ids = {} as Record<'led' | 'kiosk' | 'spk1' | 'spk2' | 'spare' | 'msg' | 'clip' | 'alert', number>;

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  editor = await t.createUser('bien-tap', ['editor']);
  reviewer = await t.createUser('van-hoa-xa-hoi', ['reviewer']);
  const q = t.db;
  const owner = await adminId(q);
  ids.led = await addDevice(q, { name: 'LED Ủy ban phường', kind: 'led', group: 'Tổ 1' });
  ids.kiosk = await addDevice(q, { name: 'Kiosk Một cửa', kind: 'kiosk', group: 'Tổ 1' });
  ids.spk1 = await addDevice(q, { name: 'Loa tổ 2', kind: 'speaker', group: 'Tổ 2' });
  ids.spk2 = await addDevice(q, { name: 'Loa tổ 4', kind: 'speaker', group: 'Tổ 4' });
  ids.spare = await addDevice(q, { name: 'Loa dự phòng', kind: 'speaker', group: 'Tổ 6' });
  ids.msg = await addContent(q, owner, 'Bộ quy tắc ứng xử nơi công cộng');
  ids.clip = await addContent(q, owner, 'Phòng cháy chữa cháy mùa khô', 'clip');
  for (let d = 1; d <= 10; d++) await addPlay(q, { device: ids.led, content: ids.msg, at: `2026-11-${String(d).padStart(2, '0')} 08:00`, seconds: 360 });
  await addPlay(q, { device: ids.kiosk, content: ids.clip, at: '2026-11-12 09:00', seconds: 1800 });
  await addPlay(q, { device: ids.spk1, content: ids.msg, at: '2026-11-12 06:00', seconds: 1800 });
  await addPlay(q, { device: ids.spk2, content: ids.msg, at: '2026-11-12 17:00', seconds: 1800, result: 'interrupted' });
  await addPlay(q, { device: ids.spk1, content: null, cls: 'emergency', at: '2026-11-20 15:00', seconds: 120 });
  await addPlay(q, { device: ids.led, content: ids.msg, at: '2026-12-01 08:00', seconds: 360 }); // December
  await addFeedback(q, { device: ids.kiosk, at: '2026-11-12 10:00', rating: 5, topic: 'Thủ tục', comment: 'Cán bộ nhiệt tình', phone: PHONE });
  await addFeedback(q, { device: ids.kiosk, at: '2026-11-13 10:00', rating: 2, topic: 'Thời gian chờ', comment: '<script>alert(1)</script> chờ lâu' });
  ids.alert = await addAlert(q, {
    text: 'Bão số 9 đổ bộ, người dân không ra đường',
    at: '2026-11-20 15:00',
    by: owner,
    acks: [
      { device: ids.spk1, at: '2026-11-20 15:01' },
      { device: ids.led, at: '2026-11-20 15:02' },
    ],
  });
  await addAlert(q, { text: 'Diễn tập', at: '2026-12-02 09:00', by: owner, acks: [] });
});
afterAll(() => t.cleanup());

const as = (who: { cookie: string; csrf: string }, p: string, init: RequestInit = {}) => t.request(p, { ...init, cookie: who.cookie, csrf: who.csrf });

async function readWorkbook(bytes: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
function allCellText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value)))));
  return out.join('\n');
}

describe('GET /api/reports/periodic (json)', () => {
  it('reports plays, reach by channel, feedback, incidents and top content for the month', async () => {
    const res = await as(reviewer, NOV);
    expect(res.status).toBe(200);
    const r = (await res.json()) as PeriodicReport;
    expect(r.period).toMatchObject({ label: 'Tháng 11/2026', labelEn: 'November 2026', firstDay: '2026-11-01', lastDay: '2026-11-30', tz: 'Asia/Ho_Chi_Minh' });
    expect(r.totals).toMatchObject({ plays: 14, seconds: 3600 + 5400 + 120, interrupted: 1 });
    expect(r.channels).toEqual([
      { kind: 'led', label: 'Màn hình LED', devices: 1, activeDevices: 1, plays: 10, airtimeHours: 1, residentialGroups: 1, residentialGroupNames: ['Tổ 1'] },
      { kind: 'kiosk', label: 'Kiosk', devices: 1, activeDevices: 1, plays: 1, airtimeHours: 0.5, residentialGroups: 1, residentialGroupNames: ['Tổ 1'] },
      { kind: 'speaker', label: 'Loa truyền thanh', devices: 3, activeDevices: 2, plays: 3, airtimeHours: 1, residentialGroups: 2, residentialGroupNames: ['Tổ 2', 'Tổ 4'] },
    ]);
    expect(r.topContent.map((c) => [c.label, c.plays])).toEqual([
      ['Bộ quy tắc ứng xử nơi công cộng', 12],
      ['Phòng cháy chữa cháy mùa khô', 1],
      ['Cảnh báo khẩn cấp', 1],
    ]);
    expect(r.feedback.totals).toEqual({ count: 2, average: 3.5, ratings: [0, 1, 0, 0, 1] });
    expect(r.incidents).toMatchObject({ count: 1, acknowledged: 1 });
    expect(r.incidents.alerts[0]).toMatchObject({ id: ids.alert, acks: 2, issuedBy: 'Quản trị viên', firstAckAt: new Date(vn('2026-11-20 15:01')).toISOString() });
    expect(r.daily).toHaveLength(12);
  });

  it('covers the three months of a quarter', async () => {
    const r = (await (await as(reviewer, '/api/reports/periodic?period=quarter&year=2026&index=4')).json()) as PeriodicReport;
    expect(r.period).toMatchObject({ label: 'Quý IV/2026', firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(r.totals.plays).toBe(15);
    expect(r.incidents.count).toBe(2);
  });
});

describe('GET /api/reports/periodic?format=xlsx', () => {
  it('downloads a valid workbook with Vietnamese sheets, headers, totals and local dates', async () => {
    const res = await as(reviewer, `${NOV}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bantin-bao-cao-thang-11-2026.xlsx"');
    const wb = await readWorkbook(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET_NAMES));

    const channels = wb.getWorksheet(SHEET_NAMES.channels)!;
    expect(rowValues(channels, 1)).toEqual(['Kênh', 'Số thiết bị', 'Thiết bị có phát', 'Lượt phát', 'Giờ phát', 'Số tổ dân phố tiếp cận', 'Tổ dân phố']);
    expect(rowValues(channels, 5).slice(0, 5)).toEqual(['Tổng cộng', 5, 4, 14, 2.5]);

    const summary = wb.getWorksheet(SHEET_NAMES.summary)!;
    const plays = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Tổng lượt phát');
    expect(plays?.getCell(2).value).toBe(14);

    // Date cells show the wall time in Asia/Ho_Chi_Minh: the alert went out at 15:00 local (08:00 UTC).
    const incidents = wb.getWorksheet(SHEET_NAMES.incidents)!;
    const issued = incidents.getRow(2).getCell(5).value as Date;
    expect(issued).toBeInstanceOf(Date);
    expect(issued.toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(incidents.getRow(2).getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');

    const text = allCellText(wb);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('Cán bộ nhiệt tình');
  });
});

describe('GET /api/reports/periodic?format=html', () => {
  it('serves a printable page without scripts or inline styles, with text escaped', async () => {
    const res = await as(reviewer, `${NOV}&format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style|style=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; chờ lâu');
    expect(html).toContain('<link rel="stylesheet" href="/api/reports/print.css">');
    expect(html).toContain('Báo cáo hoạt động thông tin cơ sở — Tháng 11/2026');
    expect(html).toContain('<td class="num">14</td>');
    expect(html).not.toContain(PHONE);
  });

  it('serves the print stylesheet from the same origin', async () => {
    const res = await as(reviewer, '/api/reports/print.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('@page');
  });

  it('never puts the phone number in the JSON either', async () => {
    expect(await (await as(reviewer, NOV)).text()).not.toContain(PHONE);
  });
});

describe('POST /api/reports/periodic/generate and the archive', () => {
  it('stores the XLSX, audits it, lists it and serves the same bytes', async () => {
    const res = await as(editor, '/api/reports/periodic/generate', { method: 'POST', body: JSON.stringify({ period: 'month', year: 2026, index: 11 }) });
    expect(res.status).toBe(201);
    const entry = (await res.json()) as ArchiveEntry;
    expect(entry).toMatchObject({ period: 'month', year: 2026, index: 11, label: 'Tháng 11/2026', trigger: 'manual', generatedBy: 'bien-tap' });
    expect(entry.url).toBe(`/api/reports/periodic/archive/${entry.id}.xlsx`);
    expect(fs.readdirSync(path.join(t.dataDir, 'reports')).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);

    const audit = await t.db.get<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE action = 'report.generate'");
    expect(audit).toEqual({ action: 'report.generate', target: `report:${entry.id}` });

    const list = (await (await as(reviewer, '/api/reports/periodic/archive')).json()) as ArchiveEntry[];
    expect(list.map((e) => e.id)).toContain(entry.id);

    const dl = await as(reviewer, entry.url);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toBe('attachment; filename="bantin-bao-cao-thang-11-2026.xlsx"');
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    const wb = await readWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet(SHEET_NAMES.channels)).toBeDefined();
  });

  it('refuses a reviewer (generating is for editors and admins)', async () => {
    const res = await as(reviewer, '/api/reports/periodic/generate', { method: 'POST', body: JSON.stringify({ period: 'month', year: 2026, index: 11 }) });
    expect(res.status).toBe(403);
  });

  it('answers 404 problem+json for a report that is not archived', async () => {
    const res = await as(reviewer, '/api/reports/periodic/archive/999.xlsx');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('report_not_found');
  });

  it('refuses a body with quarter 5 or an unknown field', async () => {
    for (const body of [{ period: 'quarter', year: 2026, index: 5 }, { period: 'month', year: 2026, index: 1, email: 'x' }]) {
      const res = await as(editor, '/api/reports/periodic/generate', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
    }
  });
});

describe('scheduled report jobs', () => {
  it('are in the job table: monthly on the 1st at 01:00 and quarterly', () => {
    const rules = Object.fromEntries(t.jobs.map((j) => [j.name, j.rule]));
    expect(rules['report-monthly']).toBe('0 1 1 * *');
    expect(rules['report-quarterly']).toBe('15 1 1 1,4,7,10 *');
  });

  it('archive the last complete month once, and the last quarter, as the system', async () => {
    now = vn('2026-12-01 01:00');
    const month = t.jobs.find((j) => j.name === 'report-monthly')!;
    await month.run();
    await month.run(); // a restart on the 1st must not make a second copy
    const quarter = t.jobs.find((j) => j.name === 'report-quarterly')!;
    now = vn('2027-01-01 01:15');
    await quarter.run();
    // A month passed on the test clock: the earlier session has idled out.
    const fresh = await t.login('van-hoa-xa-hoi');
    const list = (await (await as(fresh, '/api/reports/periodic/archive')).json()) as ArchiveEntry[];
    const scheduled = list.filter((e) => e.trigger === 'schedule').map((e) => [e.period, e.year, e.index, e.generatedBy]);
    expect(scheduled).toEqual([
      ['quarter', 2026, 4, null],
      ['month', 2026, 11, null],
    ]);
  });
});
