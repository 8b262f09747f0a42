// The case indicators of a period (phản ánh): received by category, closed by outcome, median hours to close —
// the one service function, its JSON route, and the section of the periodic report in XLSX and print.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addKiosk, fileReport } from '../../test/factories/cases';
import { vn } from '../../test/factories/retention';
import { SHEET_NAMES } from '../reports/xlsx';
import type { CasesReport } from '../reports/types';

const HOUR = 3_600_000;
const NOV = 'period=month&year=2026&index=11';
const PHONE = '0912345678';
let now = vn('2026-11-03T09:00:00.000');
let t: TestCtx;
let staff: { cookie: string; csrf: string };
const reviewer = { id: null, name: 'test-reviewer' };

async function fileAt(
  at: number,
  kiosk: number,
  category: 'false_news' | 'scam' | 'insult',
  closeAfterHours?: number,
  outcome: 'removed' | 'verified_false' = 'removed',
) {
  now = at;
  const id = await fileReport(t.db, t.cases, kiosk, { category, phone: PHONE, consent: { given: true, at, retentionDays: 90 } });
  if (closeAfterHours === undefined) return id;
  await t.cases.transition(reviewer, id, { to: 'handling' });
  now = at + closeAfterHours * HOUR;
  await t.cases.transition(reviewer, id, { to: 'closed', outcome });
  return id;
}

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  const kiosk = await addKiosk(t.db);
  await fileAt(vn('2026-10-31T23:00:00.000'), kiosk, 'scam', 26); // received in October, closed in November
  await fileAt(vn('2026-11-02T08:00:00.000'), kiosk, 'false_news', 2);
  await fileAt(vn('2026-11-05T08:00:00.000'), kiosk, 'false_news', 10, 'verified_false');
  await fileAt(vn('2026-11-20T08:00:00.000'), kiosk, 'insult');
  await fileAt(vn('2026-11-30T23:30:00.000'), kiosk, 'scam', 1); // closed on 1 December
  await fileAt(vn('2026-12-01T00:30:00.000'), kiosk, 'scam');
  now = vn('2026-12-02T09:00:00.000');
  staff = await t.createUser('case-report-viewer', ['viewer']);
}, 120_000);
afterAll(() => t.cleanup());

describe('case indicators', () => {
  it('counts what was received by category and what closed by outcome, with the median hours to close', async () => {
    const nov = { from: vn('2026-11-01T00:00:00.000'), to: vn('2026-12-01T00:00:00.000') };
    expect(await t.cases.indicators(nov)).toEqual({
      received: 4,
      byCategory: { false_news: 2, insult: 1, scam: 1, child_harm: 0, other: 0 },
      byOutcome: { verified_true: 0, verified_false: 1, removed: 2, referred_elsewhere: 0, unresolved: 0 },
      medianHoursToClose: 10,
    });
    expect((await t.cases.indicators({ from: nov.to, to: nov.to + 31 * 24 * HOUR })).medianHoursToClose).toBe(1);
    expect(await t.cases.indicators({ from: 0, to: 1 })).toMatchObject({ received: 0, medianHoursToClose: null });
  });

  it('answers GET /api/cases/indicators for a month, without personal data', async () => {
    const res = await t.request(`/api/cases/indicators?${NOV}`, { cookie: staff.cookie, csrf: staff.csrf });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(PHONE);
    const r = JSON.parse(text) as CasesReport;
    expect(r).toMatchObject({ period: { label: 'Tháng 11/2026', firstDay: '2026-11-01' }, received: 4, medianHoursToClose: 10 });
    expect((await t.request('/api/cases/indicators?period=month&year=2026&index=13', { cookie: staff.cookie })).status).toBe(400);
  });

  it('adds its own section to the periodic report: a sheet in the workbook and a section of the printable page', async () => {
    const periodic = await t.reports.periodic({ period: 'month', year: 2026, index: 11 });
    expect(periodic.cases.received).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await t.reports.periodicXlsx({ period: 'month', year: 2026, index: 11 })).buffer);
    const ws = wb.getWorksheet(SHEET_NAMES.cases)!;
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Phản ánh nhận được', 4]);
    expect(rows).toContainEqual(['Thời gian xử lý trung vị (giờ)', 10]);
    expect(rows).toContainEqual(['Tin giả', 2]);
    expect(rows).toContainEqual(['Đã gỡ', 2]);
    const html = await t.reports.periodicHtml({ period: 'month', year: 2026, index: 11 }, { stylesheet: '/x.css' });
    expect(html).toContain('10. Phản ánh của người dân');
    expect(html).toContain('Xác minh sai');
    expect(html).not.toContain(PHONE);
  });
});
