// /api/reports — proof of play, device uptime, kiosk feedback and the periodic report, each as JSON on one
// route and as a file on its own (.csv, .xlsx, printable .html), and the archive of generated reports. Every
// staff role reads; editor and admin generate.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { createMiddleware } from 'hono/factory';
import { requireAccess } from '../http/middleware';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ReportService } from '../services/reports/report-service';
import { PERMISSIONS, toCsv } from '@bantin/protocol/core';
import { commentsTable, feedbackTable, forCsv, liveTable, playsTable, uptimeReportTable, type SheetTable } from '../reports/tables';
import { PRINT_CSS } from '../reports/print-css';
import { ZoneCalendar } from '../domain/schedule/zone';
import {
  ArchiveEntrySchema,
  ArchiveFileParam,
  FeedbackCsvQuery,
  FeedbackQuery,
  FeedbackReportSchema,
  GenerateBody,
  PeriodicFileQuery,
  PeriodicQuery,
  PeriodicReportSchema,
  PlaysCsvQuery,
  PlaysQuery,
  PlaysReportSchema,
  UptimeCsvQuery,
  UptimeQuery,
  UptimeReportSchema,
} from '../reports/schemas';

const STAFF = 'authenticated' as const;
const WRITERS = PERMISSIONS['reports.generate'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STYLESHEET = '/api/reports/print.css';
const tags = ['reports'];
const csvOk = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string().openapi({ description: 'UTF-8 with BOM, CRLF, RFC 4180 quoting; last row = totals' }) } },
});
const xlsxOk = (description: string) => ({ description, content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } });

const plays = defineRoute(STAFF, {
  method: 'get',
  path: '/plays',
  tags,
  summary: 'Proof of play / Báo cáo lượt phát',
  description:
    'Counts and seconds (completed / interrupted / failed) per content, device, group, local day or device kind. CSV: /plays.csv.',
  request: { query: PlaysQuery },
  responses: { 200: jsonOk(PlaysReportSchema, 'Rows with totals'), ...errorResponses },
});
const playsCsv = defineRoute(STAFF, {
  method: 'get',
  path: '/plays.csv',
  tags,
  summary: 'Proof of play as CSV / Báo cáo lượt phát (CSV)',
  description: 'table=plays: the rows of the JSON (groupBy); table=live: the live announcements (phát trực tiếp) of the range.',
  request: { query: PlaysCsvQuery },
  responses: { 200: csvOk('Rows with totals'), ...errorResponses },
});
const uptime = defineRoute(STAFF, {
  method: 'get',
  path: '/uptime',
  tags,
  summary: 'Device uptime / Thời gian hoạt động của thiết bị',
  description:
    'Per device: connected seconds, operating-hour seconds, the share connected during operating hours, last seen. CSV: /uptime.csv.',
  request: { query: UptimeQuery },
  responses: { 200: jsonOk(UptimeReportSchema, 'One row per device'), ...errorResponses },
});
const uptimeCsv = defineRoute(STAFF, {
  method: 'get',
  path: '/uptime.csv',
  tags,
  summary: 'Device uptime as CSV / Thời gian hoạt động (CSV)',
  request: { query: UptimeCsvQuery },
  responses: { 200: csvOk('One row per device'), ...errorResponses },
});
const feedback = defineRoute(STAFF, {
  method: 'get',
  path: '/feedback',
  tags,
  summary: 'Kiosk feedback / Góp ý tại kiosk',
  description: 'Ratings over time (by local day, ISO week or topic), topics and the latest comments. CSV: /feedback.csv.',
  request: { query: FeedbackQuery },
  responses: { 200: jsonOk(FeedbackReportSchema, 'Series, topics and comments'), ...errorResponses },
});
const feedbackCsv = defineRoute(STAFF, {
  method: 'get',
  path: '/feedback.csv',
  tags,
  summary: 'Kiosk feedback as CSV / Góp ý tại kiosk (CSV)',
  description: 'table=series: the ratings over time; table=comments: the latest comments.',
  request: { query: FeedbackCsvQuery },
  responses: { 200: csvOk('The series or the comments'), ...errorResponses },
});
const periodic = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic',
  tags,
  summary: 'Periodic report for the culture–social office / Báo cáo định kỳ',
  description:
    'A month or quarter: plays, reach by channel, feedback, incidents, top content, uptime. Files: /periodic.xlsx, /periodic.html (printable).',
  request: { query: PeriodicQuery },
  responses: { 200: jsonOk(PeriodicReportSchema, 'The report'), ...errorResponses },
});
const periodicXlsx = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic.xlsx',
  tags,
  summary: 'Periodic report as XLSX / Báo cáo định kỳ (XLSX)',
  request: { query: PeriodicFileQuery },
  responses: { 200: xlsxOk('The workbook'), ...errorResponses },
});
const periodicHtml = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic.html',
  tags,
  summary: 'Printable periodic report / Báo cáo định kỳ (bản in)',
  request: { query: PeriodicFileQuery },
  responses: { 200: { description: 'A printable page', content: { 'text/html': { schema: z.string() } } }, ...errorResponses },
});
const printCss = defineRoute(STAFF, {
  method: 'get',
  path: '/print.css',
  tags: ['reports'],
  summary: 'Stylesheet of the printable report / Kiểu in của báo cáo',
  responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } }, ...errorResponses },
});
const generate = defineRoute(WRITERS, {
  method: 'post',
  path: '/periodic/generate',
  tags: ['reports'],
  summary: 'Generate and archive a periodic report now / Lập báo cáo định kỳ ngay',
  request: { body: jsonBody(GenerateBody) },
  responses: { 201: jsonOk(ArchiveEntrySchema, 'Stored in the archive'), ...errorResponses },
});
const archive = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic/archive',
  tags: ['reports'],
  summary: 'Archived periodic reports / Lưu trữ báo cáo định kỳ',
  responses: { 200: jsonOk(z.array(ArchiveEntrySchema), 'Newest first'), ...errorResponses },
});
const archiveFile = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic/archive/{file}',
  tags: ['reports'],
  summary: 'Download an archived report (<id>.xlsx) / Tải báo cáo đã lưu',
  request: { params: ArchiveFileParam },
  responses: { 200: xlsxOk('XLSX'), ...errorResponses, 404: problemResponse('No such report') },
});

