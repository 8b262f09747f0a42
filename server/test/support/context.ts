// Integration-test helpers: a real server composition on a fresh temporary data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { compose } from '../../src/main';
import { createLogger } from '../../src/log';
import type { Role } from '../../src/domain/roles';
import type { ZoneAudioSource } from '../../src/streams/source';

export type TestCtx = Awaited<ReturnType<typeof createTestContext>>;

export async function createTestContext(opts: { env?: Record<string, string>; clock?: () => number; zoneAudio?: ZoneAudioSource } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-test-'));
  const config = loadConfig({ BANTIN_DATA_DIR: dataDir, BANTIN_ADMIN_PASSWORD: 'admin-password-1', ...opts.env });
  const ctx = await compose(config, { log: createLogger('silent'), clock: opts.clock, zoneAudio: opts.zoneAudio });
  await ctx.seedAdmin();
  const passwords = new Map<string, string>([['admin', 'admin-password-1']]);

  /** Sends a request to the app like a browser on the same origin would. */
  const request = (p: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.csrf) headers.set('x-csrf-token', init.csrf);
    if (init.body && typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return ctx.app.request(`http://localhost${p}`, { ...init, headers });
  };

  const login = async (username: string, password = passwords.get(username) ?? '') => {
    const res = await request('/api/session', { method: 'POST', body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const body = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: body.csrfToken };
  };

  const createUser = async (username: string, roles: Role[]) => {
    const password = `${username}-password-1`;
    await ctx.users.create({ id: null, name: 'test' }, { username, displayName: username, password, roles });
    passwords.set(username, password);
    return login(username, password);
  };

  const cleanup = async () => {
    await ctx.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...ctx, dataDir, request, login, createUser, cleanup };
}
