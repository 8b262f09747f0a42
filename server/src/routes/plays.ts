// /api/plays — proof of play (bằng chứng phát) for reports: what played where, when and why.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { REGION_KINDS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { epochOf, eventLogQuery } from '../http/event-log-query';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { PlayService } from '../services/reports/play-service';
import type { AsRunService } from '../services/reports/as-run-service';
import { PlayRegionParam } from '../reports/schemas';

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
    region: z.enum(REGION_KINDS).openapi({ description: 'The layout region it was shown in (main: the programme, ticker: the scrolling line)' }),
  })
  .openapi('Play');
const AsRun = z
  .object({
    source: z.literal('as-run'),
    label: z.literal('phát thực tế (as-run)'),
    zoneId: z.number().int(),
    place: z.string(),
    contentId: z.number().int().nullable(),
    title: z.string(),
    reason: z.string(),
    startedAt: z.string(),
    endedAt: z.string(),
  })
  .openapi('AsRunEntry', { description: 'What a zone stream sent while a receiver listened (phát thực tế); the zone is the place.' });
const Query = z
  .object({
    ...eventLogQuery,
    contentId: z.coerce.number().int().positive().optional(),
    region: PlayRegionParam,
  })
  .strict();

const list = defineRoute('authenticated', {
  method: 'get',
  path: '/',
  tags: ['plays'],
  summary: 'Proof of play, newest first / Nhật ký phát',
  request: { query: Query },
  responses: { 200: jsonOk(z.object({ plays: z.array(Play), asRun: z.array(AsRun) })), ...errorResponses },
});

export function playRoutes(deps: { plays: PlayService; asRun: AsRunService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(list, async (c) => {
    const q = c.req.valid('query');
    const plays = await deps.plays.list({
      deviceId: q.deviceId,
      contentId: q.contentId,
      region: q.region,
      from: epochOf(q.from),
      to: epochOf(q.to),
      limit: q.limit,
    });
    // Zone streams have no device of their own: a device filter leaves them out; they have no ticker either.
    const asRun =
      q.deviceId === undefined && (q.region ?? 'main') === 'main' ? await deps.asRun.list({ contentId: q.contentId, from: epochOf(q.from), to: epochOf(q.to), limit: q.limit }) : [];
    return c.json({ plays, asRun }, 200);
  });
}
