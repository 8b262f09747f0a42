// /api/devices/{id}/commands — staff send identify, reload, set volume or screenshot to a connected device.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import { CommandSchema } from '@bantin/protocol';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { DeviceCommandService } from '../services/devices/device-command-service';

const send = defineRoute(PERMISSIONS['devices.command'], {
  method: 'post',
  path: '/{id}/commands',
  tags: ['devices'],
  summary: 'Send a command to a connected device / Gửi lệnh tới thiết bị',
  request: {
    params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }),
    body: jsonBody(CommandSchema),
  },
  responses: {
    202: jsonOk(z.object({ commandId: z.string(), sent: z.literal(true) }), 'Sent; the device acknowledges over its socket'),
    ...errorResponses,
    404: problemResponse('No such device'),
    409: problemResponse('Device offline'),
  },
});

export function deviceCommandRoutes(deps: { commands: DeviceCommandService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(send, async (c) =>
    c.json(await deps.commands.send(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 202),
  );
}
