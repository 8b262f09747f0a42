// /api/devices — LED screens, kiosks and loudspeakers: list with locations, CRUD, token revocation, and the
// "why is this playing" timeline previews.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { DeviceService } from '../services/devices/device-service';
import type { TimelineService } from '../services/scheduling/timeline-service';

export const READ = 'authenticated' as const;
export const WRITE = PERMISSIONS['devices.write'];

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const ClockWindowSchema = z
  .object({
    start: z.string().regex(CLOCK, 'Giờ dạng HH:MM / time as HH:MM'),
    end: z.string().regex(CLOCK, 'Giờ dạng HH:MM / time as HH:MM'),
  })
  .strict()
  .openapi('ClockWindow');
export const SlotsSchema = z.array(ClockWindowSchema).min(1).max(12);
export const DeviceKindSchema = z.enum(['led', 'kiosk', 'speaker']);
/** Every kind a listed device may have: receivers are added through /api/devices/receivers, not here. */
const AnyDeviceKindSchema = z.enum(['led', 'kiosk', 'speaker', 'receiver']);
export const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

/** Years 0001–9999: what ISO 8601 writes with four digits. Past ±8.64e15 ms a Date is invalid and throws. */
const INSTANT_MIN = Date.parse('0001-01-01T00:00:00Z');
const INSTANT_MAX = Date.parse('9999-12-31T23:59:59.999Z');

/** ISO 8601 date or date-time. Checked before Date.parse, which V8 lets read "' OR '1'='1" as 2001-01-01. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An instant as epoch ms or an ISO 8601 date-time. */
const instant = z.string().transform((s, ctx) => {
  const n = /^-?\d+$/.test(s) ? Number(s) : ISO_INSTANT.test(s) ? Date.parse(s) : NaN;
  if (!Number.isFinite(n) || n < INSTANT_MIN || n > INSTANT_MAX) {
    ctx.addIssue({ code: 'custom', message: 'Thời điểm không hợp lệ / invalid instant' });
    return z.NEVER;
  }
  return n;
});

export const DeviceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: AnyDeviceKindSchema,
    location: z.object({ residentialGroup: z.string().nullable(), address: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() }),
    orientation: z.enum(['landscape', 'portrait']),
    resolution: z.string().nullable(),
    volume: z.number().int().nullable(),
    operatingHours: ClockWindowSchema.nullable(),
    quietHours: ClockWindowSchema.nullable(),
    broadcastSlots: z.array(ClockWindowSchema).nullable(),
    groupIds: z.array(z.number().int()),
    /** Screens woken or put to sleep from the dashboard (POST /api/devices/{id}/power); null = the operating hours alone. */
    powerOverride: z.object({ state: z.enum(['awake', 'asleep']), since: z.string(), until: z.string() }).nullable(),
    paired: z.boolean(),
    tokenIssuedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Device');

const fields = {
  name: text(100),
  residentialGroup: text(100).nullable().optional(),
  address: text(200).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  orientation: z.enum(['landscape', 'portrait']).optional(),
  resolution: z.string().regex(/^\d{2,5}x\d{2,5}$/, 'Độ phân giải dạng 1920x1080 / resolution as 1920x1080').nullable().optional(),
  volume: z.number().int().min(0).max(100).nullable().optional(),
  operatingHours: ClockWindowSchema.nullable().optional(),
  quietHours: ClockWindowSchema.nullable().optional(),
  broadcastSlots: SlotsSchema.nullable().optional(),
  groupIds: z.array(z.number().int().positive()).max(100).optional(),
};
export const CreateDevice = z.object({ ...fields, kind: DeviceKindSchema }).strict().openapi('CreateDevice');
const PatchDevice = z.object({ ...fields, name: fields.name.optional() }).strict().openapi('PatchDevice');
const ListQuery = z.object({ kind: AnyDeviceKindSchema.optional(), groupId: z.coerce.number().int().positive().optional() });

