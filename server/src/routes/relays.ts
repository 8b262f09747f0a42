// /api/relays — relays on air now (tiếp âm) and their dead-air incidents (mất tín hiệu): which relay entries are
// being pulled, whether each is on air or falling back, and the outages of the last days, for every staff role.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { RelayIncidentView } from '../services/relays/relay-incidents';
import { READ } from './devices';

/** How far back the incident list reaches. */
const INCIDENT_DAYS = 7;

const OnAirSchema = z
  .object({
    relays: z.array(
      z.object({
        scheduleId: z.number().int(),
        name: z.string(),
        source: z.string(),
        feed: z.string(),
        onAir: z.boolean(),
        incidentOpen: z.boolean(),
      }),
    ),
    incidents: z.array(
      z.object({
        id: z.number().int(),
        scheduleId: z.number().int(),
        scheduleName: z.string(),
        sourceId: z.number().int(),
        sourceName: z.string(),
        reason: z.enum(['source_failed', 'silence']),
        detail: z.string().nullable(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('RelaysOnAir');

const onAir = defineRoute(READ, {
  method: 'get',
  path: '/on-air',
  tags: ['relays'],
  summary: 'Relays on air and their dead-air incidents / Tiếp âm đang phát và sự cố mất tín hiệu',
  responses: { 200: jsonOk(OnAirSchema), ...errorResponses },
});

export type RelayStatus = {
  status(): { scheduleId: number; name: string; source: string; feed: string; onAir: boolean; incidentOpen: boolean }[];
};

export function relayRoutes(deps: {
  clock: () => number;
  relayEngine: RelayStatus | null;
  incidents: (from: number, to: number) => Promise<RelayIncidentView[]>;
  hook: HookFn;
}) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(onAir, async (c) => {
    const now = deps.clock();
    const incidents = await deps.incidents(now - INCIDENT_DAYS * 86_400_000, now + 1);
    return c.json(
      {
        relays: (deps.relayEngine?.status() ?? []).map(({ scheduleId, name, source, feed, onAir, incidentOpen }) => ({
          scheduleId,
          name,
          source,
          feed,
          onAir,
          incidentOpen,
        })),
        incidents,
      },
      200,
    );
  });
}