function download(c: Context, body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, mime: string, filename: string) {
  return c.body(body, 200, {
    'Content-Type': mime,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
  });
}
const csv = (c: Context, t: SheetTable, cal: ZoneCalendar, name: string, q: { from: string; to: string }) =>
  download(c, toCsv(forCsv(t, cal)), 'text/csv; charset=utf-8', `bantin-${name}-${q.from}_${q.to}.csv`);
const periodName = (q: { period: string; year: number; index: number }) =>
  `bantin-bao-cao-${q.period === 'month' ? 'thang' : 'quy'}-${q.index}-${q.year}`;

type FileAnswer<Q> = (c: Context<AppEnv>, q: Q) => Promise<Response>;
/** Validates a query with the file route's schema and answers as the file route does. */
type LegacyFormat = (c: Context<AppEnv>, query: Record<string, string>, hook: HookFn) => Promise<Response | undefined>;
const legacy =
  <S extends z.ZodType>(schema: S, answer: FileAnswer<z.infer<S>>): LegacyFormat =>
  async (c, query, hook) => {
    const parsed = schema.safeParse(query);
    if (parsed.success) return answer(c, parsed.data);
    return hook({ success: false, error: parsed.error, target: 'query' }, c);
  };

/**
 * Links made before the file routes name the format in the query (/plays?format=csv): they are answered
 * as the file route answers, with its access rule and its query validation.
 */
function legacyFormats(formats: Record<string, LegacyFormat>, hook: HookFn) {
  const byName = new Map(Object.entries(formats));
  return createMiddleware<AppEnv>(async function legacyFormat(c, next) {
    const answer = byName.get(c.req.query('format') ?? '');
    if (!answer) return next();
    let res: Response | undefined;
    const denied = await requireAccess(STAFF)(c, async () => {
      const { format: _format, ...query } = c.req.query();
      res = await answer(c, query, hook);
    });
    return denied ?? res;
  });
}

