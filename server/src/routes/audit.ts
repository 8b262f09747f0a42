// /api/audit — read the audit log (admin, viewer).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { AuditService } from '../services/accounts/audit-service';
import type { HookFn } from '../http/validation';

const Row = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    summary: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .openapi('AuditRow');
const Query = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const list = defineRoute(PERMISSIONS['audit.read'], {
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary: 'Audit log, newest first / Nhật ký thao tác',
  request: { query: Query },
  responses: { 200: jsonOk(z.object({ rows: z.array(Row) })), ...errorResponses },
});

export function auditRoutes(deps: { audit: AuditService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json({ rows: await deps.audit.page(q.before, q.limit) }, 200);
  });
}
