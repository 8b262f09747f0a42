// /api/reports — proof of play, device uptime, kiosk feedback and the periodic report (JSON, CSV, XLSX,
// printable HTML), and the archive of generated reports. Every staff role reads; editor and admin generate.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ReportService } from '../services/reports/report-service';
import { PERMISSIONS, toCsv } from '@bantin/protocol/core';
import { commentsTable, feedbackTable, forCsv, playsTable, uptimeReportTable, type SheetTable } from '../reports/tables';
import { PRINT_CSS } from '../reports/print-css';
import { ZoneCalendar } from '../domain/schedule/zone';
import {
  ArchiveEntrySchema,
  ArchiveFileParam,
  FeedbackQuery,
  FeedbackReportSchema,
  GenerateBody,
  PeriodicQuery,
  PeriodicReportSchema,
  PlaysQuery,
  PlaysReportSchema,
  UptimeQuery,
  UptimeReportSchema,
} from '../reports/schemas';

const STAFF = 'authenticated' as const;
const WRITERS = PERMISSIONS['reports.generate'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STYLESHEET = '/api/reports/print.css';
const csvContent = { 'text/csv': { schema: z.string().openapi({ description: 'UTF-8 with BOM, CRLF, RFC 4180 quoting; last row = totals' }) } };
const jsonOrCsv = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema }, ...csvContent } });

const plays = defineRoute(STAFF, {
  method: 'get',
  path: '/plays',
  tags: ['reports'],
  summary: 'Proof of play / Báo cáo lượt phát',
  description: 'Counts and seconds (completed / interrupted / failed) per content, device, group, local day or device kind.',
  request: { query: PlaysQuery },
  responses: { 200: jsonOrCsv(PlaysReportSchema, 'Rows with totals'), ...errorResponses },
});
const uptime = defineRoute(STAFF, {
  method: 'get',
  path: '/uptime',
  tags: ['reports'],
  summary: 'Device uptime / Thời gian hoạt động của thiết bị',
  description: 'Per device: connected seconds, operating-hour seconds, the share connected during operating hours, last seen.',
  request: { query: UptimeQuery },
  responses: { 200: jsonOrCsv(UptimeReportSchema, 'One row per device'), ...errorResponses },
});
const feedback = defineRoute(STAFF, {
  method: 'get',
  path: '/feedback',
  tags: ['reports'],
  summary: 'Kiosk feedback / Góp ý tại kiosk',
  description: 'Ratings over time (by local day, ISO week or topic), topics and the latest comments. CSV: table=series|comments.',
  request: { query: FeedbackQuery },
  responses: { 200: jsonOrCsv(FeedbackReportSchema, 'Series, topics and comments'), ...errorResponses },
});
const periodic = defineRoute(STAFF, {
  method: 'get',
  path: '/periodic',
  tags: ['reports'],
  summary: 'Periodic report for the culture–social office / Báo cáo định kỳ',
  description: 'A month or quarter: plays, reach by channel, feedback, incidents, top content, uptime. format=json|xlsx|html (printable).',
  request: { query: PeriodicQuery },
  responses: {
    200: {
      description: 'The report',
      content: { 'application/json': { schema: PeriodicReportSchema }, [XLSX]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/html': { schema: z.string() } },
    },
    ...errorResponses,
  },
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
  responses: { 200: { description: 'XLSX', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses, 404: problemResponse('No such report') },
});

function download(c: Context, body: string | Uint8Array | ReadableStream<Uint8Array>, mime: string, filename: string) {
  return c.body(body as never, 200, {
    'Content-Type': mime,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
  });
}
const csv = (c: Context, t: SheetTable, cal: ZoneCalendar, name: string, q: { from: string; to: string }) =>
  download(c, toCsv(forCsv(t, cal)), 'text/csv; charset=utf-8', `bantin-${name}-${q.from}_${q.to}.csv`);
const periodName = (q: { period: string; year: number; index: number }) =>
  `bantin-bao-cao-${q.period === 'month' ? 'thang' : 'quy'}-${q.index}-${q.year}`;

export function reportRoutes(deps: { reports: ReportService; hook: HookFn }) {
  const cal = new ZoneCalendar(deps.reports.tz);
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(plays, async (c) => {
      const q = c.req.valid('query');
      const r = await deps.reports.plays(q);
      return q.format === 'csv' ? (csv(c, playsTable(r), cal, `luot-phat-${q.groupBy}`, q) as never) : c.json(r, 200);
    })
    .openapi(uptime, async (c) => {
      const q = c.req.valid('query');
      const r = await deps.reports.uptime(q);
      return q.format === 'csv' ? (csv(c, uptimeReportTable(r), cal, 'hoat-dong-thiet-bi', q) as never) : c.json(r, 200);
    })
    .openapi(feedback, async (c) => {
      const q = c.req.valid('query');
      const r = await deps.reports.feedback(q);
      if (q.format === 'json') return c.json(r, 200);
      const t = q.table === 'comments' ? commentsTable(r.comments) : feedbackTable(r);
      return csv(c, t, cal, q.table === 'comments' ? 'y-kien' : `gop-y-${q.groupBy}`, q) as never;
    })
    .openapi(periodic, async (c) => {
      const { format, ...p } = c.req.valid('query');
      if (format === 'xlsx') return download(c, await deps.reports.periodicXlsx(p), XLSX, `${periodName(p)}.xlsx`) as never;
      if (format === 'html') return c.html(await deps.reports.periodicHtml(p, { stylesheet: STYLESHEET }), 200) as never;
      return c.json(await deps.reports.periodic(p), 200);
    })
    .openapi(printCss, (c) => c.body(PRINT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'private, max-age=3600' }) as never)
    .openapi(generate, async (c) => c.json(await deps.reports.generate(actorOf(c), c.req.valid('json')), 201))
    .openapi(archive, async (c) => c.json(await deps.reports.archive(), 200))
    .openapi(archiveFile, async (c) => {
      const f = await deps.reports.archiveFile(c.req.valid('param').file);
      const stream = Readable.toWeb(fs.createReadStream(f.path)) as ReadableStream<Uint8Array>;
      c.header('Content-Length', String(f.size));
      c.header('ETag', `"${f.sha256}"`);
      return download(c, stream, XLSX, f.name) as never;
    });
}
