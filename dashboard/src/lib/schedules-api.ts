// Schedules, playlists and the conflict report, typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, noContent } from './api';

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
  return await answer(schedules.$get(), 200);
}

export async function createSchedule(input: CreateScheduleInput): Promise<Schedule> {
  return await answer(schedules.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function patchSchedule(id: number, patch: PatchScheduleInput): Promise<Schedule> {
  return await answer(scheduleById.$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() }), 200);
}

export async function deleteSchedule(id: number): Promise<void> {
  await noContent(scheduleById.$delete({ param: { id: String(id) } }, { headers: csrfHeaders() }));
}

export async function scheduleConflicts(): Promise<ConflictReport> {
  return await answer(schedules.conflicts.$get(), 200);
}
