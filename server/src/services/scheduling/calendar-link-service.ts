// Secret subscription links for the group calendars: calendar apps cannot log in, so each group's feed is
// reachable at an unguessable URL derived from a server secret (HMAC), which staff copy from the dashboard.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/sqlite';
import { settingsRepo } from '../../repos/settings-repo';
import { AppError } from '../app-error';

const SECRET_KEY = 'calendar_link_secret';

export function createCalendarLinkService(deps: { db: Db; calendar: (groupId: number) => Promise<string> }) {
  let secret: Buffer | null = null;
  const loadSecret = async () => {
    if (secret) return secret;
    await settingsRepo.insertIfAbsent(deps.db, SECRET_KEY, randomBytes(32).toString('hex'));
    secret = Buffer.from((await settingsRepo.get(deps.db, SECRET_KEY))!, 'hex');
    return secret;
  };
  const keyFor = async (groupId: number) => createHmac('sha256', await loadSecret()).update(`calendar:${groupId}`).digest('hex').slice(0, 40);

  return {
    /** The path of a group's subscription feed; the caller has already checked the group exists. */
    async linkFor(groupId: number) {
      await deps.calendar(groupId); // 404 for an unknown group
      return { path: `/api/calendar/${groupId}-${await keyFor(groupId)}.ics` };
    },
    /** The feed behind a link, or 404 for any wrong key (never saying which part was wrong). */
    async feed(groupId: number, key: string) {
      const expected = Buffer.from(await keyFor(groupId));
      const given = Buffer.from(key);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError(404, 'not_found');
      return deps.calendar(groupId);
    },
  };
}
export type CalendarLinkService = ReturnType<typeof createCalendarLinkService>;