const TimelineSchema = z
  .object({
    deviceId: z.string(),
    from: z.number(),
    to: z.number(),
    version: z.string(),
    segments: z.array(z.any()),
    media: z.array(z.any()),
    awake: z.array(z.tuple([z.number(), z.number()])).optional(),
  })
  .openapi('DeviceTimeline');
const PlayingSchema = z
  .object({ t: z.number(), source: z.enum(['stored', 'compiled']), item: z.any(), segment: z.any(), offsetMs: z.number(), nextChangeAt: z.number().nullable() })
  .openapi('PlayingAt');

const tags = ['devices'];
const notFound = { 404: problemResponse('No such device / Không có thiết bị') };
const list = defineRoute(READ, {
  method: 'get', path: '/', tags, summary: 'List devices with their locations / Danh sách thiết bị và vị trí',
  request: { query: ListQuery },
  responses: { 200: jsonOk(z.array(DeviceSchema)), ...errorResponses },
});
const get = defineRoute(READ, {
  method: 'get', path: '/{id}', tags, summary: 'One device / Một thiết bị',
  request: { params: IdParam },
  responses: { 200: jsonOk(DeviceSchema), ...errorResponses, ...notFound },
});
const create = defineRoute(WRITE, {
  method: 'post', path: '/', tags, summary: 'Add a device / Thêm thiết bị',
  request: { body: jsonBody(CreateDevice) },
  responses: { 201: jsonOk(DeviceSchema, 'Created'), ...errorResponses, 404: problemResponse('Unknown group') },
});
const patch = defineRoute(WRITE, {
  method: 'patch', path: '/{id}', tags, summary: 'Change a device / Sửa thiết bị',
  request: { params: IdParam, body: jsonBody(PatchDevice) },
  responses: { 200: jsonOk(DeviceSchema), ...errorResponses, ...notFound },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/{id}', tags, summary: 'Remove a device (kept for history) / Gỡ thiết bị',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFound },
});
const revoke = defineRoute(WRITE, {
  method: 'post', path: '/{id}/revoke', tags, summary: 'Revoke the device token / Thu hồi mã thiết bị',
  request: { params: IdParam },
  responses: { 200: jsonOk(DeviceSchema), ...errorResponses, ...notFound },
});
const timeline = defineRoute(READ, {
  method: 'get', path: '/{id}/timeline', tags, summary: 'Why is this playing: the compiled timeline / Vì sao phát nội dung này',
  request: { params: IdParam, query: z.object({ from: instant.optional(), to: instant.optional() }) },
  responses: { 200: jsonOk(TimelineSchema), ...errorResponses, ...notFound },
});
const at = defineRoute(READ, {
  method: 'get', path: '/{id}/timeline/at', tags, summary: 'What plays at time t / Phát gì lúc t',
  request: { params: IdParam, query: z.object({ t: instant.optional() }) },
  responses: { 200: jsonOk(PlayingSchema), ...errorResponses, ...notFound },
});

export function deviceRoutes(deps: { devices: DeviceService; timeline: TimelineService; clock: () => number; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.devices.list(c.req.valid('query')), 200))
    .openapi(create, async (c) => c.json(await deps.devices.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(timeline, async (c) => {
      const q = c.req.valid('query');
      const from = q.from ?? deps.clock();
      return c.json(await deps.timeline.preview(c.req.valid('param').id, from, q.to ?? from + 86_400_000), 200);
    })
    .openapi(at, async (c) => c.json(await deps.timeline.at(c.req.valid('param').id, c.req.valid('query').t ?? deps.clock()), 200))
    .openapi(get, async (c) => c.json(await deps.devices.get(c.req.valid('param').id), 200))
    .openapi(patch, async (c) => c.json(await deps.devices.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.devices.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(revoke, async (c) => c.json(await deps.devices.revoke(actorOf(c), c.req.valid('param').id), 200));
}
