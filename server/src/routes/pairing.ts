// /api/pairing — a player asks for a 6-digit code, staff claim it, the player collects its token once.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { PairingService } from '../services/devices/pairing-service';
import { clientIp } from './session';
import { CreateDevice, WRITE } from './devices';

const Code = z.string().regex(/^\d{6}$/, 'Mã gồm 6 chữ số / the code has 6 digits');
const CodeSchema = z.object({ code: z.string(), secret: z.string(), expiresAt: z.string() }).openapi('PairingCode');
const Claim = z
  .object({ code: Code, device: CreateDevice.optional(), deviceId: z.number().int().positive().optional() })
  .strict()
  .refine((b) => (b.device === undefined) !== (b.deviceId === undefined), { message: 'Cần đúng một trong device hoặc deviceId / give exactly one of device or deviceId' })
  .openapi('PairingClaim');
const TokenRequest = z.object({ code: Code, secret: z.string().min(10).max(100) }).strict().openapi('PairingTokenRequest');
const TokenSchema = z.object({ deviceId: z.number().int(), token: z.string() }).openapi('DeviceToken');
const DeviceRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).passthrough();

const tags = ['pairing'];
const tooMany = { 429: problemResponse('Too many attempts / Quá nhiều lần thử') };
const codes = defineRoute('public', {
  method: 'post', path: '/codes', tags, summary: 'A player asks for a pairing code / Trình phát xin mã ghép nối',
  responses: { 201: jsonOk(CodeSchema, 'Created'), ...tooMany },
});
const claim = defineRoute(WRITE, {
  method: 'post', path: '/claim', tags, summary: 'Claim a code for a device / Nhận mã cho thiết bị',
  request: { body: jsonBody(Claim) },
  responses: { 200: jsonOk(DeviceRef), ...errorResponses, 404: problemResponse('Unknown or expired code'), 409: problemResponse('Already claimed'), ...tooMany },
});
const token = defineRoute('public', {
  method: 'post', path: '/token', tags, summary: 'The player collects its device token, once / Trình phát nhận mã thiết bị',
  request: { body: jsonBody(TokenRequest) },
  responses: {
    200: jsonOk(TokenSchema),
    400: errorResponses[400],
    404: problemResponse('Unknown or expired code'),
    409: problemResponse('Not claimed yet, or token already delivered'),
    ...tooMany,
  },
});

export function pairingRoutes(deps: { pairing: PairingService; trustProxy: boolean; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(codes, async (c) => c.json(await deps.pairing.requestCode(clientIp(c, deps.trustProxy)), 201))
    .openapi(claim, async (c) => c.json(await deps.pairing.claim(actorOf(c), c.req.valid('json')), 200))
    .openapi(token, async (c) => c.json(await deps.pairing.collectToken(clientIp(c, deps.trustProxy), c.req.valid('json')), 200));
}
