// /api/live-announcements — the log of live announcements (phát trực tiếp: who spoke, to which groups, when, how
// long, the recording as it went out) for every staff role, and the groups an announcer may speak to now.
// Speaking itself is the announce socket (/ws/announce).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { LiveAnnouncementService } from '../services/live/live-announcement-service';
import { READ } from './devices';

const Announcement = z
  .object({
    id: z.number().int(),
    class: z.enum(['priority', 'emergency']),
    title: z.string(),
    speaker: z.object({ id: z.number().int(), name: z.string() }),
    groups: z.array(z.object({ id: z.number().int(), name: z.string(), zone: z.boolean() })),
    startedAt: z.string(),
    onAirAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.enum(['stopped', 'dropped', 'max_duration', 'server_stopped', 'failed']).nullable(),
    durationMs: z.number().int().nullable(),
    speakers: z.number().int(),
    zones: z.number().int(),
    onAir: z.boolean(),
    recording: z.object({ sha256: z.string(), url: z.string(), size: z.number().int(), mime: z.literal('audio/mpeg') }).nullable(),
  })
  .openapi('LiveAnnouncement');

const Target = z
  .object({
    id: z.number().int(),
    name: z.string(),
    speakers: z.number().int(),
    zone: z.boolean(),
    busy: z.object({ by: z.string(), since: z.string() }).nullable(),
  })
  .openapi('LiveTarget');

const range = z.string().max(40).optional().openapi({ description: 'YYYY-MM-DD (local day, included) or an ISO instant' });

const list = defineRoute(READ, {
  method: 'get',
  path: '/',
  tags: ['live'],
  summary: 'Live announcements, newest first (default: the last 7 days) / Nhật ký phát trực tiếp',
  request: { query: z.object({ from: range, to: range }) },
  responses: { 200: jsonOk(z.object({ items: z.array(Announcement) })), ...errorResponses },
});

const targets = defineRoute(PERMISSIONS['live.announce'], {
  method: 'get',
  path: '/targets',
  tags: ['live'],
  summary: 'Groups an announcer may speak to, and who is on air to each / Nhóm có thể phát trực tiếp',
  responses: { 200: jsonOk(z.object({ groups: z.array(Target) })), ...errorResponses },
});

export function liveAnnouncementRoutes(deps: { live: LiveAnnouncementService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await deps.live.log(q.from, q.to) }, 200);
    })
    .openapi(targets, async (c) => c.json({ groups: await deps.live.targets() }, 200));
}
