// timeline.v3 over a real socket: a screen with an approved layout gets the layout and the ticker track when its
// player offers bantin.layout (or says `layout` in hello); any other player keeps getting timeline.v2 without them.
import { unpackTimeline } from '@bantin/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());
const actor = { id: null, name: 'test' };

describe('timeline.v3 (layouts)', () => {
  it('sends the layout and ticker to a layout player, timeline.v2 without them to others, v3 after a hello with the capability', async () => {
    const d = await s.createDevice('led');
    await s.layouts.assign(actor, { deviceId: d.id }, 3); // the starter "led-ward": banner, clock, main, ticker
    await s.timeline.settled();
    const stored = (await s.timeline.getTimeline(d.id))!;
    expect(stored.layout?.body.regions.map((r) => r.kind).sort()).toEqual(['banner', 'clock', 'main', 'ticker']);
    expect(stored.ticker).toBeDefined();

    const v3 = await s.connect(d.token, 'protocol', { layout: true });
    const m3 = await v3.next('timeline.v3');
    const tl3 = unpackTimeline(m3.timeline, String(d.id))!;
    expect(tl3.layout).toEqual(stored.layout);
    expect(tl3.ticker).toEqual(stored.ticker);
    expect(tl3.version).toBe(stored.version);
    v3.close();
    await v3.waitClosed();

    const v2 = await s.connect(d.token);
    const m2 = await v2.next('timeline.v2');
    const packed = m2.timeline as Record<string, unknown>;
    expect('layout' in packed || 'ticker' in packed).toBe(false);
    expect(unpackTimeline(packed, String(d.id))!.segments).toEqual(stored.segments);
    v2.send({ type: 'hello.v1', playerVersion: '1', capabilities: ['layout'], deviceClock: 1 });
    const upgraded = await v2.next('timeline.v3');
    expect(unpackTimeline(upgraded.timeline, String(d.id))!.layout).toEqual(stored.layout);
    v2.close();
  });

  it('a screen without a layout has neither, whatever its player offers', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token, 'protocol', { layout: true });
    const tl = unpackTimeline((await c.next('timeline.v3')).timeline, String(d.id))!;
    expect(tl.layout).toBeUndefined();
    expect(tl.ticker).toBeUndefined();
    c.close();
  });
});
