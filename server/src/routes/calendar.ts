// Group calendar subscription: GET /api/groups/{id}/calendar-link (staff) and the public secret feed
// GET /api/calendar/{id}-{key}.ics for calendar apps that cannot log in.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import type { CalendarLinkService } from '../services/scheduling/calendar-link-service';

const link = defineRoute('authenticated', {
  method: 'get',
  path: '/groups/{id}/calendar-link',
  tags: ['groups'],
  summary: 'Subscription link of a group calendar / Đường dẫn đăng ký lịch của nhóm',
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonOk(z.object({ path: z.string() })), ...errorResponses, 404: problemResponse('No such group') },
});
const feed = defineRoute('public', {
  method: 'get',
  path: '/calendar/{file}',
  tags: ['groups'],
  summary: 'Secret iCalendar feed for calendar apps / Lịch iCalendar cho ứng dụng lịch',
  request: {
    params: z.object({
      file: z.string().regex(/^\d{1,9}-[0-9a-f]{40}\.ics$/).openapi({ param: { name: 'file', in: 'path' }, example: '3-0123456789abcdef0123456789abcdef01234567.ics' }),
    }),
  },
  responses: { 200: { description: 'RFC 5545 calendar', content: { 'text/calendar': { schema: z.string() } } }, 400: errorResponses[400], 404: problemResponse('Unknown link') },
});

export function calendarRoutes(deps: { links: CalendarLinkService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(link, async (c) => c.json(await deps.links.linkFor(c.req.valid('param').id), 200))
    .openapi(feed, async (c) => {
      const [id, key] = c.req.valid('param').file.replace(/\.ics$/, '').split('-') as [string, string];
      const ics = await deps.links.feed(Number(id), key);
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' });
    });
}
