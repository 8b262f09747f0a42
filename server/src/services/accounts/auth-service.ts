// Login, server-side sessions with idle expiry, and login throttling per account and per IP.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/sqlite';
import { usersRepo } from '../../repos/users-repo';
import { sessionsRepo } from '../../repos/sessions-repo';
import { createThrottle } from '../../domain/throttle';
import { AppError } from '../app-error';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
import type { AuditService } from './audit-service';
import type { SessionUser } from '../../http/env';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOUCH_EVERY_MS = 60_000;

export function createAuthService(deps: {
  db: Db;
  clock: () => number;
  audit: AuditService;
  idleMs: number;
  throttle?: { perAccount: number; perIp: number; windowMs: number };
}) {
  const t = deps.throttle ?? { perAccount: 5, perIp: 20, windowMs: 15 * 60_000 };
  const byAccount = createThrottle({ max: t.perAccount, windowMs: t.windowMs });
  const byIp = createThrottle({ max: t.perIp, windowMs: t.windowMs });

  const loadUser = async (id: number): Promise<SessionUser | null> => {
    const row = await usersRepo.findById(deps.db, id);
    if (!row || row.disabled) return null;
    return { id: row.id, username: row.username, displayName: row.display_name, roles: await usersRepo.rolesOf(deps.db, id) };
  };

  return {
    async login(input: { username: string; password: string; ip: string; userAgent: string | null }) {
      const now = deps.clock();
      const accountKey = input.username.normalize('NFC').toLowerCase();
      const wait = Math.max(byAccount.retryAfter(accountKey, now), byIp.retryAfter(input.ip, now));
      if (wait > 0) throw new AppError(429, 'too_many_attempts', { seconds: Math.ceil(wait / 1000) }, { retryAfter: Math.ceil(wait / 1000) });

      const row = await usersRepo.findByUsername(deps.db, input.username.normalize('NFC'));
      // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
      const ok = await verifyPassword(input.password, row?.password_hash ?? (await DUMMY_HASH_PROMISE));
      if (!row || !ok || row.disabled) {
        byAccount.fail(accountKey, now);
        byIp.fail(input.ip, now);
        throw new AppError(401, 'bad_credentials');
      }
      byAccount.reset(accountKey);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await deps.db.transaction(async (tx) => {
        await sessionsRepo.insert(tx, {
          id: hashToken(token),
          user_id: row.id,
          csrf_token: csrfToken,
          created_at: now,
          last_seen_at: now,
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        });
        await deps.audit.append(tx, { id: row.id, name: row.username }, { action: 'session.login', target: `user:${row.id}`, summary: { ip: input.ip } });
      });
      const user = (await loadUser(row.id))!;
      return { token, csrfToken, user };
    },

    /** The session behind a cookie token, or null when unknown, idle too long or the user is disabled. */
    async resolve(token: string) {
      if (token.length > 200) return null;
      const id = hashToken(token);
      const s = await sessionsRepo.find(deps.db, id);
      if (!s) return null;
      const now = deps.clock();
      if (now - s.last_seen_at > deps.idleMs) {
        await sessionsRepo.delete(deps.db, id);
        return null;
      }
      const user = await loadUser(s.user_id);
      if (!user) return null;
      if (now - s.last_seen_at > TOUCH_EVERY_MS) await sessionsRepo.touch(deps.db, id, now);
      return { sessionId: id, csrfToken: s.csrf_token, user };
    },

    /** Whether a session still stands (not logged out, idle, or ended by a new password or a disabled account). Never extends it. */
    async alive(sessionId: string): Promise<boolean> {
      const s = await sessionsRepo.find(deps.db, sessionId);
      if (!s || deps.clock() - s.last_seen_at > deps.idleMs) return false;
      return (await loadUser(s.user_id)) !== null;
    },

    async logout(sessionId: string, user: SessionUser) {
      await deps.db.transaction(async (tx) => {
        await sessionsRepo.delete(tx, sessionId);
        await deps.audit.append(tx, { id: user.id, name: user.username }, { action: 'session.logout', target: `user:${user.id}`, summary: {} });
      });
    },

    purgeIdle: () => sessionsRepo.deleteIdleBefore(deps.db, deps.clock() - deps.idleMs),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
