// /api/stream-zones and /api/groups/{id}/stream-zone — which loudspeaker groups the server plays as live audio
// streams for IP receivers, and how each one is encoded.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import { ZONE_BITRATES, type StreamZoneService } from '../services/streams/stream-zone-service';
import { ClockWindowSchema, IdParam, READ, WRITE } from './devices';

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const Bitrate = z
  .number()
  .refine((b): b is (typeof ZONE_BITRATES)[number] => (ZONE_BITRATES as readonly number[]).includes(b), `kbps: ${ZONE_BITRATES.join(' | ')}`)
  .openapi({ enum: [...ZONE_BITRATES] });

const StreamZoneSchema = z
  .object({
    groupId: z.number().int(),
    name: z.string(),
    slug: z.string(),
    bitrateKbps: z.number().int(),
    channels: z.union([z.literal(1), z.literal(2)]),
    volume: z.number().int(),
    quietHours: ClockWindowSchema.nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    urls: z.object({ mp3: z.string(), hls: z.string(), icecast: z.string().nullable() }),
  })
  .openapi('StreamZone');
const PutStreamZone = z
  .object({
    slug: z.string().regex(SLUG, 'Chữ thường, số và "-", tối đa 40 ký tự / lower-case letters, digits and "-", at most 40'),
    bitrateKbps: Bitrate.optional(),
    channels: z.union([z.literal(1), z.literal(2)]).optional(),
    volume: z.number().int().min(0).max(100).optional(),
    quietHours: ClockWindowSchema.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('PutStreamZone');

const tags = ['stream-zones'];
const list = defineRoute(READ, {
  method: 'get', path: '/stream-zones', tags, summary: 'Stream zones / Các vùng phát luồng',
  responses: { 200: jsonOk(z.array(StreamZoneSchema)), ...errorResponses },
});
const put = defineRoute(WRITE, {
  method: 'put', path: '/groups/{id}/stream-zone', tags, summary: 'Play a group as a stream zone / Phát nhóm thành luồng',
  request: { params: IdParam, body: jsonBody(PutStreamZone) },
  responses: {
    200: jsonOk(StreamZoneSchema), ...errorResponses,
    404: problemResponse('No such group / Không có nhóm'), 409: problemResponse('Stream name taken / Tên luồng đã dùng'),
  },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/groups/{id}/stream-zone', tags, summary: 'Stop streaming a group / Thôi phát nhóm thành luồng',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses, 404: problemResponse('No such zone / Không có vùng phát') },
});

export function streamZoneRoutes(deps: { zones: StreamZoneService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.zones.list(), 200))
    .openapi(put, async (c) => c.json(await deps.zones.put(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.zones.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
