// /api/feedback — kiosk feedback (Góp ý). Phone numbers (kept only with consent, until their retention date)
// are shown to admin and editor only; other roles see that one exists.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { epochOf, eventLogQuery } from '../http/event-log-query';
import { defineRoute, errorResponses, jsonOk } from '../http/route';
import type { HookFn } from '../http/validation';
import type { FeedbackService } from '../services/reports/feedback-service';

const Item = z
  .object({
    eventId: z.string(),
    deviceId: z.number().int(),
    deviceName: z.string().nullable(),
    rating: z.number().int(),
    topic: z.string(),
    comment: z.string().nullable(),
    phone: z.string().nullable(),
    hasPhone: z.boolean(),
    retainUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Feedback');
const Query = z
  .object({
    ...eventLogQuery,
  })
  .strict();

const list = defineRoute('authenticated', {
  method: 'get',
  path: '/',
  tags: ['feedback'],
  summary: 'Kiosk feedback, newest first / Góp ý từ kiosk',
  request: { query: Query },
  responses: { 200: jsonOk(z.object({ feedback: z.array(Item) })), ...errorResponses },
});

export function feedbackRoutes(deps: { feedback: FeedbackService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook }).openapi(list, async (c) => {
    const q = c.req.valid('query');
    const roles = c.get('user')?.roles ?? [];
    const showPhone = roles.includes('admin') || roles.includes('editor');
    const feedback = await deps.feedback.list(
      { deviceId: q.deviceId, from: epochOf(q.from), to: epochOf(q.to), limit: q.limit },
      showPhone,
    );
    return c.json({ feedback }, 200);
  });
}
