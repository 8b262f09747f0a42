// The periodic report as a printable page: semantic HTML tables, no script, styles from a same-origin
// stylesheet (the app's CSP allows `style-src 'self'` only, so no inline <style> or style attributes).
import type { ZoneCalendar } from '../domain/schedule/zone';
import type { Cell } from '@bantin/protocol/core';
import { localDateTime } from './period';
import { periodicTables, withLocalDates, type SheetTable } from './tables';
import { quizTables } from './quiz-tables';
import type { PeriodicReport } from './types';

import { escapeHtml } from './html-escape';
import { svgBarChart } from './chart';

export { escapeHtml };

const cell = (v: Cell) => (v === null ? '' : typeof v === 'number' ? v.toLocaleString('vi-VN') : escapeHtml(v));

function table(caption: string, t: SheetTable, cal: ZoneCalendar, empty = 'Không có số liệu.'): string {
  const local = withLocalDates(t, cal);
  const numeric = local.headers.map((_, i) => local.rows.length > 0 && local.rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const td = (v: Cell, i: number) => `<td${numeric[i] ? ' class="num"' : ''}>${cell(v)}</td>`;
  const head = `<thead><tr>${local.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = local.rows.length
    ? local.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${local.headers.length}">${escapeHtml(empty)}</td></tr>`;
  const foot = local.totals ? `<tfoot><tr>${local.totals.map(td).join('')}</tr></tfoot>` : '';
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>${foot}\n</table>`;
}

export function renderPeriodicHtml(r: PeriodicReport, cal: ZoneCalendar, opts: { stylesheet: string }): string {
  const t = periodicTables(r);
  const q = quizTables(r.quiz);
  const title = `Báo cáo hoạt động thông tin cơ sở — ${r.period.label}`;
  const generated = localDateTime(cal, Date.parse(r.generatedAt));
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(opts.stylesheet)}">
</head>
<body>
<header>
<p>Gửi: Phòng Văn hóa – Xã hội</p>
<h1>${escapeHtml(title)}</h1>
<p>Kỳ báo cáo: từ ngày ${escapeHtml(r.period.firstDay)} đến ngày ${escapeHtml(r.period.lastDay)} (giờ ${escapeHtml(r.period.tz)}). Lập lúc ${escapeHtml(generated)}.</p>
</header>
<main>
<section><h2>1. Tổng quan</h2>
${table('Các chỉ tiêu chính', t.summary, cal)}
</section>
<section><h2>2. Phạm vi tiếp cận theo kênh</h2>
${table('Màn hình LED, kiosk và loa truyền thanh', t.channels, cal)}
</section>
<section><h2>3. Nội dung phát nhiều nhất</h2>
${table(`${t.topContent.rows.length} nội dung có nhiều lượt phát nhất`, t.topContent, cal)}
</section>
<section><h2>4. Lượt phát theo ngày</h2>
${table('Theo ngày (giờ địa phương)', t.daily, cal)}
</section>
<section><h2>5. Góp ý của người dân tại kiosk</h2>
${table('Theo chủ đề', t.feedbackTopics, cal, 'Không có góp ý trong kỳ.')}
${table('Ý kiến mới nhất', t.comments, cal, 'Không có ý kiến.')}
</section>
<section><h2>6. Sự cố: cảnh báo khẩn cấp</h2>
${table(`${r.incidents.count} cảnh báo đã phát, ${r.incidents.acknowledged} có thiết bị xác nhận`, t.incidents, cal, 'Không có cảnh báo khẩn cấp trong kỳ.')}
</section>
<section><h2>7. Tình trạng hoạt động của thiết bị</h2>
${table('Thời gian kết nối so với giờ hoạt động', t.uptime, cal, 'Chưa có thiết bị.')}
</section>
<section><h2>8. Phát thực tế trên luồng vùng (as-run)</h2>
${table('Những gì vùng phát luồng đã phát khi có bộ thu IP đang nghe', t.asRun, cal, 'Không có bộ thu IP nào nghe trong kỳ.')}
</section>
<section><h2>9. Tìm hiểu Bộ Quy tắc ứng xử tại kiosk</h2>
${table('Các chỉ tiêu', q.summary, cal)}
${table('Theo kiosk', q.byDevice, cal, 'Không có lượt chơi trong kỳ.')}
${table('Câu hỏi hay trả lời sai (cần tuyên truyền thêm)', q.weakest, cal, 'Không có câu trả lời sai trong kỳ.')}
</section>
<section><h2>10. Phản ánh của người dân (vi phạm Bộ Quy tắc, tin giả)</h2>
${table('Các chỉ tiêu phản ánh', t.casesSummary, cal)}
${table('Theo loại phản ánh', t.casesByCategory, cal)}
${table('Theo kết quả xử lý (phản ánh đã đóng trong kỳ)', t.casesByOutcome, cal)}
</section>
<section><h2>11. Tổng hợp tương tác <span lang="en">/ Interaction summary</span></h2>
${table('Các chỉ tiêu tương tác trong kỳ', t.interaction, cal)}
${r.interaction.charts.map(svgBarChart).join('\n')}
</section>
<section><h2>12. Phát trực tiếp <span lang="en">/ Live announcements</span></h2>
<p>Phát trực tiếp không được duyệt trước khi phát; bản ghi của mỗi lần phát được lưu để kiểm tra sau. <span lang="en">Live announcements are not reviewed beforehand; each one's recording is kept to be checked afterwards.</span></p>
${table(`${r.live.count} lần phát trực tiếp, ${r.live.totalMinutes.toLocaleString('vi-VN')} phút / ${r.live.count} live announcements, ${r.live.totalMinutes} minutes`, t.liveSummary, cal)}
${table('Danh sách phát trực tiếp / List of live announcements', t.live, cal, 'Không có phát trực tiếp trong kỳ. / No live announcements in the period.')}
</section>
</main>
<footer><p>Báo cáo do hệ thống bantin lập tự động.</p></footer>
</body>
</html>
`;
}
