// /api/alerts — emergency alerts (cảnh báo khẩn cấp): issue (which approves the text), list, detail with the
// devices' acknowledgements, cancel, and OASIS CAP 1.2 intake.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import { problem } from '../http/problem';
import { ALERT_SEVERITIES } from '@bantin/protocol';
import type { AlertService } from '../services/alerts/alert-service';
import type { CapService } from '../services/alerts/cap-service';

const KINDS = ['led', 'kiosk', 'speaker'] as const;
const ids = z.array(z.number().int().positive()).max(1000).default([]);
const Target = z
  .object({ all: z.boolean().default(false), deviceIds: ids, groupIds: ids, kinds: z.array(z.enum(KINDS)).max(3).default([]) })
  .strict();
const CreateAlert = z
  .object({
    text: text(2000),
    audioSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    target: Target,
    repeatMin: z.number().int().min(0).max(1440).default(10),
    severity: z.enum(ALERT_SEVERITIES).default('severe'),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('CreateAlert');

const AlertSchema = z
  .object({
    id: z.number().int(),
    text: z.string(),
    severity: z.enum(ALERT_SEVERITIES),
    audioSha256: z.string().nullable(),
    speechSha256: z.string().nullable(),
    target: z.object({ all: z.boolean(), deviceIds: z.array(z.number()), groupIds: z.array(z.number()), kinds: z.array(z.enum(KINDS)) }),
    repeatMin: z.number().int(),
    startsAt: z.string(),
    expiresAt: z.string(),
    endedAt: z.string().nullable(),
    status: z.enum(['active', 'cancelled', 'expired']),
    source: z.string(),
    capIdentifier: z.string().nullable(),
    issuedBy: z.number().int().nullable(),
    ackCount: z.number().int(),
  })
  .openapi('Alert');
const AlertDetailSchema = AlertSchema.extend({
  acks: z.array(z.object({ deviceId: z.number().int(), deviceName: z.string().nullable(), ackedAt: z.string() })),
}).openapi('AlertDetail');
const CapOutcomeSchema = z
  .object({
    applied: z.boolean(),
    identifier: z.string(),
    action: z.enum(['start', 'update', 'cancel']).optional(),
    alertIds: z.array(z.number().int()).optional(),
    duplicate: z.boolean().optional(),
    status: z.string().optional(),
    msgType: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('CapOutcome');
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const issuers = PERMISSIONS['alerts.issue'];
const list = defineRoute('authenticated', {
  method: 'get',
  path: '/',
  tags: ['alerts'],
  summary: 'Alerts, newest first / Danh sách cảnh báo',
  responses: { 200: jsonOk(z.object({ alerts: z.array(AlertSchema) })), ...errorResponses },
});
const create = defineRoute(issuers, {
  method: 'post',
  path: '/',
  tags: ['alerts'],
  summary: 'Issue an emergency alert (approves its text) / Phát cảnh báo khẩn cấp',
  request: { body: jsonBody(CreateAlert) },
  responses: { 201: jsonOk(AlertSchema, 'Issued'), ...errorResponses },
});
const get = defineRoute('authenticated', {
  method: 'get',
  path: '/{id}',
  tags: ['alerts'],
  summary: 'One alert with its acknowledgements / Cảnh báo và xác nhận của thiết bị',
  request: { params: IdParam },
  responses: { 200: jsonOk(AlertDetailSchema), ...errorResponses, 404: problemResponse('No such alert') },
});
const cancel = defineRoute(issuers, {
  method: 'post',
  path: '/{id}/cancel',
  tags: ['alerts'],
  summary: 'Cancel an alert / Huỷ cảnh báo',
  request: { params: IdParam },
  responses: { 200: jsonOk(AlertDetailSchema), ...errorResponses, 404: problemResponse('No such alert'), 409: problemResponse('Already ended') },
});
const xml = { schema: z.string() };
const cap = defineRoute(issuers, {
  method: 'post',
  path: '/cap',
  tags: ['alerts'],
  summary: 'Take an OASIS CAP 1.2 alert / Nhận bản tin CAP 1.2',
  request: { body: { required: true, content: { 'application/cap+xml': xml, 'application/xml': xml } } },
  responses: {
    200: jsonOk(CapOutcomeSchema, 'Applied to existing alerts, or a duplicate'),
    201: jsonOk(CapOutcomeSchema, 'A new alert was issued'),
    202: jsonOk(CapOutcomeSchema, 'Logged, not applied (Exercise, Test, System, Draft, Ack, Error)'),
    ...errorResponses,
    404: problemResponse('Cancel of an unknown alert'),
    413: problemResponse('Too large'),
    415: problemResponse('Not XML'),
    422: problemResponse('No area matches a device group'),
  },
});

export function alertRoutes(deps: { alerts: AlertService; cap: CapService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json({ alerts: await deps.alerts.list() }, 200))
    .openapi(create, async (c) => {
      const b = c.req.valid('json');
      const alert = await deps.alerts.issue(actorOf(c), { ...b, expiresAt: b.expiresAt ? Date.parse(b.expiresAt) : undefined });
      return c.json(alert, 201);
    })
    .openapi(cap, async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/cap+xml' && type !== 'application/xml' && type !== 'text/xml') return problem(c, 415, 'unsupported_media_type') as never;
      // Strict UTF-8, as for JSON bodies: a lenient decoder would store U+FFFD in place of the bad bytes.
      let xml: string;
      try {
        xml = strictUtf8.decode(await c.req.arrayBuffer());
      } catch {
        return problem(c, 400, 'invalid_utf8') as never;
      }
      const out = await deps.cap.ingest(actorOf(c), xml);
      return c.json(out, !out.applied ? 202 : out.action === 'start' && !out.duplicate ? 201 : 200);
    })
    .openapi(get, async (c) => c.json(await deps.alerts.get(c.req.valid('param').id), 200))
    .openapi(cancel, async (c) => c.json(await deps.alerts.cancel(actorOf(c), c.req.valid('param').id), 200));
}
