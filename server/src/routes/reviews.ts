// /api/reviews — the review queue and decisions (culture–social office: reviewer; economic office: ad_reviewer).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ReviewService } from '../services/content/review-service';
import { Version } from './content';

const Decide = z
  .object({ versionId: z.number().int().positive(), decision: z.enum(['approve', 'reject', 'revoke']), reason: text(1000).optional() })
  .strict()
  .openapi('ReviewDecision');

const deciders = PERMISSIONS['review.decide'];
const queue = defineRoute(PERMISSIONS['review.queue'], {
  method: 'get',
  path: '/',
  tags: ['reviews'],
  summary: 'Submissions waiting for my decision / Hàng chờ duyệt',
  responses: { 200: jsonOk(z.array(z.object({ kind: z.enum(['message', 'clip', 'ad', 'quiz']), version: Version }))), ...errorResponses },
});
const decide = defineRoute(deciders, {
  method: 'post',
  path: '/',
  tags: ['reviews'],
  summary: 'Approve, reject (with a reason) or revoke / Duyệt, từ chối, thu hồi',
  request: { body: jsonBody(Decide) },
  responses: { 200: jsonOk(Version), ...errorResponses, 404: problemResponse('No such version'), 409: problemResponse('Wrong state or integrity') },
});

export function reviewRoutes(deps: { reviews: ReviewService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(queue, async (c) => c.json(await deps.reviews.queue(c.var.user!.roles), 200))
    .openapi(decide, async (c) => c.json(await deps.reviews.decide({ ...actorOf(c), roles: c.var.user!.roles }, c.req.valid('json')), 200));
}
