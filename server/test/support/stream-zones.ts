// Integration-test helpers for stream zones: a loudspeaker group made a stream zone (through the zone
// repository both the encoder and the listener side use) and an IP receiver added to it through the service.
import type { TestCtx } from './context';
import { streamZoneRepo } from '../../src/repos/stream-zone-repo';

const actor = { id: null, name: 'test' };

/** A group that is a stream zone with the given slug; returns its group id. */
export async function addStreamZone(t: TestCtx, slug: string, o: { name?: string; bitrateKbps?: number } = {}) {
  const g = await t.groups.create(actor, { name: o.name ?? `Vùng ${slug}` });
  await streamZoneRepo.upsert(t.db, {
    groupId: g.id, slug, bitrateKbps: o.bitrateKbps ?? 64, channels: 1, volume: 100, quietHours: null, enabled: true, now: Date.now(),
  });
  return g.id;
}

/** An IP receiver of the zone, with its stream token and paths (shown once by the service). */
export async function addReceiver(t: TestCtx, groupId: number, name = `Bộ thu ${groupId}`) {
  const { device, access } = await t.receivers.create(actor, { name, groupId, address: 'Nhà văn hoá tổ 3' });
  return { id: device.id, ...access };
}
