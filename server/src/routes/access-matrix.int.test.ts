// Table-driven role matrix: every API route × every role (and no session). A route missing from the
// table fails the test, so a new route cannot ship without a decision about who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../test-support/context';
import { ROLES, type Role } from '../domain/roles';
import { createHash, randomBytes } from 'node:crypto';
import { deviceRepo } from '../repos/device-repo';

type Expect = readonly Role[] | 'public' | 'authenticated' | 'device';
const ALL: Expect = 'authenticated';

export const MATRIX: Record<string, Expect> = {
  'GET /api/openapi.json': 'public',
  'POST /api/session': 'public',
  'GET /api/session': ALL,
  'DELETE /api/session': ALL,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/audit': ['admin', 'viewer'],
  'POST /api/media': ['editor'],
  'GET /api/media/uploads/:uploadId': ALL,
  'GET /api/media/:sha256/info': ALL,
  'GET /api/media/:sha256': ALL,
  'GET /api/media/:sha256/thumbnail': ALL,
  'GET /api/content': ALL,
  'GET /api/content/stats': ALL,
  'POST /api/content': ['editor'],
  'GET /api/content/:id': ALL,
  'GET /api/content/:id/versions': ALL,
  'POST /api/content/:id/versions': ['editor'],
  'GET /api/content/:id/versions/:number': ALL,
  'POST /api/content/:id/versions/:number/submit': ['editor'],
  'POST /api/content/:id/versions/:number/withdraw': ['editor'],
  'GET /api/content/:id/history': ALL,
  'GET /api/reviews': ['reviewer', 'ad_reviewer', 'admin'],
  'POST /api/reviews': ['reviewer', 'ad_reviewer'],
  // Devices, pairing, groups, playlists, schedules and timelines (issue 4)
  'GET /api/devices': ALL,
  'POST /api/devices': ['admin', 'editor'],
  'GET /api/devices/:id': ALL,
  'PATCH /api/devices/:id': ['admin', 'editor'],
  'DELETE /api/devices/:id': ['admin', 'editor'],
  'POST /api/devices/:id/revoke': ['admin', 'editor'],
  'POST /api/devices/:id/commands': ['admin', 'editor'],
  'GET /api/devices/:id/timeline': ALL,
  'GET /api/devices/:id/timeline/at': ALL,
  'GET /api/groups': ALL,
  'POST /api/groups': ['admin', 'editor'],
  'GET /api/groups/:id': ALL,
  'PATCH /api/groups/:id': ['admin', 'editor'],
  'DELETE /api/groups/:id': ['admin', 'editor'],
  'POST /api/groups/:id/members': ['admin', 'editor'],
  'DELETE /api/groups/:id/members/:deviceId': ['admin', 'editor'],
  'GET /api/groups/:id/calendar.ics': ALL,
  'GET /api/groups/:id/calendar-link': ALL,
  'GET /api/calendar/:file': 'public',
  'GET /api/playlists': ALL,
  'POST /api/playlists': ['admin', 'editor'],
  'GET /api/playlists/:id': ALL,
  'PATCH /api/playlists/:id': ['admin', 'editor'],
  'DELETE /api/playlists/:id': ['admin', 'editor'],
  'GET /api/schedules': ALL,
  'POST /api/schedules': ['admin', 'editor'],
  'GET /api/schedules/conflicts': ALL,
  'GET /api/schedules/:id': ALL,
  'PATCH /api/schedules/:id': ['admin', 'editor'],
  'DELETE /api/schedules/:id': ['admin', 'editor'],
  'POST /api/pairing/codes': 'public',
  'POST /api/pairing/claim': ['admin', 'editor'],
  'POST /api/pairing/token': 'public',
  // Reports (issue 6): every staff role reads; editor and admin generate and archive
  'GET /api/reports/plays': ALL,
  'GET /api/reports/uptime': ALL,
  'GET /api/reports/feedback': ALL,
  'GET /api/reports/periodic': ALL,
  'GET /api/reports/print.css': ALL,
  'POST /api/reports/periodic/generate': ['editor', 'admin'],
  'GET /api/reports/periodic/archive': ALL,
  'GET /api/reports/periodic/archive/:file': ALL,
  // Alerts, proof of play, feedback and device HTTP (issue 5): 'device' = a device token, never a staff session
  'GET /api/alerts': ALL,
  'POST /api/alerts': ['editor', 'reviewer', 'admin'],
  'POST /api/alerts/cap': ['editor', 'reviewer', 'admin'],
  'GET /api/alerts/:id': ALL,
  'POST /api/alerts/:id/cancel': ['editor', 'reviewer', 'admin'],
  'GET /api/plays': ALL,
  'GET /api/feedback': ALL,
  'GET /api/device/me': 'device',
  'GET /api/device/media/:sha256': 'device',
};

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

  const cases = Object.entries(MATRIX).flatMap(([route, access]) =>
    [...ROLES, null].map((role) => ({ route, access, role })),
  );
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
  const cases = Object.entries(MATRIX).filter(([, access]) => access !== 'public').map(([route, access]) => ({ route, access }));
  it.each(cases)('$route with a device token', async ({ route, access }) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await t.request(urlOf(path), { method, headers: { authorization: `Bearer ${deviceToken}` }, body: method === 'GET' ? undefined : '{}' });
    // A device token opens device routes only; it is never a staff session.
    if (access === 'device') {
      expect(res.status).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else expect(res.status).toBe(401);
  });
});
