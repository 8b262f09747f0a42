// "Phát ngay" (play now): an approved item played at once on the chosen groups and devices, repeated N times.
// It becomes an ordinary schedule entry of class `priority` starting now, so the timeline, proof of play
// and the audit log show it like any other entry; the schedule service validates and saves it.
import type { Db } from '../../db/sqlite';
import { ZoneCalendar } from '../../domain/schedule/zone';
import { contentRepo } from '../../repos/content-repo';
import { AppError } from '../app-error';
import type { Actor } from '../accounts/audit-service';
import type { ScheduleService, ScheduleView } from './schedule-service';

export type PlayNowBody = {
  contentId: number;
  target: { groupIds: number[]; deviceIds: number[] };
  /** How many times it plays (1–10). */
  repeat: number;
  /** Minutes from the start of one play to the start of the next. */
  intervalMin: number;
};

/** Shortest occurrence, so a still image or a very short item still gets its own piece of the timeline. */
const MIN_PLAY_MS = 5_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RRULE text of N plays from `start`, written in wall-clock time of the zone as the compiler reads it. */
export function playNowRule(start: number, tz: string, repeat: number, intervalMin: number): string {
  const wall = new Date(start + new ZoneCalendar(tz).offsetAt(start));
  const stamp =
    `${wall.getUTCFullYear()}${pad(wall.getUTCMonth() + 1)}${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}${pad(wall.getUTCMinutes())}${pad(wall.getUTCSeconds())}`;
  return `DTSTART:${stamp}\nRRULE:FREQ=MINUTELY;INTERVAL=${intervalMin};COUNT=${repeat}`;
}

export function createPlayNowService(deps: { db: Db; clock: () => number; tz: string; schedules: ScheduleService }) {
  return {
    async playNow(actor: Actor, body: PlayNowBody): Promise<ScheduleView> {
      const content = await contentRepo.find(deps.db, body.contentId);
      if (!content) throw new AppError(404, 'content_not_found');
      const version = content.approved_version_id != null ? await contentRepo.version(deps.db, content.approved_version_id) : undefined;
      if (!version || version.state !== 'approved') throw new AppError(422, 'play_now_not_approved', { id: body.contentId });
      if (content.kind === 'ad') throw new AppError(422, 'play_now_ad', { id: body.contentId });
      // Whole seconds, rounded up: the first play starts within a second and never before the request.
      const start = Math.ceil(deps.clock() / 1000) * 1000;
      return deps.schedules.create(actor, {
        name: `Phát ngay: ${version.title}`.slice(0, 200),
        class: 'priority',
        contentId: body.contentId,
        target: { deviceIds: body.target.deviceIds, groupIds: body.target.groupIds, kinds: [] },
        when: {
          rrule: playNowRule(start, deps.tz, body.repeat, body.intervalMin),
          durationMin: Math.max(version.duration_ms, MIN_PLAY_MS) / 60_000,
        },
      });
    },
  };
}
export type PlayNowService = ReturnType<typeof createPlayNowService>;
