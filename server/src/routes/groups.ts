// /api/groups — device groups, their members, and each group's iCalendar feed of schedules.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { GroupService } from '../services/scheduling/group-service';
import { ClockWindowSchema, IdParam, READ, SlotsSchema, WRITE } from './devices';

const GroupSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    geocode: z.string().nullable(),
    broadcastSlots: z.array(ClockWindowSchema).nullable(),
    deviceIds: z.array(z.number().int()),
    createdAt: z.string(),
  })
  .openapi('DeviceGroup');
const deviceIds = z.array(z.number().int().positive()).max(10_000);
const fields = {
  name: text(100),
  description: text(500, 0).optional(),
  geocode: text(50).nullable().optional(),
  broadcastSlots: SlotsSchema.nullable().optional(),
  deviceIds: deviceIds.optional(),
};
const CreateGroup = z.object(fields).strict().openapi('CreateGroup');
const PatchGroup = z.object({ ...fields, name: fields.name.optional() }).strict().openapi('PatchGroup');
const Members = z.object({ deviceIds: deviceIds.min(1) }).strict().openapi('GroupMembers');
const MemberParam = IdParam.extend({ deviceId: z.coerce.number().int().positive().openapi({ param: { name: 'deviceId', in: 'path' } }) });

const tags = ['groups'];
const notFound = { 404: problemResponse('No such group / Không có nhóm') };
const list = defineRoute(READ, { method: 'get', path: '/', tags, summary: 'List groups / Danh sách nhóm', responses: { 200: jsonOk(z.array(GroupSchema)), ...errorResponses } });
const get = defineRoute(READ, { method: 'get', path: '/{id}', tags, summary: 'One group / Một nhóm', request: { params: IdParam }, responses: { 200: jsonOk(GroupSchema), ...errorResponses, ...notFound } });
const create = defineRoute(WRITE, {
  method: 'post', path: '/', tags, summary: 'Create a group / Tạo nhóm',
  request: { body: jsonBody(CreateGroup) },
  responses: { 201: jsonOk(GroupSchema, 'Created'), ...errorResponses, 404: problemResponse('Unknown device'), 409: problemResponse('Name taken') },
});
const patch = defineRoute(WRITE, {
  method: 'patch', path: '/{id}', tags, summary: 'Change a group / Sửa nhóm',
  request: { params: IdParam, body: jsonBody(PatchGroup) },
  responses: { 200: jsonOk(GroupSchema), ...errorResponses, ...notFound, 409: problemResponse('Name taken') },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/{id}', tags, summary: 'Delete a group / Xoá nhóm',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFound, 409: problemResponse('Used by schedules') },
});
const addMembers = defineRoute(WRITE, {
  method: 'post', path: '/{id}/members', tags, summary: 'Add devices to a group / Thêm thiết bị vào nhóm',
  request: { params: IdParam, body: jsonBody(Members) },
  responses: { 200: jsonOk(GroupSchema), ...errorResponses, ...notFound },
});
const removeMember = defineRoute(WRITE, {
  method: 'delete', path: '/{id}/members/{deviceId}', tags, summary: 'Remove a device from a group / Bỏ thiết bị khỏi nhóm',
  request: { params: MemberParam },
  responses: { 200: jsonOk(GroupSchema), ...errorResponses, ...notFound },
});
const calendar = defineRoute(READ, {
  method: 'get', path: '/{id}/calendar.ics', tags, summary: 'iCalendar feed of the group’s schedules / Lịch iCalendar của nhóm',
  request: { params: IdParam },
  responses: { 200: { description: 'RFC 5545 calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses, ...notFound },
});

export function groupRoutes(deps: { groups: GroupService; calendar: (groupId: number) => Promise<string>; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.groups.list(), 200))
    .openapi(create, async (c) => c.json(await deps.groups.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(calendar, async (c) => {
      const ics = await deps.calendar(c.req.valid('param').id);
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
    })
    .openapi(get, async (c) => c.json(await deps.groups.get(c.req.valid('param').id), 200))
    .openapi(patch, async (c) => c.json(await deps.groups.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.groups.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(addMembers, async (c) => c.json(await deps.groups.addMembers(actorOf(c), c.req.valid('param').id, c.req.valid('json').deviceIds), 200))
    .openapi(removeMember, async (c) => {
      const p = c.req.valid('param');
      return c.json(await deps.groups.removeMember(actorOf(c), p.id, p.deviceId), 200);
    });
}
