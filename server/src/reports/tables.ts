// Report shapes → tables with Vietnamese headers, shared by the CSV exports, the XLSX sheets and the printable
// page, so the three always show the same columns.
import type { ZoneCalendar } from '../domain/schedule/zone';
import type { Cell, Table } from '@bantin/protocol/core';
import { localDateTime } from './period';
import { barText } from './chart';
import type { AsRunSummary, FeedbackReport, FeedbackStats, IndicatorChart, InteractionSummary, LiveReportEntry, LiveSummary, PeriodicReport, PlayStats, PlaysReport, UptimeReport, UptimeRow } from './types';
import { CASE_CATEGORY_LABELS, CASE_OUTCOME_LABELS, LIVE_CLASS_LABELS, LIVE_END_LABELS, LIVE_ON_AIR_LABEL, REGION_LABELS, kindLabel } from './text';

/** A table whose `dateColumns` hold epoch ms (written as date cells in XLSX, local text elsewhere). */
export type SheetTable = Table & { dateColumns?: readonly number[]; totals?: readonly Cell[]; after?: SheetTable };

const FIRST_COLUMN = { content: 'Nội dung', device: 'Thiết bị', group: 'Nhóm thiết bị', day: 'Ngày', kind: 'Loại thiết bị' } as const;
const STAT_HEADERS = [
  'Lượt phát',
  'Thời lượng (giây)',
  'Hoàn thành',
  'Thời lượng hoàn thành (giây)',
  'Bị ngắt',
  'Thời lượng bị ngắt (giây)',
  'Lỗi',
  'Thời lượng lỗi (giây)',
  'Số thiết bị',
];
const stats = (s: PlayStats): Cell[] => [s.plays, s.seconds, s.completed, s.completedSeconds, s.interrupted, s.interruptedSeconds, s.failed, s.failedSeconds, s.devices];

/** What the zone streams sent while a receiver listened, marked as such, the zone as the place. */
export function asRunTable(rows: readonly AsRunSummary[]): SheetTable {
  return {
    headers: ['Ghi chú', 'Nơi phát (vùng phát luồng)', 'Nội dung', 'Lượt phát', 'Thời lượng (giây)'],
    rows: rows.map((a) => [a.label, a.place, a.title, a.spans, a.seconds]),
  };
}

export const REGION_HEADER = 'Vùng / Region';

/**
 * The proof-of-play table. The region column (where on the screen each row's plays were shown) is there when
 * the report is about regions: a region filter, or plays outside the main region in the range. A ward without
 * layouts keeps the columns its spreadsheets were made for.
 */
export function playsTable(r: PlaysReport): SheetTable {
  const device = r.groupBy === 'device';
  const region = r.region !== null || r.rows.some((x) => x.regions.some((k) => k !== 'main'));
  const regionCell = (x: PlaysReport['rows'][number]) => x.regions.map((k) => REGION_LABELS[k]).join(', ');
  const headers = [FIRST_COLUMN[r.groupBy], ...(device ? ['Loại', 'Tổ dân phố'] : []), ...(region ? [REGION_HEADER] : []), ...STAT_HEADERS];
  return {
    headers,
    rows: r.rows.map((x) => [x.label, ...(device ? [kindLabel(x.kind ?? ''), x.residentialGroup] : []), ...(region ? [regionCell(x)] : []), ...stats(x)]),
    totals: ['Tổng cộng', ...(device ? [null, null] : []), ...(region ? [r.region === null ? null : REGION_LABELS[r.region]] : []), ...stats(r.totals)],
    ...(r.asRun.length > 0 ? { after: asRunTable(r.asRun) } : {}),
  };
}

const secOrNull = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
const endReasonCell = (x: LiveReportEntry) => (x.endReason !== null ? LIVE_END_LABELS[x.endReason] : x.endedAt === null ? LIVE_ON_AIR_LABEL : null);

/**
 * Live announcements (phát trực tiếp), one row each in order of start, headers in Vietnamese and English: the
 * list of the periodic report's section and of the proof-of-play CSV with table=live. Last row: the total airtime.
 */
export function liveTable(items: readonly LiveReportEntry[]): SheetTable {
  return {
    headers: [
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
    ],
    rows: items.map((x) => [
      Date.parse(x.startedAt),
      x.endedAt === null ? null : Date.parse(x.endedAt),
      x.speaker,
      x.groups,
      LIVE_CLASS_LABELS[x.class],
      x.title,
      secOrNull(x.durationMs),
      endReasonCell(x),
      x.speakers,
      x.zones,
      x.recordingSha256,
    ]),
    dateColumns: [0, 1],
    totals: ['Tổng cộng / Total', null, null, null, null, null, Math.round(items.reduce((a, x) => a + (x.durationMs ?? 0), 0) / 1000), null, null, null, null],
  };
}

