// The interaction summary of the periodic report (Tổng hợp tương tác / Interaction summary) on a real SQLite
// file: plays by channel from proof of play and kiosk feedback, checked in the JSON, in the XLSX read back
// with exceljs, and on the printable page with its charts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addContent, addDevice, addFeedback, addPlay, adminId, vn } from '../../test/factories/reports';
import { SHEET_NAMES } from '../reports/xlsx';
import type { PeriodicReport } from '../reports/types';
import { INTERACTION_PROVIDERS, interactionSummary, type InteractionProvider } from '../services/reports/interaction';

const NOV = '/api/reports/periodic?period=month&year=2026&index=11';
let t: TestCtx;
let reviewer: { cookie: string; csrf: string };

beforeAll(async () => {
  t = await createTestContext({ clock: () => vn('2026-12-05 09:00') });
  reviewer = await t.createUser('van-hoa-xa-hoi', ['reviewer']);
  const q = t.db;
  const owner = await adminId(q);
  const led = await addDevice(q, { name: 'LED chợ', kind: 'led' });
  const kiosk = await addDevice(q, { name: 'Kiosk Một cửa', kind: 'kiosk' });
  const speaker = await addDevice(q, { name: 'Loa tổ 3', kind: 'speaker' });
  const msg = await addContent(q, owner, 'Quy tắc ứng xử');
  const clip = await addContent(q, owner, 'Phòng cháy', 'clip');
  const unplayed = await addContent(q, owner, 'Chưa phát');
  for (let d = 1; d <= 6; d++) await addPlay(q, { device: led, content: msg, at: `2026-11-0${d} 08:00`, seconds: 30 });
  await addPlay(q, { device: kiosk, content: clip, at: '2026-11-10 09:00', seconds: 60 });
  await addPlay(q, { device: kiosk, content: msg, at: '2026-11-10 10:00', seconds: 30 });
  await addPlay(q, { device: speaker, content: msg, at: '2026-11-11 06:00', seconds: 30, result: 'interrupted' });
  await addPlay(q, { device: speaker, content: null, cls: 'emergency', at: '2026-11-12 15:00', seconds: 120 });
  await addPlay(q, { device: led, content: unplayed, at: '2026-12-01 08:00', seconds: 30 }); // December: not counted
  for (const [day, rating] of [['03', 5], ['04', 5], ['05', 4], ['06', 2], ['07', 5]] as const)
    await addFeedback(q, { device: kiosk, at: `2026-11-${day} 10:00`, rating, topic: 'Thủ tục' });
  await addFeedback(q, { device: kiosk, at: '2026-10-31 23:59', rating: 1, topic: 'Thủ tục' }); // October
}, 60_000);
afterAll(() => t.cleanup());

const get = (p: string) => t.request(p, { cookie: reviewer.cookie, csrf: reviewer.csrf });
/** Indicator key → value, as the seeded plays and feedback give them for November. */
const EXPECTED: Record<string, number | null> = {
  'broadcast.content': 2,
  'broadcast.plays.led': 6,
  'broadcast.plays.kiosk': 2,
  'broadcast.plays.speaker': 2,
  'kiosk.feedback': 5,
  // No quiz was played in November.
  'kiosk.quiz.rounds': 0,
  'kiosk.quiz.finished': 0,
  'kiosk.quiz.score': null,
  // Nor a citizen's report received (they are counted when received: see below).
  'kiosk.reports': 0,
  'kiosk.reports.hoursToClose': null,
  'ratings.average': 4.2,
  'ratings.1': 0,
  'ratings.2': 1,
  'ratings.3': 0,
  'ratings.4': 1,
  'ratings.5': 3,
};

