// /api/quiz — the kiosk Code of Conduct quiz ("Tìm hiểu Bộ Quy tắc"): its report over local dates, in total
// and per kiosk. Every staff role reads, as for the other reports.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { ReportService } from '../services/reports/report-service';
import { QuizQuery, QuizReportSchema } from '../reports/schemas';

const report = defineRoute('authenticated', {
  method: 'get',
  path: '/report',
  tags: ['reports'],
  summary: 'Kiosk Code of Conduct quiz / Tìm hiểu Bộ Quy tắc tại kiosk',
  description:
    'Rounds played and finished, the average score (share right in finished rounds) and the questions most often answered wrong, in total and per kiosk (deviceId: one kiosk).',
  request: { query: QuizQuery },
  responses: { 200: jsonOk(QuizReportSchema, 'Indicators in total and per kiosk'), ...errorResponses },
});

export function quizRoutes(deps: { reports: Pick<ReportService, 'quiz'>; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(report, async (c) =>
    c.json(await deps.reports.quiz(c.req.valid('query')), 200),
  );
}
