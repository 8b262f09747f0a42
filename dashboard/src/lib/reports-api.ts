// Report calls (proof of play, uptime, kiosk feedback, the kiosk quiz, periodic report and its archive), typed from the
// server's routes, and the addresses of the server-made downloads (CSV, XLSX, printable page), each of
// which has a route of its own beside the JSON one.
import type { InferResponseType } from 'hono/client';
// The report shapes are the server's own types (type-only: nothing of the server is bundled).
import type * as Server from '@bantin/server/api-types';
import { answer, client, csrfHeaders } from './api';

const reports = client.api.reports;

export type PlaysGroupBy = 'content' | 'device' | 'group' | 'day' | 'kind';
/** The layout regions the proof-of-play report can be filtered by; '' = every region. */
export type PlaysRegion = 'main' | 'ticker';
export type FeedbackGroupBy = 'day' | 'week' | 'topic';
export type PeriodKind = 'month' | 'quarter';
export interface DateRange {
  from: string;
  to: string;
}
export interface PeriodRef {
  period: PeriodKind;
  year: number;
  index: number;
}

export type PlaysReport = Server.PlaysReport;
export type UptimeReport = Server.UptimeReport;
export type FeedbackReport = Server.FeedbackReport;
export type PeriodicReport = Server.PeriodicReport;
export type QuizReport = Server.QuizReport;
export type ArchiveEntry = InferResponseType<typeof reports.periodic.archive.$get, 200>[number];

export async function playsReport(r: DateRange, groupBy: PlaysGroupBy, region: PlaysRegion | '' = ''): Promise<PlaysReport> {
  return await answer(reports.plays.$get({ query: { ...r, groupBy, ...(region ? { region } : {}) } }), 200);
}

export async function uptimeReport(r: DateRange): Promise<UptimeReport> {
  return await answer(reports.uptime.$get({ query: r }), 200);
}

export async function feedbackReport(r: DateRange, groupBy: FeedbackGroupBy): Promise<FeedbackReport> {
  return await answer(reports.feedback.$get({ query: { ...r, groupBy } }), 200);
}

/** The kiosk quiz over local dates: in total and per kiosk. */
export async function quizReport(r: DateRange): Promise<QuizReport> {
  return await answer(client.api.quiz.report.$get({ query: r }), 200);
}

export async function periodicReport(p: PeriodRef): Promise<PeriodicReport> {
  return await answer(reports.periodic.$get({ query: { period: p.period, year: String(p.year), index: String(p.index) } }), 200);
}

export async function generatePeriodic(p: PeriodRef): Promise<ArchiveEntry> {
  return await answer(reports.periodic.generate.$post({ json: p }, { headers: csrfHeaders() }), 201);
}

export async function reportArchive(): Promise<ArchiveEntry[]> {
  return await answer(reports.periodic.archive.$get(), 200);
}

const qs = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

/**
 * Server-made downloads: plain links, so the browser streams the file and names it. The workbook keeps the
 * query form (`?format=xlsx`), which the server still answers, so links already shared keep working.
 */
export const downloads = {
  playsCsv: (r: DateRange, groupBy: PlaysGroupBy, region: PlaysRegion | '' = '') =>
    `/api/reports/plays.csv?${qs({ ...r, groupBy, ...(region ? { region } : {}) })}`,
  uptimeCsv: (r: DateRange) => `/api/reports/uptime.csv?${qs({ ...r })}`,
  feedbackCsv: (r: DateRange, groupBy: FeedbackGroupBy, table: 'series' | 'comments') =>
    `/api/reports/feedback.csv?${qs({ ...r, groupBy, table })}`,
  periodicXlsx: (p: PeriodRef) => `/api/reports/periodic?${qs({ ...p, format: 'xlsx' })}`,
  periodicHtml: (p: PeriodRef) => `/api/reports/periodic.html?${qs({ ...p })}`,
};
