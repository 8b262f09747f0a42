// /api/cases — citizens' reports (phản ánh) as cases of the culture–social office. Reviewers handle them;
// admins read them; the ward police (viewer) read only the cases forwarded to them. The phone number, while
// its retention lasts, goes to those who may read the case — for the police, only once it is forwarded.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  FORWARDED_CASE_READERS,
  PERMISSIONS,
  REPORT_CATEGORIES,
  REPORT_PLATFORMS,
} from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { actorOf } from '../http/actor';
import { epochOf, eventLogQuery } from '../http/event-log-query';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import type { CaseService } from '../services/cases/case-service';
import type { ReportService } from '../services/reports/report-service';
import { CasesReportSchema, PeriodicFileQuery } from '../reports/schemas';

const Case = z
  .object({
    id: z.number().int(),
    eventId: z.string(),
    deviceId: z.number().int(),
    deviceName: z.string().nullable(),
    category: z.enum(REPORT_CATEGORIES),
    platform: z.enum(REPORT_PLATFORMS).nullable(),
    link: z.string().nullable(),
    description: z.string(),
    phone: z.string().nullable(),
    retainUntil: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    forwardNote: z.string().nullable(),
    createdAt: z.string(),
    receivedAt: z.string(),
    forwardedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('Case');
const ListQuery = z
  .object({ ...eventLogQuery, status: z.enum(CASE_STATUSES).optional(), category: z.enum(REPORT_CATEGORIES).optional() })
  .strict();
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const TransitionBody = z
  .object({ to: z.enum(CASE_STATUSES), note: text(1000).optional(), outcome: z.enum(CASE_OUTCOMES).optional() })
  .strict()
  .openapi('CaseTransition');

/** Who may read cases at all; the service narrows the police to forwarded ones. */
export const CASE_READERS = [...PERMISSIONS['cases.read'], ...FORWARDED_CASE_READERS];

const list = defineRoute(CASE_READERS, {
  method: 'get',
  path: '/',
  tags: ['cases'],
  summary: "Citizens' reports, newest first / Danh sách phản ánh",
  request: { query: ListQuery },
  responses: { 200: jsonOk(z.object({ cases: z.array(Case) })), ...errorResponses },
});
const indicators = defineRoute('authenticated', {
  method: 'get',
  path: '/indicators',
  tags: ['cases'],
  summary: "Citizens' reports of a month or quarter / Chỉ số phản ánh theo kỳ",
  description: 'Received by category, closed by outcome, median hours from receipt to closing. Counts only, no personal data.',
  request: { query: PeriodicFileQuery },
  responses: { 200: jsonOk(CasesReportSchema, 'The case indicators'), ...errorResponses },
});
const get = defineRoute(CASE_READERS, {
  method: 'get',
  path: '/{id}',
  tags: ['cases'],
  summary: "One citizen's report / Một phản ánh",
  request: { params: IdParam },
  responses: { 200: jsonOk(Case), ...errorResponses, 404: problemResponse('No such case (or not forwarded to you)') },
});
const transition = defineRoute(PERMISSIONS['cases.handle'], {
  method: 'post',
  path: '/{id}/transitions',
  tags: ['cases'],
  summary: 'Move a case on: handle, forward (note), close (outcome) / Chuyển bước xử lý phản ánh',
  request: { params: IdParam, body: jsonBody(TransitionBody) },
  responses: {
    200: jsonOk(Case),
    ...errorResponses,
    404: problemResponse('No such case'),
    409: problemResponse('Not an allowed step from the current status'),
  },
});

export function caseRoutes(deps: { cases: CaseService; reports: Pick<ReportService, 'cases'>; hook: HookFn }) {
  return (
    new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
      .openapi(list, async (c) => {
        const q = c.req.valid('query');
        const filter = {
          status: q.status,
          category: q.category,
          deviceId: q.deviceId,
          from: epochOf(q.from),
          to: epochOf(q.to),
          limit: q.limit,
        };
        return c.json({ cases: await deps.cases.list(c.var.user!, filter) }, 200);
      })
      // Before /{id}, which would take "indicators" for an id.
      .openapi(indicators, async (c) => c.json(await deps.reports.cases(c.req.valid('query')), 200))
      .openapi(get, async (c) => c.json(await deps.cases.get(c.var.user!, c.req.valid('param').id), 200))
      .openapi(transition, async (c) => c.json(await deps.cases.transition(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  );
}
