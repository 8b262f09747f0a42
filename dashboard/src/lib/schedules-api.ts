// Schedules, playlists and the conflict report, typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

// Playlists have their own module; the schedule form reads them from here too.
export { listPlaylists, type Playlist } from './playlists-api';

const schedules = client.api.schedules;
const scheduleById = schedules[':id'];

export type Schedule = InferResponseType<typeof schedules.$get, 200>[number];
export type ScheduleClass = Schedule['class'];
export type ScheduleWhen = Schedule['when'];
export type CalendarWhen = Extract<ScheduleWhen, { windows: unknown }>;
export type RruleWhen = Extract<ScheduleWhen, { rrule: string }>;
export type ClockWindow = CalendarWhen['windows'][number];
export type ScheduleTarget = Schedule['target'];
export type CreateScheduleInput = InferRequestType<typeof schedules.$post>['json'];
export type PatchScheduleInput = InferRequestType<typeof scheduleById.$patch>['json'];
export type ConflictReport = InferResponseType<typeof schedules.conflicts.$get, 200>;
export type Conflict = ConflictReport['conflicts'][number];

export const SCHEDULE_CLASSES: readonly ScheduleClass[] = ['priority', 'normal', 'ads', 'fallback'];

export async function listSchedules(): Promise<Schedule[]> {
  const res = await schedules.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function createSchedule(input: CreateScheduleInput): Promise<Schedule> {
  const res = await schedules.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

export async function patchSchedule(id: number, patch: PatchScheduleInput): Promise<Schedule> {
  const res = await scheduleById.$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function deleteSchedule(id: number): Promise<void> {
  const res = await scheduleById.$delete({ param: { id: String(id) } }, { headers: csrfHeaders() });
  if (res.status !== 204) throw await toApiError(res);
}

export async function scheduleConflicts(): Promise<ConflictReport> {
  const res = await schedules.conflicts.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}
