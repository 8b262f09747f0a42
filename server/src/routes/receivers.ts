// /api/devices/receivers and /api/devices/{id}/rotate-stream — IP receivers (bộ thu IP): add one to a stream
// zone, and give it a new stream URL. The URL with its secret token is in the answer this once only.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ReceiverService } from '../services/devices/receiver-service';
import { DeviceSchema, IdParam, WRITE } from './devices';

const CreateReceiver = z
  .object({ name: text(100), address: text(200).nullable().optional(), groupId: z.number().int().positive() })
  .strict()
  .openapi('CreateReceiver');
const ReceiverAccess = z
  .object({
    device: DeviceSchema,
    access: z.object({ token: z.string(), mp3Path: z.string(), hlsPath: z.string() }),
  })
  .openapi('ReceiverAccess');

const tags = ['devices'];
const notZone = { 409: problemResponse('Not a stream zone, or not a receiver / Không phải vùng luồng hay bộ thu') };
const create = defineRoute(WRITE, {
  method: 'post', path: '/receivers', tags, summary: 'Add an IP receiver to a stream zone / Thêm bộ thu IP',
  request: { body: jsonBody(CreateReceiver) },
  responses: { 201: jsonOk(ReceiverAccess, 'Created'), ...errorResponses, 404: problemResponse('Unknown group'), ...notZone },
});
const rotate = defineRoute(WRITE, {
  method: 'post', path: '/{id}/rotate-stream', tags, summary: 'A new stream URL; the old one stops / Đổi địa chỉ luồng',
  request: { params: IdParam },
  responses: { 200: jsonOk(ReceiverAccess), ...errorResponses, 404: problemResponse('No such device'), ...notZone },
});

export function receiverRoutes(deps: { receivers: ReceiverService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(create, async (c) => c.json(await deps.receivers.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(rotate, async (c) => c.json(await deps.receivers.rotate(actorOf(c), c.req.valid('param').id), 200));
}
