// /api/layouts — screen layouts: regions on a canvas, versioned, approved by a reviewer, assigned to screens.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { LAYOUT_ORIENTATIONS, PERMISSIONS, REGION_KINDS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { LayoutService } from '../services/layouts/layout-service';
import { IdParam, READ } from './devices';

const WRITE = PERMISSIONS['devices.write'];
const REVIEW = PERMISSIONS['review.content'];

const px = z.number().int().min(0).max(7680);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');
const RegionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'region id: a–z, 0–9 and -, up to 32'),
    kind: z.enum(REGION_KINDS),
    x: px,
    y: px,
    w: px,
    h: px,
    z: z.number().int().min(0).max(100),
    style: z.object({ color: Colour.optional(), background: Colour.optional(), fontPx: z.number().int().min(8).max(4000).optional(), speed: z.number().int().min(1).max(40).optional() }).strict().optional(),
    contentId: z.number().int().positive().optional(),
  })
  .strict()
  .openapi('LayoutRegion');
const BodyFields = {
  orientation: z.enum(LAYOUT_ORIENTATIONS),
  width: z.number().int().min(64).max(7680),
  height: z.number().int().min(64).max(7680),
  regions: z.array(RegionSchema).min(1).max(12),
};
const LayoutInput = z.object({ name: text(100), ...BodyFields }).strict().openapi('LayoutInput');
const VersionSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    state: z.enum(['submitted', 'approved', 'rejected', 'superseded']),
    body: z.object(BodyFields),
    sha256: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('LayoutVersion');
const LayoutSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    system: z.boolean(),
    approved: VersionSchema.nullable(),
    latest: VersionSchema.nullable(),
    assigned: z.object({ devices: z.number().int(), groups: z.number().int() }),
  })
  .openapi('Layout');
const LayoutDetail = LayoutSchema.extend({ versions: z.array(VersionSchema) }).openapi('LayoutDetail');
const Decision = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(500).optional() }).strict().openapi('LayoutDecision');
const Assign = z
  .object({ layoutId: z.number().int().positive().nullable(), deviceId: z.number().int().positive().optional(), groupId: z.number().int().positive().optional() })
  .strict()
  .refine((a) => (a.deviceId === undefined) !== (a.groupId === undefined), { message: 'give exactly one of deviceId, groupId' })
  .openapi('LayoutAssign');
const AssignmentSchema = z
  .object({ layoutId: z.number().int(), deviceId: z.number().int().nullable(), groupId: z.number().int().nullable(), assignedAt: z.string() })
  .openapi('LayoutAssignment');
const VersionParam = IdParam.extend({ versionId: z.coerce.number().int().positive().openapi({ param: { name: 'versionId', in: 'path' } }) });

const tags = ['layouts'];
const notFound = { 404: problemResponse('No such layout / Không có bố cục') };
const invalid = { 422: problemResponse('The layout breaks a rule / Bố cục không hợp lệ') };
const list = defineRoute(READ, { method: 'get', path: '/', tags, summary: 'Screen layouts / Bố cục màn hình', responses: { 200: jsonOk(z.array(LayoutSchema)), ...errorResponses } });
const assignments = defineRoute(READ, {
  method: 'get', path: '/assignments', tags, summary: 'Which device or group shows which layout',
  responses: { 200: jsonOk(z.array(AssignmentSchema)), ...errorResponses },
});
const get = defineRoute(READ, { method: 'get', path: '/{id}', tags, summary: 'One layout with its versions', request: { params: IdParam }, responses: { 200: jsonOk(LayoutDetail), ...errorResponses, ...notFound } });
const create = defineRoute(WRITE, {
  method: 'post', path: '/', tags, summary: 'Create a layout (its first version waits for review) / Tạo bố cục',
  request: { body: jsonBody(LayoutInput) },
  responses: { 201: jsonOk(LayoutSchema, 'Created'), ...errorResponses, ...invalid },
});
const update = defineRoute(WRITE, {
  method: 'put', path: '/{id}', tags, summary: 'Change a layout (a new version waits for review) / Sửa bố cục',
  request: { params: IdParam, body: jsonBody(LayoutInput) },
  responses: { 200: jsonOk(LayoutSchema), ...errorResponses, ...notFound, ...invalid, 409: problemResponse('A starter layout') },
});
const decide = defineRoute(REVIEW, {
  method: 'post', path: '/{id}/versions/{versionId}/decision', tags, summary: 'Approve or reject a layout version / Duyệt bố cục',
  request: { params: VersionParam, body: jsonBody(Decision) },
  responses: { 200: jsonOk(LayoutSchema), ...errorResponses, ...notFound, 409: problemResponse('Not waiting for review'), 422: problemResponse('A rejection needs a reason') },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/{id}', tags, summary: 'Delete a layout / Xoá bố cục',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFound, 409: problemResponse('Assigned, or a starter layout') },
});
const assign = defineRoute(WRITE, {
  method: 'put', path: '/assignments', tags, summary: 'Set or clear the layout of a device or a group / Gán bố cục',
  request: { body: jsonBody(Assign) },
  responses: { 204: { description: 'Assigned' }, ...errorResponses, 404: problemResponse('No such layout, device or group'), 422: problemResponse('Not a screen') },
});

export function layoutRoutes(deps: { layouts: LayoutService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.layouts.list(), 200))
    .openapi(assignments, async (c) => c.json(await deps.layouts.assignments(), 200))
    .openapi(assign, async (c) => {
      const { layoutId, deviceId, groupId } = c.req.valid('json');
      await deps.layouts.assign(actorOf(c), deviceId !== undefined ? { deviceId } : { groupId: groupId! }, layoutId);
      return c.body(null, 204);
    })
    .openapi(create, async (c) => c.json(await deps.layouts.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(get, async (c) => c.json(await deps.layouts.get(c.req.valid('param').id), 200))
    .openapi(update, async (c) => c.json(await deps.layouts.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(decide, async (c) => {
      const { id, versionId } = c.req.valid('param');
      return c.json(await deps.layouts.decide(actorOf(c), id, versionId, c.req.valid('json')), 200);
    })
    .openapi(remove, async (c) => {
      await deps.layouts.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
