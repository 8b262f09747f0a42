import { describe, expect, it } from 'vitest';
import type { TestCtx } from '../../test/support/context';
import { useTestContext } from '../../test/support/hooks';

let t: TestCtx;
useTestContext((c) => (t = c));

describe('/api/users', () => {
  it('lets an admin create a user who can then log in with those roles', async () => {
    const a = await t.login('admin');
    const res = await t.request('/api/users', {
      method: 'POST',
      ...a,
      body: JSON.stringify({ username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', password: 'mật-khẩu-dài-1', roles: ['editor', 'reviewer'] }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', roles: ['editor', 'reviewer'] });
    const s = await t.login('lan.nguyen', 'mật-khẩu-dài-1');
    const me = await (await t.request('/api/session', { cookie: s.cookie })).json();
    expect(me.user.roles.sort()).toEqual(['editor', 'reviewer']);
  });

  it('refuses a duplicate username with 409 and creates nothing', async () => {
    const a = await t.login('admin');
    const body = JSON.stringify({ username: 'ADMIN', displayName: 'x', password: 'long-enough-1', roles: ['viewer'] });
    const res = await t.request('/api/users', { method: 'POST', ...a, body });
    expect(res.status).toBe(409);
    expect((await t.users.list()).length).toBe(1);
  });

  it('rejects unknown fields, unknown roles and a short password', async () => {
    const a = await t.login('admin');
    for (const body of [
      { username: 'abc', displayName: 'x', password: 'long-enough-1', roles: ['viewer'], isAdmin: true },
      { username: 'abc', displayName: 'x', password: 'long-enough-1', roles: ['root'] },
      { username: 'abc', displayName: 'x', password: 'short', roles: ['viewer'] },
      { username: '../etc', displayName: 'x', password: 'long-enough-1', roles: ['viewer'] },
    ]) {
      const res = await t.request('/api/users', { method: 'POST', ...a, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
    }
    expect((await t.users.list()).length).toBe(1);
  });

  it('changes roles, and a disabled user or a new password ends that user’s sessions', async () => {
    const a = await t.login('admin');
    const e = await t.createUser('editor1', ['editor']);
    const users = await t.users.list();
    const id = users.find((u) => u.username === 'editor1')!.id;
    const res = await t.request(`/api/users/${id}`, { method: 'PATCH', ...a, body: JSON.stringify({ roles: ['viewer'] }) });
    expect((await res.json()).roles).toEqual(['viewer']);
    expect((await t.request('/api/session', { cookie: e.cookie })).status).toBe(200);
    await t.request(`/api/users/${id}`, { method: 'PATCH', ...a, body: JSON.stringify({ disabled: true }) });
    expect((await t.request('/api/session', { cookie: e.cookie })).status).toBe(401);
  });

  it('grants the announcer role beside editor, and every role at once', async () => {
    const a = await t.login('admin');
    await t.createUser('phatthanh', ['editor']);
    const id = (await t.users.list()).find((u) => u.username === 'phatthanh')!.id;
    const res = await t.request(`/api/users/${id}`, { method: 'PATCH', ...a, body: JSON.stringify({ roles: ['editor', 'announcer'] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()).roles as string[]).sort()).toEqual(['announcer', 'editor']);
    const all = ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer', 'announcer'];
    const every = await t.request(`/api/users/${id}`, { method: 'PATCH', ...a, body: JSON.stringify({ roles: all }) });
    expect(((await every.json()).roles as string[]).sort()).toEqual([...all].sort());
  });

  it('refuses to remove the admin role from the last administrator', async () => {
    const a = await t.login('admin');
    const res = await t.request('/api/users/1', { method: 'PATCH', ...a, body: JSON.stringify({ roles: ['viewer'] }) });
    expect(res.status).toBe(409);
    expect((await t.users.get(1)).roles).toEqual(['admin']);
  });

  it('answers 404 for an unknown user', async () => {
    const a = await t.login('admin');
    const res = await t.request('/api/users/999', { method: 'PATCH', ...a, body: JSON.stringify({ displayName: 'x' }) });
    expect(res.status).toBe(404);
  });

  it('audits every change with who, what and a summary', async () => {
    const a = await t.login('admin');
    await t.request('/api/users', {
      method: 'POST',
      ...a,
      body: JSON.stringify({ username: 'viewer1', displayName: 'Công an phường', password: 'long-enough-1', roles: ['viewer'] }),
    });
    const rows = (await (await t.request('/api/audit?limit=10', { cookie: a.cookie })).json()).rows;
    const create = rows.find((r: { action: string; actor: string }) => r.action === 'user.create' && r.actor === 'admin');
    expect(create.summary).toEqual({ username: 'viewer1', roles: ['viewer'] });
  });
});
