// SQL for staff accounts and their roles.
import type { Queryable } from '../db/sqlite';
import type { Role } from '../domain/roles';

export type UserRow = {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
};

export const usersRepo = {
  findByUsername: (q: Queryable, username: string) =>
    q.get<UserRow>('SELECT * FROM users WHERE username = ?', [username]),
  findById: (q: Queryable, id: number) => q.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]),
  list: (q: Queryable) => q.all<UserRow>('SELECT * FROM users ORDER BY id'),
  count: async (q: Queryable) => (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))?.n ?? 0,
  insert: async (q: Queryable, u: { username: string; displayName: string; passwordHash: string; now: number }) =>
    (
      await q.run(
        'INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        [u.username, u.displayName, u.passwordHash, u.now, u.now],
      )
    ).lastID,
  updateDisplayName: (q: Queryable, id: number, name: string, now: number) =>
    q.run('UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?', [name, now, id]),
  updatePassword: (q: Queryable, id: number, hash: string, now: number) =>
    q.run('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?', [hash, now, id]),
  updateDisabled: (q: Queryable, id: number, disabled: boolean, now: number) =>
    q.run('UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?', [disabled ? 1 : 0, now, id]),
  rolesOf: async (q: Queryable, id: number) =>
    (await q.all<{ role: Role }>('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role', [id])).map((r) => r.role),
  allRoles: (q: Queryable) => q.all<{ user_id: number; role: Role }>('SELECT user_id, role FROM user_roles'),
  setRoles: async (q: Queryable, id: number, roles: readonly Role[]) => {
    await q.run('DELETE FROM user_roles WHERE user_id = ?', [id]);
    for (const r of roles) await q.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, r]);
  },
  countActiveAdmins: async (q: Queryable) =>
    (
      await q.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.disabled = 0",
      )
    )?.n ?? 0,
};
