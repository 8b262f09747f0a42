// The kiosk quiz report on a real SQLite file: answers taken through the quiz service as the device socket
// hands them over, then the JSON route (in total, per kiosk, one kiosk), the periodic JSON, XLSX and page.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { approvedQuiz, type Staff } from '../../test/factories/quiz';
import { quizIndicators } from '../services/reports/quiz-service';
import { SHEET_NAMES } from '../reports/xlsx';
import type { PeriodicReport, QuizReport } from '../reports/types';

const vn = (s: string) => Date.parse(`${s}:00+07:00`);
let now = vn('2026-11-20T10:00');
let t: TestCtx;
let viewer: Staff;
const ids = {} as Record<'a' | 'b' | 'q1' | 'q2' | 'v1' | 'v2', number>;

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  const editor = await t.createUser('bien-tap', ['editor']);
  const reviewer = await t.createUser('van-hoa', ['reviewer']);
  const actor = { id: null, name: 'test' };
  ids.a = (await t.devices.create(actor, { name: 'Kiosk Một cửa', kind: 'kiosk', groupIds: [] })).id;
  ids.b = (await t.devices.create(actor, { name: 'Kiosk Tổ 3', kind: 'kiosk', groupIds: [] })).id;
  const q1 = await approvedQuiz(t, editor, reviewer, { title: 'Xếp hàng' });
  const q2 = await approvedQuiz(t, editor, reviewer, { title: 'Phân loại rác' });
  Object.assign(ids, { q1: q1.contentId, v1: q1.versionId, q2: q2.contentId, v2: q2.versionId });
  const when = {
    dateFrom: '2026-11-01',
    dateTo: '2026-11-30',
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    windows: [{ start: '07:00', end: '17:00' }],
  };
  for (const contentId of [ids.q1, ids.q2]) {
    const res = await t.request('/api/schedules', {
      method: 'POST',
      ...editor,
      body: JSON.stringify({ class: 'normal', contentId, target: { kinds: ['kiosk'] }, when }),
    });
    expect(res.status).toBe(201);
  }
  // Round 1 on A (2 questions): right, wrong. Round 2 on A: one wrong answer, then left. Round 3 on B (1): wrong.
  const r1 = randomUUID();
  const r2 = randomUUID();
  const r3 = randomUUID();
  const a = (roundId: string, q: 1 | 2, right: boolean, position: number, roundSize: number) => ({
    eventId: randomUUID(),
    roundId,
    contentId: String(q === 1 ? ids.q1 : ids.q2),
    versionId: String(q === 1 ? ids.v1 : ids.v2),
    answerIndex: right ? 1 : 0,
    correct: right,
    position,
    roundSize,
    answeredAt: now,
  });
  const kiosk = (id: number) => ({ id, kind: 'kiosk' });
  for (const [d, records] of [
    [ids.a, [a(r1, 1, true, 1, 2), a(r1, 2, false, 2, 2), a(r2, 1, false, 1, 2)]],
    [ids.b, [a(r3, 2, false, 1, 1)]],
  ] as const) {
    const r = await t.quiz.ingest(kiosk(d), records);
    expect(r).toMatchObject({ ok: true, refused: [], stored: records.length });
  }
  now = vn('2026-12-05T09:00');
  viewer = await t.createUser('lanh-dao', ['viewer']);
}, 120_000);
afterAll(() => t.cleanup());

const get = async (p: string) => {
  const res = await t.request(p, { cookie: viewer.cookie });
  expect(res.status).toBe(200);
  return res;
};

describe('GET /api/quiz/report', () => {
  it('counts rounds played and finished, the average score and the questions most often answered wrong, in total and per kiosk', async () => {
    const r = (await (await get('/api/quiz/report?from=2026-11-01&to=2026-11-30')).json()) as QuizReport;
    expect(r.total).toEqual({
      roundsPlayed: 3,
      roundsFinished: 2,
      averageScore: 0.25,
      weakest: [
        { contentId: ids.q2, title: 'Phân loại rác', wrongShare: 1, answers: 2 },
        { contentId: ids.q1, title: 'Xếp hàng', wrongShare: 0.5, answers: 2 },
      ],
    });
    expect(r.byDevice.map((d) => [d.deviceName, d.roundsPlayed, d.roundsFinished, d.averageScore])).toEqual([
      ['Kiosk Một cửa', 2, 1, 0.5],
      ['Kiosk Tổ 3', 1, 1, 0],
    ]);
  });

  it('narrows to one kiosk and to the period', async () => {
    const one = (await (await get(`/api/quiz/report?from=2026-11-01&to=2026-11-30&deviceId=${ids.b}`)).json()) as QuizReport;
    expect(one.total).toMatchObject({ roundsPlayed: 1, roundsFinished: 1, averageScore: 0 });
    const empty = (await (await get('/api/quiz/report?from=2026-10-01&to=2026-10-31')).json()) as QuizReport;
    expect(empty.total).toEqual({ roundsPlayed: 0, roundsFinished: 0, averageScore: null, weakest: [] });
    expect((await t.request('/api/quiz/report?from=2026-11-30&to=2026-11-01', { cookie: viewer.cookie })).status).toBe(400);
  });

  it('is the same as the indicators function other reports call', async () => {
    const r = (await (await get('/api/quiz/report?from=2026-11-01&to=2026-11-30')).json()) as QuizReport;
    const direct = await quizIndicators(t.db, { from: vn('2026-11-01T00:00'), to: vn('2026-12-01T00:00') });
    expect(direct).toEqual(r.total);
  });
});

describe('the periodic report', () => {
  const NOV = 'period=month&year=2026&index=11';
  it('holds the quiz as its own section in JSON, XLSX and the printable page', async () => {
    const r = (await (await get(`/api/reports/periodic?${NOV}`)).json()) as PeriodicReport;
    expect(r.quiz.total).toMatchObject({ roundsPlayed: 3, roundsFinished: 2, averageScore: 0.25 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get(`/api/reports/periodic.xlsx?${NOV}`)).arrayBuffer());
    const ws = wb.getWorksheet(SHEET_NAMES.quiz)!;
    const cells = ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(cells).toEqual(
      expect.arrayContaining(['Lượt chơi đã bắt đầu', 3, 'Lượt chơi hoàn thành', 2, 25, 'Phân loại rác', 100, 'Kiosk Tổ 3']),
    );

    const html = await (await get(`/api/reports/periodic.html?${NOV}`)).text();
    expect(html).toContain('<h2>9. Tìm hiểu Bộ Quy tắc ứng xử tại kiosk</h2>');
    expect(html).toContain('Phân loại rác');
  });
});
