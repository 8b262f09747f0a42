// /api/plays — proof of play (bằng chứng phát) for reports: what played where, when and why.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { epochOf, eventLogQuery } from '../http/event-log-query';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { PlayService } from '../services/reports/play-service';

const Play = z
  .object({
    eventId: z.string(),
    deviceId: z.number().int(),
    contentId: z.number().int().nullable(),
    versionId: z.number().int().nullable(),
    sha256: z.string().nullable(),
    class: z.string(),
    startedAt: z.string(),
    endedAt: z.string(),
    result: z.enum(['completed', 'interrupted', 'failed']),
  })
  .openapi('Play');
const Query = z
  .object({
    ...eventLogQuery,
    contentId: z.coerce.number().int().positive().optional(),
  })
  .strict();

const list = defineRoute('authenticated', {
  method: 'get',
  path: '/',
  tags: ['plays'],
  summary: 'Proof of play, newest first / Nhật ký phát',
  request: { query: Query },
  responses: { 200: jsonOk(z.object({ plays: z.array(Play) })), ...errorResponses },
});

export function playRoutes(deps: { plays: PlayService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(list, async (c) => {
    const q = c.req.valid('query');
    const plays = await deps.plays.list({
      deviceId: q.deviceId,
      contentId: q.contentId,
      from: epochOf(q.from),
      to: epochOf(q.to),
      limit: q.limit,
    });
    return c.json({ plays }, 200);
  });
}
