// Existing things for the API fuzzer to aim at: one of each resource, made through the API by a user who has
// every role, so that "existing id" path parameters reach the handlers and their validation.
import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { ROLES } from '../../src/domain/roles';
import { deviceRepo } from '../../src/repos/device-repo';
import type { TestCtx } from '../support/context';
import { addContent } from '../factories/scheduling';
import { fileReport } from '../factories/cases';

export type Session = { cookie: string; csrf: string };

export type Fixtures = {
  session: Session;
  deviceToken: string;
  png: Buffer;
  /** "<segment before the parameter>/<parameter>" → an existing value, e.g. "devices/id" → "3". */
  existing: Record<string, string>;
  /** Known resource names the valid CAP template targets. */
  capArea: string;
};

export const CAP_AREA = 'Khu phố Fuzz';

async function call<T>(t: TestCtx, s: Session, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init = { method, cookie: s.cookie, csrf: s.csrf, headers };
  const res = await t.request(path, body === undefined ? init : { ...init, body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${await res.text()}`);
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export async function createFixtures(t: TestCtx): Promise<Fixtures> {
  const session = await t.createUser('fuzz-all', [...ROLES]);
  const other = await t.users.create({ id: null, name: 'fuzz' }, { username: 'fuzz-other', displayName: 'Other', password: 'other-password-1', roles: ['viewer'] });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } }).png().toBuffer();
  const uploadId = 'fuzz-upload-0001';
  const media = await call<{ sha256: string }>(t, session, 'POST', `/api/media?name=poster.png&uploadId=${uploadId}`, png, { 'content-type': 'application/octet-stream' });

  const content = await call<{ id: number }>(t, session, 'POST', '/api/content', { kind: 'message', title: 'Thông báo thử', body: 'Nội dung thử nghiệm' });
  const approved = await addContent(t, { title: 'Đã duyệt' });
  const led = await call<{ id: number }>(t, session, 'POST', '/api/devices', { name: 'LED chợ', kind: 'led' });
  const kiosk = await call<{ id: number }>(t, session, 'POST', '/api/devices', { name: 'Kiosk một cửa', kind: 'kiosk' });
  const group = await call<{ id: number }>(t, session, 'POST', '/api/groups', { name: CAP_AREA, deviceIds: [led.id, kiosk.id] });
  const playlist = await call<{ id: number }>(t, session, 'POST', '/api/playlists', { name: 'Vòng lặp', items: [{ contentId: approved }] });
  const schedule = await call<{ id: number }>(t, session, 'POST', '/api/schedules', {
    name: 'Buổi sáng',
    class: 'normal',
    contentId: approved,
    target: { deviceIds: [led.id] },
    when: { dateFrom: '2025-01-01', dateTo: '2030-12-31', daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '06:00', end: '07:00' }] },
  });
  const layout = await call<{ id: number; latest: { id: number } }>(t, session, 'POST', '/api/layouts', {
    name: 'Bố cục thử',
    orientation: 'landscape',
    width: 1920,
    height: 1080,
    regions: [{ id: 'main', kind: 'main', x: 0, y: 0, w: 1920, h: 1080, z: 0 }],
  });
  // Added by the admin, so that the fuzzing reviewer (who has every role) is not refused as its own reviewer.
  const relay = await call<{ id: number }>(t, await t.login('admin'), 'POST', '/api/relay-sources', { name: 'Đài tỉnh (thử)', url: 'http://127.0.0.1:8000/radio.mp3', allowPrivate: true });
  const alert = await call<{ id: number }>(t, session, 'POST', '/api/alerts', { text: 'Cảnh báo thử', target: { deviceIds: [kiosk.id] } });
  // Its speech is rendered in the background; a file landing mid-fuzz would look like a change.
  await t.alerts.settle();
  const citizenCase = await fileReport(t.db, t.cases, kiosk.id);
  const report = await call<{ id: number }>(t, session, 'POST', '/api/reports/periodic/generate', { period: 'month', year: 2025, index: 1 });
  // The calendar secret is created on first use: create it now, so a fuzzed GET is not the first use.
  const link = await call<{ path: string }>(t, session, 'GET', `/api/groups/${group.id}/calendar-link`);

  const deviceToken = randomBytes(32).toString('base64url');
  await deviceRepo.setToken(t.db, led.id, createHash('sha256').update(deviceToken).digest('hex'), Date.now());

  const existing: Record<string, string> = {
    'users/id': String(other.id),
    'content/id': String(content.id),
    'versions/number': '1',
    'devices/id': String(led.id),
    'groups/id': String(group.id),
    'members/deviceId': String(kiosk.id),
    'playlists/id': String(playlist.id),
    'layouts/id': String(layout.id),
    'versions/versionId': String(layout.latest.id),
    'relay-sources/id': String(relay.id),
    'schedules/id': String(schedule.id),
    'alerts/id': String(alert.id),
    'cases/id': String(citizenCase),
    'media/sha256': media.sha256,
    'uploads/uploadId': uploadId,
    'calendar/file': link.path.split('/').pop()!,
    'archive/file': `${report.id}.xlsx`,
  };
  return { session, deviceToken, png, existing, capArea: CAP_AREA };
}

/** The key under which `existing` holds a value for a path parameter of an OpenAPI path. */
export function existingKey(path: string, param: string): string {
  const segs = path.split('/');
  const i = segs.indexOf(`{${param}}`);
  return `${segs[i - 1]}/${param}`;
}