/** The headline figures of the live announcements of a period: how many, minutes on air, by class. */
export function liveSummaryTable(l: LiveSummary): SheetTable {
  return {
    headers: ['Chỉ tiêu / Indicator', 'Giá trị / Value'],
    rows: [
      ['Số lần phát trực tiếp / Live announcements', l.count],
      ['Tổng thời lượng (phút) / Total minutes', l.totalMinutes],
      [`${LIVE_CLASS_LABELS.priority} / Priority`, l.byClass.priority],
      [`${LIVE_CLASS_LABELS.emergency} / Emergency`, l.byClass.emergency],
    ],
  };
}

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function uptimeTable(rows: readonly UptimeRow[]): SheetTable {
  return {
    headers: ['Thiết bị', 'Loại', 'Tổ dân phố', 'Thời gian kết nối (giây)', 'Giờ hoạt động (giây)', 'Kết nối trong giờ hoạt động (giây)', 'Tỷ lệ hoạt động (%)', 'Lần cuối thấy'],
    rows: rows.map((d) => [
      d.name,
      kindLabel(d.kind),
      d.residentialGroup,
      d.onlineSeconds,
      d.operatingSeconds,
      d.operatingOnlineSeconds,
      pct(d.share),
      d.lastSeenAt === null ? null : Date.parse(d.lastSeenAt),
    ]),
    dateColumns: [7],
  };
}
export const uptimeReportTable = (r: UptimeReport) => uptimeTable(r.rows);

const F_HEADERS = ['Số góp ý', 'Điểm trung bình', '1 sao', '2 sao', '3 sao', '4 sao', '5 sao'];
const fstats = (s: FeedbackStats): Cell[] => [s.count, s.average, ...s.ratings];

export function feedbackTable(r: FeedbackReport): SheetTable {
  const first = { day: 'Ngày', week: 'Tuần (từ thứ Hai)', topic: 'Chủ đề' }[r.groupBy];
  return {
    headers: [first, ...F_HEADERS],
    rows: r.series.map((x) => [r.groupBy === 'week' ? x.key : x.label, ...fstats(x)]),
    totals: ['Tổng cộng', ...fstats(r.totals)],
  };
}

export function commentsTable(comments: FeedbackReport['comments']): SheetTable {
  return {
    headers: ['Thời điểm', 'Điểm', 'Chủ đề', 'Ý kiến', 'Kiosk'],
    rows: comments.map((c) => [Date.parse(c.createdAt), c.rating, c.topic, c.comment, c.device]),
    dateColumns: [0],
  };
}

export const interactionTable = (s: InteractionSummary): SheetTable => ({
  headers: ['Nhóm chỉ tiêu', 'Chỉ tiêu', 'Giá trị', 'Đơn vị'],
  rows: s.rows.map((r) => [r.group, r.label, r.value, r.unit]),
});

/** A chart as a table: one row per bar, its value and the bar drawn in block characters. */
export function chartTable(c: IndicatorChart): SheetTable {
  const max = Math.max(0, ...c.bars.map((b) => b.value));
  return { headers: [c.title, 'Số lượng', 'Biểu đồ'], rows: c.bars.map((b) => [b.label, b.value, barText(b.value, max)]) };
}

/** Turns date columns into local 'YYYY-MM-DD HH:mm' text (CSV and HTML). */
export function withLocalDates(t: SheetTable, cal: ZoneCalendar): SheetTable {
  const cols = t.dateColumns ?? [];
  if (cols.length === 0) return t;
  return {
    ...t,
    rows: t.rows.map((r) => r.map((v, i) => (cols.includes(i) && typeof v === 'number' ? localDateTime(cal, v) : v))),
    dateColumns: [],
  };
}

/** CSV: the table plus its totals row, dates as local text. */
export function forCsv(t: SheetTable, cal: ZoneCalendar): Table {
  const local = withLocalDates(t, cal);
  const rows = local.totals ? [...local.rows, local.totals] : local.rows;
  if (!t.after) return { headers: local.headers, rows };
  // A second table follows after one empty row, with its own header row.
  const next = forCsv(t.after, cal);
  return { headers: local.headers, rows: [...rows, [], next.headers, ...next.rows] };
}

