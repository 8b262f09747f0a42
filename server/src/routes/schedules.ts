// /api/schedules — schedule entries (what, where, when, class) and the conflicts report.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ScheduleService } from '../services/scheduling/schedule-service';
import type { Conflict } from '../services/scheduling/timeline-conflicts';
import type { PlayNowService } from '../services/scheduling/play-now';
import { ClockWindowSchema, DeviceKindSchema, IdParam, READ } from './devices';

const WRITE = PERMISSIONS['schedules.write'];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD / date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'Ngày không tồn tại / no such date');
const CalendarWhen = z
  .object({
    dateFrom: date,
    dateTo: date,
    daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    windows: z.array(ClockWindowSchema).min(1).max(48),
  })
  .strict()
  .openapi('CalendarWhen');
const RruleWhen = z
  .object({ rrule: z.string().min(1).max(2000), durationMin: z.number().min(0).max(1440) })
  .strict()
  .openapi('RruleWhen');
const When = z.union([CalendarWhen, RruleWhen]);
const ids = z.array(z.number().int().positive()).max(10_000);
const Target = z
  .object({ deviceIds: ids.default([]), groupIds: ids.default([]), kinds: z.array(DeviceKindSchema).max(3).default([]) })
  .strict()
  .openapi('ScheduleTarget');
const ScheduleClass = z.enum(['priority', 'normal', 'ads', 'fallback']);
const fields = {
  name: text(200, 0).optional(),
  class: ScheduleClass,
  contentId: z.number().int().positive().optional(),
  playlistId: z.number().int().positive().optional(),
  /** A relay (tiếp âm) of this approved relay source, on loudspeakers and stream zones, in the entry's windows. */
  relaySourceId: z.number().int().positive().optional(),
  target: Target,
  when: When,
  adShare: z.number().gt(0).max(1).nullable().optional(),
  adPlaysPerHour: z.number().int().min(1).max(360).nullable().optional(),
  order: z.number().int().min(-1000).max(1000).optional(),
};
const oneWhat = {
  message: 'Chọn đúng một: contentId, playlistId hoặc relaySourceId / give exactly one of contentId, playlistId or relaySourceId',
};
const named = (b: { contentId?: number; playlistId?: number; relaySourceId?: number }) =>
  [b.contentId, b.playlistId, b.relaySourceId].filter((v) => v !== undefined).length;
const CreateSchedule = z
  .object(fields)
  .strict()
  .refine((b) => named(b) === 1, oneWhat)
  .openapi('CreateSchedule');
const PatchSchedule = z
  .object({ ...fields, class: ScheduleClass.optional(), target: Target.optional(), when: When.optional() })
  .strict()
  .refine((b) => named(b) <= 1, oneWhat)
  .openapi('PatchSchedule');

const PlayNow = z
  .object({
    contentId: z.number().int().positive(),
    target: z.object({ deviceIds: ids.default([]), groupIds: ids.default([]) }).strict(),
    repeat: z.number().int().min(1).max(10).default(1),
    intervalMin: z.number().int().min(1).max(120).default(5),
  })
  .strict()
  .openapi('PlayNow');

const ScheduleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    class: ScheduleClass,
    contentId: z.number().int().nullable(),
    playlistId: z.number().int().nullable(),
    relaySourceId: z.number().int().nullable(),
    target: z.object({ deviceIds: z.array(z.number()), groupIds: z.array(z.number()), kinds: z.array(DeviceKindSchema) }),
    when: When,
    adShare: z.number().nullable(),
    adPlaysPerHour: z.number().nullable(),
    order: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Schedule');
const ConflictSchema = z
  .object({
    type: z.enum(['speaker_slot_overfull', 'ads_over_share', 'content_expires', 'fallback_only', 'never_plays']),
    scheduleIds: z.array(z.number()),
    deviceId: z.number().nullable(),
    contentId: z.number().nullable(),
    at: z.string().nullable(),
    message: z.object({ vi: z.string(), en: z.string() }),
  })
  .openapi('ScheduleConflict');
const ConflictsSchema = z.object({ from: z.string(), to: z.string(), conflicts: z.array(ConflictSchema) }).openapi('ScheduleConflicts');

const tags = ['schedules'];
const notFound = { 404: problemResponse('No such schedule / Không có lịch phát') };
const refused = { 422: problemResponse('Refused: the entry could never play or breaks a rule / Bị từ chối') };
const list = defineRoute(READ, { method: 'get', path: '/', tags, summary: 'List schedules / Danh sách lịch phát', responses: { 200: jsonOk(z.array(ScheduleSchema)), ...errorResponses } });
const conflicts = defineRoute(READ, {
  method: 'get', path: '/conflicts', tags, summary: 'Schedule conflicts / Xung đột lịch phát',
  responses: { 200: jsonOk(ConflictsSchema), ...errorResponses },
});
const get = defineRoute(READ, { method: 'get', path: '/{id}', tags, summary: 'One schedule', request: { params: IdParam }, responses: { 200: jsonOk(ScheduleSchema), ...errorResponses, ...notFound } });
const create = defineRoute(WRITE, {
  method: 'post', path: '/', tags, summary: 'Create a schedule / Tạo lịch phát',
  request: { body: jsonBody(CreateSchedule) },
  responses: { 201: jsonOk(ScheduleSchema, 'Created'), ...errorResponses, 404: problemResponse('Unknown playlist'), ...refused },
});
const playNow = defineRoute(WRITE, {
  method: 'post', path: '/play-now', tags, summary: 'Play an approved item now / Phát ngay',
  description: 'Creates a priority schedule entry starting now, repeated `repeat` times every `intervalMin` minutes.',
  request: { body: jsonBody(PlayNow) },
  responses: { 201: jsonOk(ScheduleSchema, 'Created'), ...errorResponses, 404: problemResponse('Unknown content'), ...refused },
});
const patch = defineRoute(WRITE, {
  method: 'patch', path: '/{id}', tags, summary: 'Change a schedule / Sửa lịch phát',
  request: { params: IdParam, body: jsonBody(PatchSchedule) },
  responses: { 200: jsonOk(ScheduleSchema), ...errorResponses, ...notFound, ...refused },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/{id}', tags, summary: 'Delete a schedule / Xoá lịch phát',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFound },
});

export function scheduleRoutes(deps: {
  schedules: ScheduleService;
  playNow: PlayNowService;
  conflicts: () => Promise<{ from: string; to: string; conflicts: Conflict[] }>;
  hook: HookFn;
}) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.schedules.list(), 200))
    .openapi(create, async (c) => c.json(await deps.schedules.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(playNow, async (c) => c.json(await deps.playNow.playNow(actorOf(c), c.req.valid('json')), 201))
    .openapi(conflicts, async (c) => c.json(await deps.conflicts(), 200))
    .openapi(get, async (c) => c.json(await deps.schedules.get(c.req.valid('param').id), 200))
    .openapi(patch, async (c) => c.json(await deps.schedules.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.schedules.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