export function reportRoutes(deps: { reports: ReportService; hook: HookFn }) {
  const cal = new ZoneCalendar(deps.reports.tz);
  const answerPlaysCsv: FileAnswer<z.infer<typeof PlaysCsvQuery>> = async (c, q) => {
    const r = await deps.reports.plays(q);
    return q.table === 'live' ? csv(c, liveTable(r.live), cal, 'phat-truc-tiep', q) : csv(c, playsTable(r), cal, `luot-phat-${q.groupBy}`, q);
  };
  const answerUptimeCsv: FileAnswer<z.infer<typeof UptimeCsvQuery>> = async (c, q) =>
    csv(c, uptimeReportTable(await deps.reports.uptime(q)), cal, 'hoat-dong-thiet-bi', q);
  const answerFeedbackCsv: FileAnswer<z.infer<typeof FeedbackCsvQuery>> = async (c, q) => {
    const r = await deps.reports.feedback(q);
    const t = q.table === 'comments' ? commentsTable(r.comments) : feedbackTable(r);
    return csv(c, t, cal, q.table === 'comments' ? 'y-kien' : `gop-y-${q.groupBy}`, q);
  };
  const answerXlsx: FileAnswer<z.infer<typeof PeriodicFileQuery>> = async (c, p) =>
    download(c, new Uint8Array(await deps.reports.periodicXlsx(p)), XLSX, `${periodName(p)}.xlsx`);
  const answerHtml: FileAnswer<z.infer<typeof PeriodicFileQuery>> = async (c, p) =>
    c.html(await deps.reports.periodicHtml(p, { stylesheet: STYLESHEET }), 200);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: deps.hook });
  app.get('/plays', legacyFormats({ csv: legacy(PlaysCsvQuery, answerPlaysCsv) }, deps.hook));
  app.get('/uptime', legacyFormats({ csv: legacy(UptimeCsvQuery, answerUptimeCsv) }, deps.hook));
  app.get('/feedback', legacyFormats({ csv: legacy(FeedbackCsvQuery, answerFeedbackCsv) }, deps.hook));
  app.get(
    '/periodic',
    legacyFormats({ xlsx: legacy(PeriodicFileQuery, answerXlsx), html: legacy(PeriodicFileQuery, answerHtml) }, deps.hook),
  );
  return app
    .openapi(plays, async (c) => c.json(await deps.reports.plays(c.req.valid('query')), 200))
    .openapi(playsCsv, (c) => answerPlaysCsv(c, c.req.valid('query')))
    .openapi(uptime, async (c) => c.json(await deps.reports.uptime(c.req.valid('query')), 200))
    .openapi(uptimeCsv, (c) => answerUptimeCsv(c, c.req.valid('query')))
    .openapi(feedback, async (c) => c.json(await deps.reports.feedback(c.req.valid('query')), 200))
    .openapi(feedbackCsv, (c) => answerFeedbackCsv(c, c.req.valid('query')))
    .openapi(periodic, async (c) => c.json(await deps.reports.periodic(c.req.valid('query')), 200))
    .openapi(periodicXlsx, (c) => answerXlsx(c, c.req.valid('query')))
    .openapi(periodicHtml, (c) => answerHtml(c, c.req.valid('query')))
    .openapi(printCss, (c) =>
      c.body(PRINT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'private, max-age=3600' }),
    )
    .openapi(generate, async (c) => c.json(await deps.reports.generate(actorOf(c), c.req.valid('json')), 201))
    .openapi(archive, async (c) => c.json(await deps.reports.archive(), 200))
    .openapi(archiveFile, async (c) => {
      const f = await deps.reports.archiveFile(c.req.valid('param').file);
      const stream = Readable.toWeb(fs.createReadStream(f.path)) as ReadableStream<Uint8Array>;
      c.header('Content-Length', String(f.size));
      c.header('ETag', `"${f.sha256}"`);
      return download(c, stream, XLSX, f.name);
    });
}