describe('periodic report: interaction summary', () => {
  it('answers the indicators from proof of play and kiosk feedback, with the two charts', async () => {
    const r = (await (await get(NOV)).json()) as PeriodicReport;
    expect(Object.fromEntries(r.interaction.rows.map((x) => [x.key, x.value]))).toEqual(EXPECTED);
    expect(r.interaction.rows.find((x) => x.key === 'broadcast.plays.speaker')).toMatchObject({
      group: 'Thông tin đã phát',
      label: 'Lượt phát trên loa truyền thanh',
      unit: 'lượt',
    });
    expect(r.interaction.charts).toEqual([
      { key: 'broadcast.plays', title: 'Lượt phát theo kênh', bars: [{ label: 'Màn hình LED', value: 6 }, { label: 'Kiosk', value: 2 }, { label: 'Loa truyền thanh', value: 2 }] },
      { key: 'reports.categories', title: 'Phản ánh theo loại', bars: ['Tin giả', 'Xúc phạm', 'Lừa đảo', 'Nội dung có hại cho trẻ em', 'Khác'].map((label) => ({ label, value: 0 })) },
      { key: 'ratings.distribution', title: 'Phân bố điểm đánh giá', bars: [0, 1, 0, 1, 3].map((value, i) => ({ label: `${i + 1} sao`, value })) },
    ]);
  });

  it('writes the section as its own sheet of the XLSX, figures and bar charts read back with exceljs', async () => {
    const res = await get(`${NOV}&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet(SHEET_NAMES.interaction)!;
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Nhóm chỉ tiêu', 'Chỉ tiêu', 'Giá trị', 'Đơn vị']);
    const value = (label: string) => rows.find((x) => x[1] === label)?.[2];
    expect(value('Số nội dung đã phát (tin nhắn, clip)')).toBe(2);
    expect(value('Lượt phát trên màn hình LED')).toBe(6);
    expect(value('Lượt phát trên kiosk')).toBe(2);
    expect(value('Lượt phát trên loa truyền thanh')).toBe(2);
    expect(value('Số góp ý gửi tại kiosk')).toBe(5);
    expect(value('Điểm hài lòng trung bình (1–5)')).toBe(4.2);
    expect(value('Số đánh giá 5 sao')).toBe(3);
    // The rating chart: one row per star, its count and its bar (30 cells at the largest count).
    const chart = rows.findIndex((x) => x[0] === 'Phân bố điểm đánh giá');
    expect(rows[chart]).toEqual(['Phân bố điểm đánh giá', 'Số lượng', 'Biểu đồ']);
    expect(rows.slice(chart + 1, chart + 6)).toEqual([
      ['1 sao', 0, ''],
      ['2 sao', 1, '█'.repeat(10)],
      ['3 sao', 0, ''],
      ['4 sao', 1, '█'.repeat(10)],
      ['5 sao', 3, '█'.repeat(30)],
    ]);
    const plays = rows.findIndex((x) => x[0] === 'Lượt phát theo kênh');
    expect(rows.slice(plays + 1, plays + 4).map((x) => x.slice(0, 2))).toEqual([
      ['Màn hình LED', 6],
      ['Kiosk', 2],
      ['Loa truyền thanh', 2],
    ]);
  });

  it('shows the section with its charts on the printable page, without script or inline style', async () => {
    const html = await (await get(`${NOV}&format=html`)).text();
    expect(html).toContain('<h2>11. Tổng hợp tương tác <span lang="en">/ Interaction summary</span></h2>');
    expect(html).toContain('<td>Số góp ý gửi tại kiosk</td><td class="num">5</td>');
    expect(html).toContain('aria-label="Phân bố điểm đánh giá: 1 sao 0; 2 sao 1; 3 sao 0; 4 sao 1; 5 sao 3"');
    expect(html).toContain('aria-label="Lượt phát theo kênh: Màn hình LED 6; Kiosk 2; Loa truyền thanh 2"');
    expect(html).not.toMatch(/<script|<style|style=/i);
  });

  it('takes the rows and charts of any further provider, after the built-in ones', async () => {
    const extra: InteractionProvider = async () => ({
      rows: [{ key: 'quiz.rounds', group: 'Tương tác tại kiosk', label: 'Lượt chơi câu đố', value: 7, unit: 'lượt' }],
      charts: [{ key: 'quiz', title: 'Câu đố', bars: [{ label: 'Đúng', value: 5 }] }],
    });
    const s = await interactionSummary({ db: t.db, from: vn('2026-11-01 00:00'), to: vn('2026-12-01 00:00') }, [...INTERACTION_PROVIDERS, extra]);
    expect(s.rows.map((r) => r.key)).toEqual([...Object.keys(EXPECTED), 'quiz.rounds']);
    expect(s.charts.map((c) => c.key)).toEqual(['broadcast.plays', 'reports.categories', 'ratings.distribution', 'quiz']);
  });

  it('counts the citizens’ reports received at kiosks in the period, by category', async () => {
    const kiosk = { id: (await t.db.get<{ id: number }>("SELECT id FROM devices WHERE kind = 'kiosk'"))!.id, kind: 'kiosk' };
    for (const [i, category] of (['false_news', 'false_news', 'scam'] as const).entries()) {
      const r = await t.cases.ingest(kiosk, { type: 'citizen-report.v1', eventId: `00000000-0000-4000-8000-00000000000${i}`, category, platform: 'facebook', description: 'Tin giả về lũ', createdAt: vn('2026-12-05 08:00') });
      expect(r).toMatchObject({ ok: true });
    }
    // Received on 5 December (the server's clock): in December's summary, not November's.
    const dec = await interactionSummary({ db: t.db, from: vn('2026-12-01 00:00'), to: vn('2027-01-01 00:00') });
    expect(dec.rows.find((r) => r.key === 'kiosk.reports')?.value).toBe(3);
    expect(dec.charts.find((c) => c.key === 'reports.categories')?.bars.filter((b) => b.value > 0)).toEqual([
      { label: 'Tin giả', value: 2 },
      { label: 'Lừa đảo', value: 1 },
    ]);
    const nov = await interactionSummary({ db: t.db, from: vn('2026-11-01 00:00'), to: vn('2026-12-01 00:00') });
    expect(nov.rows.find((r) => r.key === 'kiosk.reports')?.value).toBe(0);
  });
});
