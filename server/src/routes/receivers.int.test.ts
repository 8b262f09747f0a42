import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { addStreamZone } from '../../test/support/stream-zones';
import type { Caller } from '../../test/factories/scheduling';
import { timelineRepo } from '../repos/timeline-repo';

let t: TestCtx;
let ed: Caller;
useEditorContext(() => Date.now(), (s) => ({ t, ed } = s));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('/api/devices/receivers', () => {
  it('adds a receiver to a stream zone and returns its stream URL with a token stored only as a hash', async () => {
    const zone = await addStreamZone(t, 'to-3', { name: 'Tổ 3' });
    const res = await ed('POST', '/api/devices/receivers', { name: 'Bộ thu nhà văn hoá', address: '5 Ngõ Huế', groupId: zone });
    expect(res.status).toBe(201);
    const { device, access } = res.body;
    expect(device).toMatchObject({ kind: 'receiver', groupIds: [zone], paired: true, location: { address: '5 Ngõ Huế' } });
    expect(access.mp3Path).toBe(`/stream/to-3.mp3?token=${access.token}`);
    expect(access.hlsPath).toBe(`/stream/to-3/index.m3u8?token=${access.token}`);
    const row = await t.db.get<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?', [device.id]);
    expect(row!.token_hash).toBe(sha(access.token));
    expect(JSON.stringify(await t.db.all('SELECT * FROM devices'))).not.toContain(access.token);
    // Shown once: reading the device back never carries it.
    expect(JSON.stringify((await ed('GET', `/api/devices/${device.id}`)).body)).not.toContain(access.token);
    expect((await ed('GET', '/api/devices?kind=receiver')).body).toHaveLength(1);
    const audit = await t.db.all<{ action: string }>("SELECT action FROM audit_log WHERE target = ? ORDER BY seq", [`device:${device.id}`]);
    expect(audit.map((a) => a.action)).toEqual(['device.create', 'receiver.issue']);
  });

  it('refuses a group that is not a stream zone, and a viewer', async () => {
    const g = await t.groups.create({ id: null, name: 'test' }, { name: 'Không phải vùng' });
    const res = await ed('POST', '/api/devices/receivers', { name: 'x', groupId: g.id });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('receiver_zone_required');
    expect((await ed('GET', '/api/devices')).body).toHaveLength(0);
  });

  it('rotates the stream URL: the old token stops, the new one works, both audited', async () => {
    const zone = await addStreamZone(t, 'to-4');
    const { body } = await ed('POST', '/api/devices/receivers', { name: 'Bộ thu', groupId: zone });
    expect(await t.receivers.authenticate('to-4', body.access.token)).toMatchObject({ receiverId: body.device.id });
    const rotated = await ed('POST', `/api/devices/${body.device.id}/rotate-stream`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.access.token).not.toBe(body.access.token);
    expect(await t.receivers.authenticate('to-4', body.access.token)).toBeNull();
    expect(await t.receivers.authenticate('to-4', rotated.body.access.token)).toMatchObject({ receiverId: body.device.id });
    expect(await t.receivers.authenticate('nope', rotated.body.access.token)).toBe('unknown-zone');
    await ed('POST', `/api/devices/${body.device.id}/revoke`);
    expect(await t.receivers.authenticate('to-4', rotated.body.access.token)).toBeNull();
    const audit = await t.db.all<{ action: string }>("SELECT action FROM audit_log WHERE target = ? ORDER BY seq", [`device:${body.device.id}`]);
    expect(audit.map((a) => a.action)).toEqual(['device.create', 'receiver.issue', 'receiver.rotate', 'device.revoke']);
    const led = await ed('POST', '/api/devices', { name: 'LED', kind: 'led' });
    expect((await ed('POST', `/api/devices/${led.body.id}/rotate-stream`)).body.code).toBe('not_a_receiver');
  });

  it('never gives a receiver a timeline, a device API session or a pairing code', async () => {
    const zone = await addStreamZone(t, 'to-5');
    const { body } = await ed('POST', '/api/devices/receivers', { name: 'Bộ thu', groupId: zone });
    expect((await timelineRepo.compileDevices(t.db)).map((d) => d.id)).not.toContain(body.device.id);
    const me = await t.request('/api/device/me', { headers: { authorization: `Bearer ${body.access.token}` } });
    expect(me.status).toBe(401);
    expect(await t.devices.authenticateDevice(body.access.token)).toBeNull();
    const code = await (await t.request('/api/pairing/codes', { method: 'POST' })).json();
    const claim = await ed('POST', '/api/pairing/claim', { code: code.code, deviceId: body.device.id });
    expect(claim.status).toBe(409);
    expect(claim.body.code).toBe('receiver_not_pairable');
    // A receiver cannot be made through the generic device form either.
    expect((await ed('POST', '/api/devices', { name: 'x', kind: 'receiver' })).status).toBe(400);
  });
});
