// /api/relay-sources — relay sources (nguồn tiếp âm): external streams admins keep, reviewers approve; the
// URL of each passes the SSRF guard before it is saved.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { RelaySourceService } from '../services/relays/relay-source-service';
import { IdParam, READ } from './devices';

const MANAGE = PERMISSIONS['relays.manage'];
const REVIEW = PERMISSIONS['review.content'];

const Url = z.string().min(1).max(2048).openapi({ description: 'http:// or https:// stream (Icecast MP3/AAC, HLS .m3u8)' });
const SourceInput = z
  .object({
    name: text(100),
    url: Url,
    allowPrivate: z.boolean().optional().openapi({ description: 'Allow private and loopback addresses (a LAN Icecast). Default false; on PUT, omitted keeps the current value.' }),
  })
  .strict()
  .openapi('RelaySourceInput');
const Person = z.object({ id: z.number().int(), name: z.string() }).openapi('RelayPerson');
const SourceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    allowPrivate: z.boolean(),
    state: z.enum(['submitted', 'approved', 'rejected']),
    approved: z.object({ url: z.string(), allowPrivate: z.boolean(), by: Person.nullable(), at: z.string() }).nullable(),
    createdBy: Person.nullable(),
    createdAt: z.string(),
    submittedBy: Person.nullable(),
    submittedAt: z.string(),
    decidedBy: Person.nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('RelaySource');
const Decision = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().max(500).optional(),
    url: z.string().max(2048).optional().openapi({ description: 'The URL the reviewer saw; refused (409) when the source has changed since' }),
  })
  .strict()
  .openapi('RelaySourceDecision');

const tags = ['relay-sources'];
const notFound = { 404: problemResponse('No such relay source / Không có nguồn tiếp âm') };
const refused = { 422: problemResponse('The URL is refused (scheme, private address, unresolvable…) / Địa chỉ bị từ chối') };
const taken = { 409: problemResponse('The name is taken, or the source changed meanwhile') };
const list = defineRoute(READ, { method: 'get', path: '/', tags, summary: 'Relay sources / Nguồn tiếp âm', responses: { 200: jsonOk(z.array(SourceSchema)), ...errorResponses } });
const get = defineRoute(READ, { method: 'get', path: '/{id}', tags, summary: 'One relay source', request: { params: IdParam }, responses: { 200: jsonOk(SourceSchema), ...errorResponses, ...notFound } });
const create = defineRoute(MANAGE, {
  method: 'post', path: '/', tags, summary: 'Add a relay source (it waits for review) / Thêm nguồn tiếp âm',
  request: { body: jsonBody(SourceInput) },
  responses: { 201: jsonOk(SourceSchema, 'Created'), ...errorResponses, ...taken, ...refused },
});
const update = defineRoute(MANAGE, {
  method: 'put', path: '/{id}', tags, summary: 'Change a relay source (a new URL waits for review; the approved one stays on air) / Sửa nguồn tiếp âm',
  request: { params: IdParam, body: jsonBody(SourceInput) },
  responses: { 200: jsonOk(SourceSchema), ...errorResponses, ...notFound, ...taken, ...refused },
});
const remove = defineRoute(MANAGE, {
  method: 'delete', path: '/{id}', tags, summary: 'Delete a relay source / Xoá nguồn tiếp âm',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFound },
});
const decide = defineRoute(REVIEW, {
  method: 'post', path: '/{id}/decision', tags, summary: 'Approve or reject a relay source / Duyệt nguồn tiếp âm',
  request: { params: IdParam, body: jsonBody(Decision) },
  responses: {
    200: jsonOk(SourceSchema),
    ...errorResponses,
    ...notFound,
    409: problemResponse('Not waiting for review, or changed meanwhile'),
    422: problemResponse('A rejection needs a reason'),
  },
});

export function relaySourceRoutes(deps: { relaySources: RelaySourceService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.relaySources.list(), 200))
    .openapi(get, async (c) => c.json(await deps.relaySources.get(c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await deps.relaySources.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(update, async (c) => c.json(await deps.relaySources.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.relaySources.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(decide, async (c) => c.json(await deps.relaySources.decide(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200));
}
