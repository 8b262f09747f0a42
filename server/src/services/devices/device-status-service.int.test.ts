// Device status after a crash, on a real SQLite file: the start of the server clears the online flags a crash left
// behind, keeps the rest of the stored heartbeat, and ends the connection intervals still open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { createDeviceStatusService, type StoredStatus } from './device-status-service';

let t: TestCtx;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.cleanup());

const status = (over: Partial<StoredStatus>): StoredStatus => ({
  online: true, at: 5_000, playerVersion: '1.2.3', nowPlaying: null, cache: null, freeBytes: 42, errors: ['e1'], uptimeMs: 9,
  ...over,
});

describe('device status service: resetAll', () => {
  it('marks every device offline, keeps its last heartbeat and last seen, and closes dangling sessions', async () => {
    const svc = createDeviceStatusService({ db: t.db });
    const actor = { id: null, name: 'test' };
    const a = await t.devices.create(actor, { name: 'led-crash', kind: 'led', groupIds: [] });
    const b = await t.devices.create(actor, { name: 'kiosk-off', kind: 'kiosk', groupIds: [] });
    await svc.connected(a.id, 4_000);
    await svc.save(a.id, 5_000, status({ at: 5_000 }));
    await svc.save(b.id, 3_000, status({ online: false, at: 3_000, playerVersion: '0.9' }));

    await svc.resetAll(10_000);

    const rows = await t.db.all<{ id: number; last_seen_at: number; status: string }>(
      'SELECT id, last_seen_at, status FROM devices WHERE id IN (?, ?) ORDER BY id', [a.id, b.id]);
    const [ra, rb] = rows.map((r) => ({ ...r, status: JSON.parse(r.status) as StoredStatus }));
    if (!ra || !rb) throw new Error('both devices must still exist');
    expect(ra.status).toEqual(status({ online: false, at: 5_000 }));
    expect(ra.last_seen_at).toBe(5_000);
    expect(rb.status).toEqual(status({ online: false, at: 3_000, playerVersion: '0.9' }));
    expect(rb.last_seen_at).toBe(3_000);
    const sessions = await t.db.all<{ connected_at: number; disconnected_at: number | null }>(
      'SELECT connected_at, disconnected_at FROM device_sessions WHERE device_id = ?', [a.id]);
    expect(sessions).toEqual([{ connected_at: 4_000, disconnected_at: 5_000 }]);
  });
});
