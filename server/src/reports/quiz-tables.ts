// The kiosk quiz ("Tìm hiểu Bộ Quy tắc") as tables with Vietnamese headers, for the XLSX sheet and the
// printable page of the periodic report: the indicators, the same per kiosk, and the questions most often
// answered wrong (the topics that need more communication).
import type { SheetTable } from './tables';
import type { QuizIndicators, QuizReport } from './types';

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function quizTables(q: QuizReport): { summary: SheetTable; byDevice: SheetTable; weakest: SheetTable } {
  const row = (x: QuizIndicators) => [x.roundsPlayed, x.roundsFinished, pct(x.averageScore)];
  return {
    summary: {
      headers: ['Chỉ tiêu', 'Giá trị'],
      rows: [
        ['Lượt chơi đã bắt đầu', q.total.roundsPlayed],
        ['Lượt chơi hoàn thành', q.total.roundsFinished],
        ['Tỷ lệ trả lời đúng trung bình (%)', pct(q.total.averageScore)],
      ],
    },
    byDevice: {
      headers: ['Kiosk', 'Lượt chơi', 'Hoàn thành', 'Tỷ lệ đúng trung bình (%)'],
      rows: q.byDevice.map((d) => [d.deviceName ?? `#${d.deviceId}`, ...row(d)]),
      totals: ['Tổng cộng', ...row(q.total)],
    },
    weakest: {
      headers: ['Hạng', 'Câu hỏi', 'Số lần trả lời', 'Tỷ lệ trả lời sai (%)'],
      rows: q.total.weakest.map((w, i) => [i + 1, w.title, w.answers, pct(w.wrongShare)]),
    },
  };
}
