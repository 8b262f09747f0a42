// /api/device — HTTP for paired devices, authorised by the device token (Authorization: Bearer <token>, or
// ?token= where a media element cannot set headers). Media are immutable by sha256: cached for a year.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { sendFile } from '../http/send-file';
import type { DeviceMediaService } from '../services/devices/device-media-service';

const Me = z.object({ id: z.number().int(), kind: z.string(), name: z.string() }).openapi('DeviceIdentity');
const ShaParam = z.object({ sha256: z.string().max(64).openapi({ param: { name: 'sha256', in: 'path' } }) });
const TokenQuery = z.object({ token: z.string().max(200).optional() });

const me = defineRoute('device', {
  method: 'get',
  path: '/me',
  tags: ['device'],
  summary: 'Which device this token belongs to / Thiết bị của mã này (players check their token with it)',
  responses: { 200: jsonOk(Me), ...errorResponses },
});
const media = defineRoute('device', {
  method: 'get',
  path: '/media/{sha256}',
  tags: ['device'],
  summary: 'A media file of this device’s timeline or active alerts / Tệp trong lịch phát của thiết bị',
  request: { params: ShaParam, query: TokenQuery },
  responses: {
    200: { description: 'The file (Range requests answered with 206)', content: { 'application/octet-stream': { schema: z.string() } } },
    ...errorResponses,
    404: problemResponse('Not in this device’s timeline / Không thuộc lịch phát của thiết bị'),
  },
});

export function deviceApiRoutes(deps: { deviceMedia: DeviceMediaService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(me, (c) => c.json(c.get('device')!, 200))
    .openapi(media, async (c) => {
      const file = await deps.deviceMedia.fileFor(c.get('device')!, c.req.valid('param').sha256);
      // sendFile marks it `private`: the bytes behind a sha256 never change, so the device keeps them for a
      // year, but a shared cache must not, or it would hand a file to requests the server would refuse (another
      // device, a revoked token, a version withdrawn since).
      return sendFile(c, file) as never;
    });
}
