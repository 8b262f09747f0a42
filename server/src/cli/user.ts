// npm run user -- add|passwd|roles|list … — administer staff accounts without the dashboard.
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../domain/roles';
import { createAuditService } from '../services/accounts/audit-service';
import { createUserService } from '../services/accounts/user-service';
import { AppError } from '../services/app-error';
import { format } from '../http/messages';
import { openStore, runCli } from './common';

const USAGE = `Cách dùng / usage:
  npm run user -- list
  npm run user -- add USERNAME ROLE[,ROLE…] [--name "Tên hiển thị"] [--password P]
  npm run user -- passwd USERNAME [--password P]
  npm run user -- roles USERNAME ROLE[,ROLE…]
  npm run user -- disable|enable USERNAME
Roles / vai trò: ${ROLES.join(', ')}. Without --password a random one is generated and printed once.`;

function parseRoles(s: string | undefined): Role[] {
  const list = (s ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const bad = list.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!list.length || bad.length) throw new Error(`Vai trò không hợp lệ / invalid roles: ${bad.join(', ') || '(none)'}\n${USAGE}`);
  return list as Role[];
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

runCli(async () => {
  const [cmd, username, ...rest] = process.argv.slice(2);
  if (!cmd || cmd === 'help' || cmd === '--help') {
    process.stdout.write(USAGE + '\n');
    return cmd ? 0 : 64;
  }
  const { db } = await openStore();
  const audit = createAuditService({ db, clock: Date.now });
  const users = createUserService({ db, clock: Date.now, audit });
  const actor = { id: null, name: `cli:${process.env.USER ?? 'root'}` };
  const byName = async (name: string | undefined) => {
    const u = (await users.list()).find((x) => x.username.toLowerCase() === (name ?? '').toLowerCase());
    if (!u) throw new Error(`Không có người dùng / no such user: ${name ?? '(none)'}`);
    return u;
  };
  try {
    switch (cmd) {
      case 'list':
        for (const u of await users.list()) process.stdout.write(`${u.id}\t${u.username}\t${u.roles.join(',')}\t${u.disabled ? 'disabled' : 'active'}\t${u.displayName}\n`);
        return 0;
      case 'add': {
        if (!username) throw new Error(USAGE);
        const password = flag(rest, '--password') ?? randomBytes(12).toString('base64url');
        const u = await users.create(actor, { username, displayName: flag(rest, '--name') ?? username, password, roles: parseRoles(rest[0]) });
        process.stdout.write(`Đã tạo / created ${u.username} (${u.roles.join(',')})${flag(rest, '--password') ? '' : `, mật khẩu / password: ${password}`}\n`);
        return 0;
      }
      case 'passwd': {
        const u = await byName(username);
        const password = flag(rest, '--password') ?? randomBytes(12).toString('base64url');
        if (password.length < 10) throw new Error('Mật khẩu ít nhất 10 ký tự / password needs at least 10 characters');
        await users.update(actor, u.id, { password });
        process.stdout.write(`Đã đổi mật khẩu / password changed for ${u.username}${flag(rest, '--password') ? '' : `: ${password}`}\n`);
        return 0;
      }
      case 'roles': {
        const u = await byName(username);
        const after = await users.update(actor, u.id, { roles: parseRoles(rest[0]) });
        process.stdout.write(`${after.username}: ${after.roles.join(',')}\n`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const u = await byName(username);
        await users.update(actor, u.id, { disabled: cmd === 'disable' });
        process.stdout.write(`${u.username}: ${cmd}d\n`);
        return 0;
      }
      default:
        throw new Error(USAGE);
    }
  } catch (err) {
    if (err instanceof AppError) throw new Error(`${format(err.code, 'vi', err.params)} / ${format(err.code, 'en', err.params)}`);
    throw err;
  } finally {
    await db.close();
  }
});
