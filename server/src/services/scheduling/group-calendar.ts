// The iCalendar feed of the schedules that target one group, for staff calendars: loads the group and its
// schedules; the feed itself is written by domain/calendar/group-calendar.ts.
import type { Db } from '../../db/sqlite';
import { writeGroupCalendar } from '../../domain/calendar/group-calendar';
import { groupRepo } from '../../repos/group-repo';
import { scheduleRepo } from '../../repos/schedule-repo';
import { AppError } from '../app-error';
import { toScheduleView } from './schedule-service';

export function createGroupCalendar(deps: { db: Db; clock: () => number; tz: string }) {
  return async (groupId: number): Promise<string> => {
    const group = await groupRepo.findById(deps.db, groupId);
    if (!group) throw new AppError(404, 'group_not_found', { id: groupId });
    const entries = (await scheduleRepo.listTargetingGroup(deps.db, groupId)).map(toScheduleView);
    return writeGroupCalendar({ groupName: group.name, tz: deps.tz, now: deps.clock(), entries });
  };
}
