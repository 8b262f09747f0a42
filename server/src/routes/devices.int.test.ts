import { describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { callerFor, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

describe('/api/devices', () => {
  it('creates an LED screen with default operating hours 05:30–22:00 and lists it with its location', async () => {
    const res = await ed('POST', '/api/devices', {
      name: 'LED chợ Đồng Xuân',
      kind: 'led',
      residentialGroup: 'Tổ dân phố 5',
      address: '12 Hàng Chiếu',
      lat: 21.038,
      lon: 105.849,
      resolution: '1920x1080',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'led', orientation: 'landscape', operatingHours: { start: '05:30', end: '22:00' }, paired: false });
    const list = await ed('GET', '/api/devices');
    expect(list.body).toHaveLength(1);
    expect(list.body[0].location).toEqual({ residentialGroup: 'Tổ dân phố 5', address: '12 Hàng Chiếu', lat: 21.038, lon: 105.849 });
  });

  it('gives a speaker default quiet hours 21:00–06:00 and inherits broadcast slots', async () => {
    const res = await ed('POST', '/api/devices', { name: 'Loa tổ 5', kind: 'speaker', volume: 70 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ quietHours: { start: '21:00', end: '06:00' }, broadcastSlots: null, operatingHours: null, volume: 70 });
    const patched = await ed('PATCH', `/api/devices/${res.body.id}`, { broadcastSlots: [{ start: '05:30', end: '06:15' }] });
    expect(patched.body.broadcastSlots).toEqual([{ start: '05:30', end: '06:15' }]);
  });

  it('refuses settings that do not apply to the kind, malformed hours and unknown fields', async () => {
    for (const body of [
      { name: 'x', kind: 'led', volume: 50 },
      { name: 'x', kind: 'speaker', operatingHours: { start: '05:00', end: '22:00' } },
      { name: 'x', kind: 'kiosk', broadcastSlots: [{ start: '06:00', end: '06:30' }] },
    ]) {
      const res = await ed('POST', '/api/devices', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('device_field_not_for_kind');
    }
    for (const body of [
      { name: 'x', kind: 'led', operatingHours: { start: '5:30', end: '22:00' } },
      { name: 'x', kind: 'led', token: 'abc' },
      { name: '   ', kind: 'led' },
      { name: 'x', kind: 'tv' },
    ]) {
      expect((await ed('POST', '/api/devices', body)).status).toBe(400);
    }
    expect((await ed('GET', '/api/devices')).body).toHaveLength(0);
  });

  it('filters by kind and by group, and a device can be in many groups', async () => {
    const g1 = (await ed('POST', '/api/groups', { name: 'Tất cả LED' })).body.id;
    const g2 = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 5' })).body.id;
    const led = (await ed('POST', '/api/devices', { name: 'LED 1', kind: 'led', groupIds: [g1, g2] })).body;
    await ed('POST', '/api/devices', { name: 'Kiosk', kind: 'kiosk', groupIds: [g2] });
    expect(led.groupIds).toEqual([g1, g2]);
    expect((await ed('GET', '/api/devices?kind=kiosk')).body.map((d: { name: string }) => d.name)).toEqual(['Kiosk']);
    expect((await ed('GET', `/api/devices?groupId=${g1}`)).body.map((d: { name: string }) => d.name)).toEqual(['LED 1']);
    expect((await ed('GET', `/api/devices?groupId=${g2}`)).body).toHaveLength(2);
    expect((await ed('POST', '/api/devices', { name: 'x', kind: 'led', groupIds: [999] })).status).toBe(404);
  });

  it('soft-deletes: the device disappears from lists and answers 404, its timeline is dropped', async () => {
    const d = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body;
    expect(await t.timeline.getTimeline(d.id)).not.toBeNull();
    expect((await ed('DELETE', `/api/devices/${d.id}`)).status).toBe(204);
    expect((await ed('GET', `/api/devices/${d.id}`)).status).toBe(404);
    expect((await ed('GET', '/api/devices')).body).toHaveLength(0);
    expect(await t.timeline.getTimeline(d.id)).toBeNull();
    expect((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM devices'))!.n).toBe(1);
  });

  it('audits create, update, delete and revoke', async () => {
    const d = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body;
    await ed('PATCH', `/api/devices/${d.id}`, { name: 'LED mới' });
    await ed('POST', `/api/devices/${d.id}/revoke`);
    await ed('DELETE', `/api/devices/${d.id}`);
    const rows = await t.db.all<{ action: string; target: string; actor: string }>('SELECT action, target, actor FROM audit_log ORDER BY seq');
    const mine = rows.filter((r) => r.target === `device:${d.id}`);
    expect(mine.map((r) => r.action)).toEqual(['device.create', 'device.update', 'device.revoke', 'device.delete']);
    expect(mine.every((r) => r.actor === 'editor1')).toBe(true);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await callerFor(t, 'viewer1', ['viewer']);
    expect((await viewer('GET', '/api/devices')).status).toBe(200);
    expect((await viewer('POST', '/api/devices', { name: 'x', kind: 'led' })).status).toBe(403);
  });
});

describe('BANTIN_LED_HOURS', () => {
  it('gives new LED screens the configured default hours, or none when always on', async () => {
    const always = await createTestContext({ env: { BANTIN_LED_HOURS: 'always' } });
    try {
      const d = await always.devices.create({ id: null, name: 'test' }, { name: 'LED đêm', kind: 'led' });
      expect(d.operatingHours).toBeNull();
    } finally {
      await always.cleanup();
    }
    const late = await createTestContext({ env: { BANTIN_LED_HOURS: '06:00-23:00' } });
    try {
      const d = await late.devices.create({ id: null, name: 'test' }, { name: 'LED chợ', kind: 'led' });
      expect(d.operatingHours).toEqual({ start: '06:00', end: '23:00' });
    } finally {
      await late.cleanup();
    }
  });
});
