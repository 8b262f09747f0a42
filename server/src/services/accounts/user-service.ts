// Staff account administration; every change is audited in the same transaction.
import type { Db, Queryable } from '../../db/sqlite';
import { usersRepo, type UserRow } from '../../repos/users-repo';
import { sessionsRepo } from '../../repos/sessions-repo';
import type { Role } from '../../domain/roles';
import { AppError } from '../app-error';
import { hashPassword } from './password';
import type { Actor, AuditService } from './audit-service';

export type UserView = { id: number; username: string; displayName: string; roles: Role[]; disabled: boolean; createdAt: string };

const toView = (u: UserRow, roles: Role[]): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles,
  disabled: u.disabled === 1,
  createdAt: new Date(u.created_at).toISOString(),
});

export function createUserService(deps: { db: Db; clock: () => number; audit: AuditService }) {
  const view = async (q: Queryable, id: number) => {
    const u = await usersRepo.findById(q, id);
    if (!u) throw new AppError(404, 'user_not_found');
    return toView(u, await usersRepo.rolesOf(q, id));
  };

  return {
    async list(): Promise<UserView[]> {
      const [users, roles] = await Promise.all([usersRepo.list(deps.db), usersRepo.allRoles(deps.db)]);
      return users.map((u) => toView(u, roles.filter((r) => r.user_id === u.id).map((r) => r.role)));
    },

    get: (id: number) => view(deps.db, id),

    async create(actor: Actor, input: { username: string; displayName: string; password: string; roles: Role[] }) {
      const username = input.username.normalize('NFC');
      const passwordHash = await hashPassword(input.password);
      return deps.db.transaction(async (tx) => {
        if (await usersRepo.findByUsername(tx, username)) throw new AppError(409, 'username_taken', { username });
        const id = await usersRepo.insert(tx, { username, displayName: input.displayName.normalize('NFC'), passwordHash, now: deps.clock() });
        await usersRepo.setRoles(tx, id, [...new Set(input.roles)]);
        await deps.audit.append(tx, actor, { action: 'user.create', target: `user:${id}`, summary: { username, roles: input.roles } });
        return view(tx, id);
      });
    },

    async update(actor: Actor, id: number, patch: { displayName?: string; password?: string; roles?: Role[]; disabled?: boolean }) {
      const passwordHash = patch.password ? await hashPassword(patch.password) : null;
      return deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        const now = deps.clock();
        if (patch.displayName !== undefined) await usersRepo.updateDisplayName(tx, id, patch.displayName.normalize('NFC'), now);
        if (passwordHash) await usersRepo.updatePassword(tx, id, passwordHash, now);
        if (patch.roles) await usersRepo.setRoles(tx, id, [...new Set(patch.roles)]);
        if (patch.disabled !== undefined) await usersRepo.updateDisabled(tx, id, patch.disabled, now);
        if (before.roles.includes('admin') && (await usersRepo.countActiveAdmins(tx)) === 0) throw new AppError(409, 'last_admin');
        // A new password or a disabled account ends every open session of that user.
        if (passwordHash || patch.disabled) await sessionsRepo.deleteForUser(tx, id);
        const after = await view(tx, id);
        const summary: Record<string, unknown> = {};
        if (patch.displayName !== undefined) summary.displayName = [before.displayName, after.displayName];
        if (patch.roles) summary.roles = [before.roles, after.roles];
        if (patch.disabled !== undefined) summary.disabled = [before.disabled, after.disabled];
        if (passwordHash) summary.password = 'changed';
        await deps.audit.append(tx, actor, { action: 'user.update', target: `user:${id}`, summary });
        return after;
      });
    },

    /** First start: create `admin` with the given password when the database has no user at all. */
    async ensureAdmin(password: string): Promise<boolean> {
      if ((await usersRepo.count(deps.db)) > 0) return false;
      await this.create({ id: null, name: 'system' }, { username: 'admin', displayName: 'Quản trị viên', password, roles: ['admin'] });
      return true;
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
