// IP receivers (bộ thu IP): devices that can only be given a URL. Each one is a member of one stream zone (a
// loudspeaker group played into one encoded stream) and holds its own secret stream token, stored as sha256
// only in devices.token_hash. The token is shown once, at creation or rotation; rotating or revoking it
// closes the receiver's open stream at once (bus 'device.access-lost').
import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/sqlite';
import { deviceRepo } from '../../repos/device-repo';
import { streamZoneRepo, type StreamZoneRow } from '../../repos/stream-zone-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';
import { hashToken, type DeviceService, type DeviceView } from './device-service';

export type ReceiverCreate = { name: string; address?: string | null; groupId: number };

/** The stream addresses of a receiver, relative to the server's origin; `token` is shown this once. */
export type ReceiverAccess = { token: string; mp3Path: string; hlsPath: string };

export const streamPaths = (slug: string, token: string) => {
  const q = `?token=${encodeURIComponent(token)}`;
  return { mp3Path: `/stream/${slug}.mp3${q}`, hlsPath: `/stream/${slug}/index.m3u8${q}` };
};

const newToken = () => randomBytes(32).toString('base64url');

/** Who is listening: a receiver of the zone whose token was presented. */
export type StreamListener = { receiverId: number; name: string; zone: StreamZoneRow };

export function createReceiverService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus; devices: DeviceService }) {
  /** The stream zone a receiver belongs to (its first group that is one). */
  const zoneOf = async (q: Queryable, deviceId: number) => {
    for (const g of await deviceRepo.groupIdsOf(q, deviceId)) {
      const zone = await streamZoneRepo.findByGroup(q, g);
      if (zone) return zone;
    }
    return null;
  };
  const receiverView = async (q: Queryable, id: number) => {
    const d = await deps.devices.viewInTx(q, id);
    if (d.kind !== 'receiver') throw new AppError(409, 'not_a_receiver', { id });
    return d;
  };
  /** Gives the receiver a new token (the old one stops working) and returns its stream addresses. */
  const issue = async (tx: Queryable, actor: Actor, id: number, action: 'receiver.issue' | 'receiver.rotate') => {
    const zone = await zoneOf(tx, id);
    if (!zone) throw new AppError(409, 'receiver_zone_required', { id });
    const token = newToken();
    await deviceRepo.setToken(tx, id, hashToken(token), deps.clock());
    await deps.audit.append(tx, actor, { action, target: `device:${id}`, summary: { zone: zone.slug } });
    return { token, ...streamPaths(zone.slug, token) };
  };

  return {
    async create(actor: Actor, input: ReceiverCreate): Promise<{ device: DeviceView; access: ReceiverAccess }> {
      const out = await deps.db.transaction(async (tx) => {
        if (!(await streamZoneRepo.findByGroup(tx, input.groupId))) throw new AppError(409, 'receiver_zone_required', { id: input.groupId });
        const created = await deps.devices.createInTx(tx, actor, {
          name: input.name,
          kind: 'receiver',
          address: input.address ?? null,
          groupIds: [input.groupId],
        });
        const access = await issue(tx, actor, created.id, 'receiver.issue');
        return { device: await deps.devices.viewInTx(tx, created.id), access };
      });
      await deps.bus.emit('device.changed', { deviceId: out.device.id });
      return out;
    },

    /** A new stream URL; the old one is dead at once, and an open stream on it is closed. */
    async rotate(actor: Actor, id: number): Promise<{ device: DeviceView; access: ReceiverAccess }> {
      const out = await deps.db.transaction(async (tx) => {
        await receiverView(tx, id);
        const access = await issue(tx, actor, id, 'receiver.rotate');
        return { device: await deps.devices.viewInTx(tx, id), access };
      });
      await deps.bus.emit('device.access-lost', { deviceId: id });
      await deps.bus.emit('device.changed', { deviceId: id });
      return out;
    },

    /**
     * Checks a stream request: 'unknown-zone' when no zone has that slug, null when the token is not a live
     * receiver token of that very zone. Lookup by the token's sha256, never the token itself.
     */
    async authenticate(slug: string, token: string | null | undefined): Promise<StreamListener | 'unknown-zone' | null> {
      const zone = await streamZoneRepo.findBySlug(deps.db, slug);
      if (!zone) return 'unknown-zone';
      if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
      const row = await deviceRepo.findByTokenHash(deps.db, hashToken(token));
      if (!row || row.kind !== 'receiver') return null;
      const groups = await deviceRepo.groupIdsOf(deps.db, row.id);
      return groups.includes(zone.group_id) ? { receiverId: row.id, name: row.name, zone } : null;
    },
  };
}
export type ReceiverService = ReturnType<typeof createReceiverService>;
