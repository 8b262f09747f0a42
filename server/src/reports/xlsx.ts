// The periodic report as an XLSX workbook (exceljs): one sheet per part, Vietnamese headers, real date cells
// showing the wall time of BANTIN_TZ. exceljs is loaded on the first workbook, not at server start: it
// holds some 25 MB that an idle server does not need.
import type ExcelJS from 'exceljs';
import type { ZoneCalendar } from '../domain/schedule/zone';
import { wallClockDate } from './period';
import { periodicTables, type SheetTable } from './tables';
import { quizTables } from './quiz-tables';
import type { PeriodicReport } from './types';

export const SHEET_NAMES = {
  summary: 'Tổng quan',
  channels: 'Theo kênh',
  content: 'Nội dung phát nhiều',
  daily: 'Theo ngày',
  feedback: 'Góp ý',
  incidents: 'Cảnh báo khẩn',
  uptime: 'Thiết bị',
  asRun: 'Phát thực tế (as-run)',
  interaction: 'Tương tác',
  quiz: 'Tìm hiểu Bộ Quy tắc',
  cases: 'Phản ánh',
  live: 'Phát trực tiếp',
} as const;

const DATE_FMT = 'dd/mm/yyyy hh:mm';

function addTable(ws: ExcelJS.Worksheet, t: SheetTable, cal: ZoneCalendar) {
  const header = ws.addRow([...t.headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  for (const r of t.rows) {
    const row = ws.addRow(r.map((v, i) => (v !== null && t.dateColumns?.includes(i) ? wallClockDate(cal, v as number) : v)));
    for (const i of t.dateColumns ?? []) row.getCell(i + 1).numFmt = DATE_FMT;
  }
  if (t.totals) {
    const tot = ws.addRow([...t.totals]);
    tot.font = { bold: true };
  }
  t.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

export async function buildPeriodicWorkbook(report: PeriodicReport, cal: ZoneCalendar): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'bantin';
  wb.created = new Date(report.generatedAt);
  wb.title = `Báo cáo ${report.period.label}`;
  const t = periodicTables(report);

  const summary = wb.addWorksheet(SHEET_NAMES.summary);
  summary.addRow([`BÁO CÁO HOẠT ĐỘNG THÔNG TIN CƠ SỞ — ${report.period.label.toUpperCase()}`]).font = { bold: true, size: 14 };
  summary.addRow([`Kỳ báo cáo: ${report.period.firstDay} đến ${report.period.lastDay} (múi giờ ${report.period.tz})`]);
  const gen = summary.addRow(['Lập lúc', wallClockDate(cal, Date.parse(report.generatedAt))]);
  gen.getCell(2).numFmt = DATE_FMT;
  summary.addRow([]);
  addTable(summary, t.summary, cal);
  summary.getColumn(1).width = 45;
  summary.getColumn(2).width = 20;

  const sheets: [string, SheetTable][] = [
    [SHEET_NAMES.channels, t.channels],
    [SHEET_NAMES.content, t.topContent],
    [SHEET_NAMES.daily, t.daily],
    [SHEET_NAMES.feedback, t.feedbackTopics],
    [SHEET_NAMES.incidents, t.incidents],
    [SHEET_NAMES.uptime, t.uptime],
    [SHEET_NAMES.asRun, t.asRun],
  ];
  for (const [name, table] of sheets) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    addTable(ws, table, cal);
    if (name === SHEET_NAMES.feedback && t.comments.rows.length > 0) {
      ws.addRow([]);
      ws.addRow(['Ý kiến mới nhất']).font = { bold: true };
      addTable(ws, t.comments, cal);
    }
  }
  // Tổng hợp tương tác / Interaction summary: the indicator rows, then each chart as bars of cells.
  const interaction = wb.addWorksheet(SHEET_NAMES.interaction, { views: [{ state: 'frozen', ySplit: 1 }] });
  addTable(interaction, t.interaction, cal);
  for (const chart of t.interactionCharts) {
    interaction.addRow([]);
    addTable(interaction, chart, cal);
  }
  interaction.getColumn(1).width = 30;
  interaction.getColumn(2).width = 40;
  interaction.getColumn(3).width = 34;
  // The kiosk quiz: its indicators, per kiosk, and the questions most often answered wrong.
  const q = quizTables(report.quiz);
  const quiz = wb.addWorksheet(SHEET_NAMES.quiz);
  addTable(quiz, q.summary, cal);
  for (const [title, table] of [
    ['Theo kiosk', q.byDevice],
    ['Câu hỏi hay trả lời sai (cần tuyên truyền thêm)', q.weakest],
  ] as const) {
    quiz.addRow([]);
    quiz.addRow([title]).font = { bold: true };
    addTable(quiz, table, cal);
  }
  // Citizens' reports: the headline figures, then by category and by outcome, one under the other.
  const cases = wb.addWorksheet(SHEET_NAMES.cases);
  addTable(cases, t.casesSummary, cal);
  for (const [title, table] of [
    ['Theo loại phản ánh', t.casesByCategory],
    ['Theo kết quả xử lý (phản ánh đã đóng trong kỳ)', t.casesByOutcome],
  ] as const) {
    cases.addRow([]);
    cases.addRow([title]).font = { bold: true };
    addTable(cases, table, cal);
  }
  cases.getColumn(1).width = 45;
  // Live announcements: not reviewed beforehand, so the office checks them here: the figures, then the list.
  const live = wb.addWorksheet(SHEET_NAMES.live);
  addTable(live, t.liveSummary, cal);
  live.addRow([]);
  live.addRow(['Danh sách phát trực tiếp / List of live announcements']).font = { bold: true };
  addTable(live, t.live, cal);
  live.getColumn(1).width = 45;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