export function periodicTables(r: PeriodicReport) {
  const ch = r.channels;
  const sum = (f: (c: (typeof ch)[number]) => number) => ch.reduce((a, c) => a + f(c), 0);
  const summary: SheetTable = {
    headers: ['Chỉ tiêu', 'Giá trị'],
    rows: [
      ['Tổng lượt phát', r.totals.plays],
      ['Tổng thời lượng phát (giờ)', Math.round((r.totals.seconds / 3600) * 10) / 10],
      ['Lượt phát hoàn thành', r.totals.completed],
      ['Lượt phát bị ngắt', r.totals.interrupted],
      ['Lượt phát lỗi', r.totals.failed],
      ['Thiết bị đã phát', r.totals.devices],
      ...ch.map((c): Cell[] => [`Lượt phát trên ${c.label.toLowerCase()}`, c.plays]),
      ['Số góp ý tại kiosk', r.feedback.totals.count],
      ['Điểm hài lòng trung bình (1–5)', r.feedback.totals.average],
      ['Cảnh báo khẩn cấp đã phát', r.incidents.count],
      ['Phát trực tiếp (số lần)', r.live.count],
    ],
  };
  const channels: SheetTable = {
    headers: ['Kênh', 'Số thiết bị', 'Thiết bị có phát', 'Lượt phát', 'Giờ phát', 'Số tổ dân phố tiếp cận', 'Tổ dân phố'],
    rows: ch.map((c) => [c.label, c.devices, c.activeDevices, c.plays, c.airtimeHours, c.residentialGroups, c.residentialGroupNames.join(', ')]),
    totals: ['Tổng cộng', sum((c) => c.devices), sum((c) => c.activeDevices), sum((c) => c.plays), Math.round(sum((c) => c.airtimeHours) * 10) / 10, null, null],
  };
  const topContent: SheetTable = {
    headers: ['Hạng', 'Nội dung', 'Lượt phát', 'Thời lượng (giây)', 'Hoàn thành', 'Số thiết bị'],
    rows: r.topContent.map((c, i) => [i + 1, c.label, c.plays, c.seconds, c.completed, c.devices]),
  };
  const daily: SheetTable = {
    headers: ['Ngày', 'Lượt phát', 'Thời lượng (giây)'],
    rows: r.daily.map((d) => [d.date, d.plays, d.seconds]),
    totals: ['Tổng cộng', r.totals.plays, r.totals.seconds],
  };
  const feedbackTopics: SheetTable = {
    headers: ['Chủ đề', ...F_HEADERS],
    rows: r.feedback.topics.map((x) => [x.topic, ...fstats(x)]),
    totals: ['Tổng cộng', ...fstats(r.feedback.totals)],
  };
  const incidents: SheetTable = {
    headers: ['Số', 'Nội dung cảnh báo', 'Mức độ', 'Nguồn', 'Phát lúc', 'Hết hạn', 'Đã huỷ lúc', 'Người phát', 'Thiết bị xác nhận', 'Xác nhận đầu tiên'],
    rows: r.incidents.alerts.map((a) => [
      a.id,
      a.text,
      a.severity,
      a.source === 'cap' ? 'CAP' : 'Bảng điều khiển',
      Date.parse(a.issuedAt),
      Date.parse(a.expiresAt),
      a.cancelledAt === null ? null : Date.parse(a.cancelledAt),
      a.issuedBy,
      a.acks,
      a.firstAckAt === null ? null : Date.parse(a.firstAckAt),
    ]),
    dateColumns: [4, 5, 6, 9],
  };
  return {
    asRun: asRunTable(r.asRun),
    summary,
    channels,
    topContent,
    daily,
    feedbackTopics,
    comments: commentsTable(r.feedback.comments),
    incidents,
    uptime: uptimeTable(r.uptime),
    interaction: interactionTable(r.interaction),
    interactionCharts: r.interaction.charts.map(chartTable),
    ...casesTables(r.cases),
    liveSummary: liveSummaryTable(r.live),
    live: liveTable(r.live.items),
  };
}

/** Citizens' reports of the period: the headline figures, received by category, closed by outcome. */
export function casesTables(c: PeriodicReport['cases']) {
  const closed = Object.values(c.byOutcome).reduce((a, b) => a + b, 0);
  const casesSummary: SheetTable = {
    headers: ['Chỉ tiêu', 'Giá trị'],
    rows: [
      ['Phản ánh nhận được', c.received],
      ['Phản ánh đã đóng trong kỳ', closed],
      ['Thời gian xử lý trung vị (giờ)', c.medianHoursToClose],
    ],
  };
  const entries = <K extends string>(counts: Record<K, number>, labels: Record<K, string>): Cell[][] =>
    (Object.keys(labels) as K[]).map((k) => [labels[k], counts[k]]);
  const casesByCategory: SheetTable = {
    headers: ['Loại phản ánh', 'Số phản ánh'],
    rows: entries(c.byCategory, CASE_CATEGORY_LABELS),
    totals: ['Tổng cộng', c.received],
  };
  const casesByOutcome: SheetTable = {
    headers: ['Kết quả xử lý', 'Số phản ánh'],
    rows: entries(c.byOutcome, CASE_OUTCOME_LABELS),
    totals: ['Tổng cộng', closed],
  };
  return { casesSummary, casesByCategory, casesByOutcome };
}
