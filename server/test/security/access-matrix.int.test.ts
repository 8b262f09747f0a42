// Table-driven role matrix: every API route × every role (and no session). A route missing from the
// table fails the test, so a new route cannot ship without a decision about who may call it. The table
// (with the routes outside /api and the WebSocket paths) is in security-access/route-table.ts; the
// network-level checks of those are in security-access/entry-points.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { ROLES, type Role } from '../../src/domain/roles';
import { createHash, randomBytes } from 'node:crypto';
import { deviceRepo } from '../../src/repos/device-repo';
import { MATRIX, OTHER_ROUTES } from './route-table';

let t: TestCtx;
const sessions = new Map<Role, { cookie: string; csrf: string }>();
const deviceToken = randomBytes(32).toString('base64url');
beforeAll(async () => {
  t = await createTestContext();
  for (const role of ROLES) sessions.set(role, await t.createUser(`u-${role.replace('_', '-')}`, [role]));
});
const urlOf = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => (name === 'sha256' ? 'a'.repeat(64) : name === 'uploadId' ? 'upload-0001' : '1'));
afterAll(() => t.cleanup());

const apiRoutes = () =>
  [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))].sort();

describe('role matrix', () => {
  it('lists every API route in the table, and nothing that does not exist', () => {
    expect(apiRoutes()).toEqual(Object.keys(MATRIX).sort());
  });

  it('lists every route outside /api too (front ends, health, metrics)', () => {
    const other = [
      ...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`)),
    ];
    expect(other.sort()).toEqual(Object.keys(OTHER_ROUTES).sort());
  });

  // Public, or (for /metrics) open in-process; the network-level rules are in security-access/entry-points.
  it.each(Object.keys(OTHER_ROUTES))('%s needs no session', async (route) => {
    const res = await t.request(route.split(' ')[1]!.replace('*', 'x'));
    expect(res.status).not.toBe(401);
    expect(res.status).not.toBe(403);
    // The front-end routes answer 503 until `npm run build` has made the dist folders.
    const notBuilt = route.includes('*') && res.status === 503;
    if (!notBuilt) expect(res.status).toBeLessThan(500);
  });

  const cases = Object.entries(MATRIX).flatMap(([route, access]) => [...ROLES, null].map((role) => ({ route, access, role })));
  it.each(cases)('$route as $role', async ({ route, access, role }) => {
    const [method, path] = route.split(' ') as [string, string];
    const url = urlOf(path);
    let auth = role ? sessions.get(role)! : undefined;
    if (role && route === 'DELETE /api/session') auth = await t.login(`u-${role.replace('_', '-')}`);
    const res = await t.request(url, {
      method,
      cookie: auth?.cookie,
      csrf: auth?.csrf,
      body: method === 'GET' ? undefined : '{}',
    });
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : {};
    const allowed = access === 'public' || (role !== null && access !== 'device' && (access === 'authenticated' || access.includes(role)));
    if (access === 'device' && role === null) {
      expect(res.status).toBe(401);
      expect(body.code).toBe('device_unauthenticated');
    } else if (allowed) {
      expect(res.status).not.toBe(401);
      expect(body.code).not.toBe('forbidden');
      expect(res.status).toBeLessThan(500);
    } else if (role === null) {
      expect(res.status).toBe(401);
      expect(body.code).toBe('unauthenticated');
    } else {
      expect(res.status).toBe(403);
      expect(body.code).toBe('forbidden');
    }
  });
});

describe('device token', () => {
  // Paired after the role matrix ran, so its DELETE /api/devices/1 cases cannot revoke this device.
  beforeAll(async () => {
    const d = await t.devices.create({ id: null, name: 'test' }, { name: 'matrix-led', kind: 'led' });
    await deviceRepo.setToken(t.db, d.id, createHash('sha256').update(deviceToken).digest('hex'), Date.now());
  });
  const cases = Object.entries(MATRIX)
    .filter(([, access]) => access !== 'public')
    .map(([route, access]) => ({ route, access }));
  it.each(cases)('$route with a device token', async ({ route, access }) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await t.request(urlOf(path), {
      method,
      headers: { authorization: `Bearer ${deviceToken}` },
      body: method === 'GET' ? undefined : '{}',
    });
    // A device token opens device routes only; it is never a staff session.
    if (access === 'device') {
      expect(res.status).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else expect(res.status).toBe(401);
  });
});
