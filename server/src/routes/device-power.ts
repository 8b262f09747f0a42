// /api/devices/{id}/power — staff wake a screen (LED, kiosk) outside its operating hours or put it to sleep
// inside them for a while, or hand it back to its hours. Audited; the screen's timeline is recompiled.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import { POWER_MINUTES, type DeviceService } from '../services/devices/device-service';
import { DeviceSchema, IdParam } from './devices';

export const PowerRequestSchema = z
  .object({
    /** awake: on (bật màn hình); asleep: black (tắt màn hình); schedule: back to the operating hours. */
    state: z.enum(['awake', 'asleep', 'schedule']),
    /** How long from now (awake, asleep); default 60. */
    minutes: z.number().int().min(POWER_MINUTES.min).max(POWER_MINUTES.max).optional(),
  })
  .strict()
  .openapi('PowerRequest');

const power = defineRoute(PERMISSIONS['devices.command'], {
  method: 'post',
  path: '/{id}/power',
  tags: ['devices'],
  summary: 'Wake a screen, put it to sleep, or back to its hours / Bật, tắt màn hình hoặc theo giờ hoạt động',
  request: { params: IdParam, body: jsonBody(PowerRequestSchema) },
  responses: {
    200: jsonOk(DeviceSchema, 'The device with its power override'),
    ...errorResponses,
    404: problemResponse('No such device / Không có thiết bị'),
  },
});

export function devicePowerRoutes(deps: { devices: DeviceService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(power, async (c) =>
    c.json(await deps.devices.setPower(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
