// Device groups (nhóm thiết bị): "all LED screens", "tổ dân phố 5"… A device may be in many groups; a
// group may give its member speakers default broadcast slots. Changes recompile the members affected.
import type { Db, Queryable } from '../../db/sqlite';
import { deviceRepo } from '../../repos/device-repo';
import { groupRepo, type GroupRow } from '../../repos/group-repo';
import { scheduleRepo } from '../../repos/schedule-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { ClockWindow } from '../devices/device-service';
import type { EventBus } from '../event-bus';

export type GroupView = {
  id: number;
  name: string;
  description: string;
  geocode: string | null;
  broadcastSlots: ClockWindow[] | null;
  deviceIds: number[];
  createdAt: string;
};
export type GroupCreate = {
  name: string;
  description?: string;
  geocode?: string | null;
  broadcastSlots?: ClockWindow[] | null;
  deviceIds?: number[];
};
export type GroupPatch = Partial<GroupCreate>;

const toView = (g: GroupRow, deviceIds: number[]): GroupView => ({
  id: g.id,
  name: g.name,
  description: g.description,
  geocode: g.geocode,
  broadcastSlots: g.broadcast_slots,
  deviceIds,
  createdAt: new Date(g.created_at).toISOString(),
});

export function createGroupService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus }) {
  const view = async (q: Queryable, id: number) => {
    const g = await groupRepo.findById(q, id);
    if (!g) throw new AppError(404, 'group_not_found', { id });
    return toView(g, await groupRepo.memberIds(q, id));
  };
  const checkName = async (q: Queryable, name: string, self?: number) => {
    const other = await groupRepo.findByName(q, name);
    if (other && other.id !== self) throw new AppError(409, 'group_name_taken', { name });
  };
  const checkDevices = async (q: Queryable, ids: readonly number[]) => {
    const found = new Set((await deviceRepo.findByIds(q, ids)).map((d) => d.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError(404, 'device_not_found', { id: missing });
  };
  const setMembers = async (q: Queryable, groupId: number, ids: readonly number[]) => {
    for (const d of await groupRepo.memberIds(q, groupId)) if (!ids.includes(d)) await groupRepo.removeMember(q, groupId, d);
    for (const d of ids) await groupRepo.addMember(q, groupId, d);
  };
  const announce = (groupId: number, deviceIds: Iterable<number>) => deps.bus.emit('group.changed', { groupId, deviceIds: [...new Set(deviceIds)] });

  return {
    async list(): Promise<GroupView[]> {
      const [groups, members] = await Promise.all([groupRepo.list(deps.db), groupRepo.allMembers(deps.db)]);
      return groups.map((g) => toView(g, members.filter((m) => m.group_id === g.id).map((m) => m.device_id)));
    },

    get: (id: number) => view(deps.db, id),

    async create(actor: Actor, input: GroupCreate) {
      const deviceIds = [...new Set(input.deviceIds ?? [])];
      const out = await deps.db.transaction(async (tx) => {
        await checkName(tx, input.name);
        await checkDevices(tx, deviceIds);
        const id = await groupRepo.insert(tx, {
          name: input.name,
          description: input.description ?? '',
          geocode: input.geocode ?? null,
          broadcastSlots: input.broadcastSlots ? JSON.stringify(input.broadcastSlots) : null,
          now: deps.clock(),
        });
        await setMembers(tx, id, deviceIds);
        await deps.audit.append(tx, actor, { action: 'group.create', target: `group:${id}`, summary: { name: input.name, deviceIds } });
        return view(tx, id);
      });
      await announce(out.id, deviceIds);
      return out;
    },

    async update(actor: Actor, id: number, patch: GroupPatch) {
      let touched: number[] = [];
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        const name = patch.name ?? before.name;
        const slots = patch.broadcastSlots !== undefined ? patch.broadcastSlots : before.broadcastSlots;
        await checkName(tx, name, id);
        await groupRepo.update(tx, id, {
          name,
          description: patch.description ?? before.description,
          geocode: patch.geocode !== undefined ? patch.geocode : before.geocode,
          broadcastSlots: slots ? JSON.stringify(slots) : null,
        });
        if (patch.deviceIds) {
          const ids = [...new Set(patch.deviceIds)];
          await checkDevices(tx, ids);
          await setMembers(tx, id, ids);
        }
        const after = await view(tx, id);
        // Membership decides which schedules reach a device; slots decide when speakers play.
        touched = [...before.deviceIds, ...after.deviceIds];
        await deps.audit.append(tx, actor, {
          action: 'group.update',
          target: `group:${id}`,
          summary: { changed: Object.keys(patch), deviceIds: [before.deviceIds, after.deviceIds] },
        });
        return after;
      });
      await announce(id, touched);
      return out;
    },

    async addMembers(actor: Actor, id: number, deviceIds: number[]) {
      const out = await deps.db.transaction(async (tx) => {
        await view(tx, id);
        await checkDevices(tx, deviceIds);
        for (const d of deviceIds) await groupRepo.addMember(tx, id, d);
        await deps.audit.append(tx, actor, { action: 'group.members_add', target: `group:${id}`, summary: { deviceIds } });
        return view(tx, id);
      });
      await announce(id, deviceIds);
      return out;
    },

    async removeMember(actor: Actor, id: number, deviceId: number) {
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        if (!before.deviceIds.includes(deviceId)) throw new AppError(404, 'device_not_found', { id: deviceId });
        await groupRepo.removeMember(tx, id, deviceId);
        await deps.audit.append(tx, actor, { action: 'group.members_remove', target: `group:${id}`, summary: { deviceId } });
        return view(tx, id);
      });
      await announce(id, [deviceId]);
      return out;
    },

    /** Refused while a schedule still targets the group, so no entry silently loses its audience. */
    async remove(actor: Actor, id: number) {
      let members: number[] = [];
      await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        const using = await scheduleRepo.listTargetingGroup(tx, id);
        if (using.length > 0) throw new AppError(409, 'group_in_use', { schedules: using.map((s) => `#${s.id}`).join(', ') });
        members = before.deviceIds;
        await groupRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'group.delete', target: `group:${id}`, summary: { name: before.name } });
      });
      await announce(id, members);
    },
  };
}
export type GroupService = ReturnType<typeof createGroupService>;
