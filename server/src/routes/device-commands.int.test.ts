// Staff commands reach a connected device over its socket; a revoked device is disconnected at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';

let s: TestServer;
let editor: { cookie: string; csrf: string };
beforeAll(async () => {
  s = await startTestServer();
  editor = await s.createUser('bien-tap-lenh', ['editor']);
});
afterAll(() => s.stop());

const command = (id: number, body: unknown, who = editor) =>
  s.request(`/api/devices/${id}/commands`, { method: 'POST', ...who, body: JSON.stringify(body) });

describe('POST /api/devices/{id}/commands', () => {
  it('delivers identify to the connected device and audits it', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token);
    await c.next('timeline.v2');
    const res = await command(d.id, { name: 'identify', durationMs: 5000 });
    expect(res.status).toBe(202);
    const { commandId } = await res.json();
    const msg = await c.next('command.v1');
    expect(msg).toMatchObject({ id: commandId, command: { name: 'identify', durationMs: 5000 } });
    const audit = (await s.audit.page(undefined, 5)).find((r) => r.action === 'device.command.identify');
    expect(audit).toMatchObject({ actor: 'bien-tap-lenh', target: `device:${d.id}` });
    c.close();
  });

  it('sets the volume of a speaker, and refuses a volume for an LED screen', async () => {
    const sp = await s.createDevice('speaker');
    const c = await s.connect(sp.token);
    await c.next('timeline.v2');
    expect((await command(sp.id, { name: 'set_volume', volume: 70 })).status).toBe(202);
    expect((await c.next('command.v1')).command).toEqual({ name: 'set_volume', volume: 70 });
    const led = await s.createDevice('led');
    const r = await command(led.id, { name: 'set_volume', volume: 70 });
    expect(r.status).toBe(400);
    c.close();
  });

  it('answers 409 in the asked language when the device is offline, 404 when unknown, 400 for an unknown command', async () => {
    const d = await s.createDevice('led', 'Màn hình chợ Rồng');
    const off = await s.request(`/api/devices/${d.id}/commands`, { method: 'POST', ...editor, headers: { 'accept-language': 'en' }, body: JSON.stringify({ name: 'reload' }) });
    expect(off.status).toBe(409);
    expect((await off.json()).detail).toContain('Màn hình chợ Rồng');
    expect((await command(99999, { name: 'reload' })).status).toBe(404);
    expect((await command(d.id, { name: 'format_disk' })).status).toBe(400);
  });
});

describe('revoking a device', () => {
  it('closes its open connection at once with 4401', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('timeline.v2');
    const res = await s.request(`/api/devices/${d.id}/revoke`, { method: 'POST', ...editor });
    expect(res.status).toBe(200);
    expect((await c.waitClosed(2000))?.code).toBe(4401);
    await expect(s.connect(d.token)).rejects.toMatchObject({ status: 401 });
  });

  it('closes the connection of a deleted device', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token);
    await c.next('timeline.v2');
    expect((await s.request(`/api/devices/${d.id}`, { method: 'DELETE', ...editor })).status).toBeLessThan(300);
    expect((await c.waitClosed(2000))?.code).toBe(4401);
  });
});
