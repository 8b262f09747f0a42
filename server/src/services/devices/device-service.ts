// Devices (thiết bị): LED screens, kiosks and loudspeaker clusters with their place, hours and slots; device
// tokens (stored as sha256 only) and their revocation. Every change is audited and recompiles that device.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../db/sqlite';
import { deviceRepo, type DeviceFields, type DeviceKind, type DeviceRow } from '../../repos/device-repo';
import { groupRepo } from '../../repos/group-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';

export type ClockWindow = { start: string; end: string };

export const DEFAULT_LED_HOURS: ClockWindow = { start: '05:30', end: '22:00' };
export const DEFAULT_QUIET_HOURS: ClockWindow = { start: '21:00', end: '06:00' };

export type DeviceView = {
  id: number;
  name: string;
  kind: DeviceKind;
  location: { residentialGroup: string | null; address: string | null; lat: number | null; lon: number | null };
  orientation: 'landscape' | 'portrait';
  resolution: string | null;
  volume: number | null;
  /** Screens: null = always on. */
  operatingHours: ClockWindow | null;
  /** Speakers: null = no quiet hours. */
  quietHours: ClockWindow | null;
  /** Speakers: null = the first group's slots, else the defaults 06:00–06:30 and 17:00–17:30. */
  broadcastSlots: ClockWindow[] | null;
  groupIds: number[];
  /** Screens woken or put to sleep from the dashboard, until when (ISO); null = the operating hours alone. */
  powerOverride: { state: 'awake' | 'asleep'; since: string; until: string } | null;
  paired: boolean;
  tokenIssuedAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type DeviceCreate = {
  name: string;
  kind: DeviceKind;
  residentialGroup?: string | null;
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
  orientation?: 'landscape' | 'portrait';
  resolution?: string | null;
  volume?: number | null;
  operatingHours?: ClockWindow | null;
  quietHours?: ClockWindow | null;
  broadcastSlots?: ClockWindow[] | null;
  groupIds?: number[];
};
export type DevicePatch = Partial<Omit<DeviceCreate, 'kind'>>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** How long a wake or sleep lasts when none is given, and its bounds (minutes). */
export const POWER_MINUTES = { default: 60, min: 15, max: 720 } as const;
export type PowerRequest = { state: 'awake' | 'asleep' | 'schedule'; minutes?: number };

/** `now` hides an override that has ended (it no longer changes anything). */
export const toDeviceView = (d: DeviceRow, groupIds: number[], now = Date.now()): DeviceView => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  location: { residentialGroup: d.residential_group, address: d.address, lat: d.lat, lon: d.lon },
  orientation: d.orientation,
  resolution: d.resolution,
  volume: d.volume,
  operatingHours: d.operating_hours,
  quietHours: d.quiet_hours,
  broadcastSlots: d.broadcast_slots,
  groupIds,
  powerOverride:
    d.power_override && d.power_override.until > now
      ? { state: d.power_override.state, since: new Date(d.power_override.since).toISOString(), until: new Date(d.power_override.until).toISOString() }
      : null,
  paired: d.token_hash !== null,
  tokenIssuedAt: iso(d.token_issued_at),
  lastSeenAt: iso(d.last_seen_at),
  createdAt: new Date(d.created_at).toISOString(),
  updatedAt: new Date(d.updated_at).toISOString(),
});

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Refuses settings that make no sense for the kind: volume on LED, hours/slots on the wrong kind. */
function checkKindFields(kind: DeviceKind, f: DevicePatch) {
  const bad = (field: string) => new AppError(400, 'device_field_not_for_kind', { field, kind });
  if (kind === 'led' && f.volume != null) throw bad('volume');
  if (kind === 'speaker' && f.operatingHours != null) throw bad('operatingHours');
  if (kind !== 'speaker' && f.quietHours != null) throw bad('quietHours');
  if (kind !== 'speaker' && f.broadcastSlots != null) throw bad('broadcastSlots');
  if (kind === 'receiver' && f.operatingHours != null) throw bad('operatingHours');
}

function fieldsOf(input: DeviceCreate, ledHours: ClockWindow | null = DEFAULT_LED_HOURS): DeviceFields {
  const speaker = input.kind === 'speaker';
  const hours = input.operatingHours !== undefined ? input.operatingHours : input.kind === 'led' ? ledHours : null;
  const quiet = input.quietHours !== undefined ? input.quietHours : speaker ? DEFAULT_QUIET_HOURS : null;
  return {
    kind: input.kind,
    name: input.name,
    residential_group: input.residentialGroup ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    orientation: input.orientation ?? (input.kind === 'kiosk' ? 'portrait' : 'landscape'),
    resolution: input.resolution ?? null,
    volume: input.volume ?? null,
    operating_hours: speaker || !hours ? null : JSON.stringify(hours),
    quiet_hours: speaker && quiet ? JSON.stringify(quiet) : null,
    broadcast_slots: speaker && input.broadcastSlots ? JSON.stringify(input.broadcastSlots) : null,
  };
}

async function checkGroups(q: Queryable, ids: readonly number[]) {
  const live = await groupRepo.liveIds(q, ids);
  const missing = ids.find((id) => !live.includes(id));
  if (missing !== undefined) throw new AppError(404, 'group_not_found', { id: missing });
}

export type DeviceServiceDeps = {
  db: Db;
  clock: () => number;
  audit: AuditService;
  bus: EventBus;
  /** Operating hours given to a new LED screen when none are set (BANTIN_LED_HOURS); null = always on. */
  defaultLedHours?: ClockWindow | null;
};

export function createDeviceService(deps: DeviceServiceDeps) {
  const view = async (q: Queryable, id: number) => {
    const d = await deviceRepo.findById(q, id);
    if (!d) throw new AppError(404, 'device_not_found', { id });
    return toDeviceView(d, await deviceRepo.groupIdsOf(q, id), deps.clock());
  };

  /** Creates a device inside the caller's transaction (also used by pairing). */
  const createInTx = async (tx: Queryable, actor: Actor, input: DeviceCreate) => {
    checkKindFields(input.kind, input);
    const groupIds = [...new Set(input.groupIds ?? [])];
    await checkGroups(tx, groupIds);
    const id = await deviceRepo.insert(tx, fieldsOf(input, deps.defaultLedHours), deps.clock());
    await deviceRepo.setGroups(tx, id, groupIds);
    await deps.audit.append(tx, actor, { action: 'device.create', target: `device:${id}`, summary: { name: input.name, kind: input.kind, groupIds } });
    return view(tx, id);
  };

  return {
    createInTx,
    /** A device as the API shows it, read inside the caller's transaction. */
    viewInTx: view,

    async list(filter: { kind?: DeviceKind; groupId?: number } = {}): Promise<DeviceView[]> {
      const [rows, members] = await Promise.all([deviceRepo.list(deps.db, filter), deviceRepo.memberships(deps.db)]);
      const byDevice = new Map<number, number[]>();
      for (const m of members) byDevice.set(m.device_id, [...(byDevice.get(m.device_id) ?? []), m.group_id]);
      const now = deps.clock();
      return rows.map((d) => toDeviceView(d, byDevice.get(d.id) ?? [], now));
    },

    get: (id: number) => view(deps.db, id),

    async create(actor: Actor, input: DeviceCreate) {
      const out = await deps.db.transaction((tx) => createInTx(tx, actor, input));
      await deps.bus.emit('device.changed', { deviceId: out.id });
      return out;
    },

    async update(actor: Actor, id: number, patch: DevicePatch) {
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        checkKindFields(before.kind, patch);
        const merged: DeviceCreate = {
          name: patch.name ?? before.name,
          kind: before.kind,
          residentialGroup: patch.residentialGroup !== undefined ? patch.residentialGroup : before.location.residentialGroup,
          address: patch.address !== undefined ? patch.address : before.location.address,
          lat: patch.lat !== undefined ? patch.lat : before.location.lat,
          lon: patch.lon !== undefined ? patch.lon : before.location.lon,
          orientation: patch.orientation ?? before.orientation,
          resolution: patch.resolution !== undefined ? patch.resolution : before.resolution,
          volume: patch.volume !== undefined ? patch.volume : before.volume,
          operatingHours: patch.operatingHours !== undefined ? patch.operatingHours : before.operatingHours,
          quietHours: patch.quietHours !== undefined ? patch.quietHours : before.quietHours,
          broadcastSlots: patch.broadcastSlots !== undefined ? patch.broadcastSlots : before.broadcastSlots,
        };
        await deviceRepo.update(tx, id, fieldsOf(merged, deps.defaultLedHours), deps.clock());
        if (patch.groupIds) {
          const groupIds = [...new Set(patch.groupIds)];
          await checkGroups(tx, groupIds);
          await deviceRepo.setGroups(tx, id, groupIds);
        }
        await deps.audit.append(tx, actor, { action: 'device.update', target: `device:${id}`, summary: { changed: Object.keys(patch) } });
        return view(tx, id);
      });
      await deps.bus.emit('device.changed', { deviceId: id });
      return out;
    },

    /**
     * Wakes a screen or puts it to sleep for `minutes` from now, or hands it back to its operating hours
     * ('schedule'). Stored on the device, so it outlives player restarts and reaches an offline screen when it
     * reconnects; audited, and the screen's timeline is recompiled (its awake intervals change).
     */
    async setPower(actor: Actor, id: number, req: PowerRequest) {
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        if (before.kind !== 'led' && before.kind !== 'kiosk') throw new AppError(400, 'power_not_for_kind', { id });
        const now = deps.clock();
        const minutes = Math.min(POWER_MINUTES.max, Math.max(POWER_MINUTES.min, Math.round(req.minutes ?? POWER_MINUTES.default)));
        const override = req.state === 'schedule' ? null : { state: req.state, since: now, until: now + minutes * 60_000 };
        await deviceRepo.setPowerOverride(tx, id, override && JSON.stringify(override), now);
        await deps.audit.append(tx, actor, {
          action: `device.power.${req.state}`,
          target: `device:${id}`,
          summary: override
            ? { name: before.name, state: override.state, minutes, until: new Date(override.until).toISOString() }
            : { name: before.name, state: 'schedule', until: null },
        });
        return view(tx, id);
      });
      await deps.bus.emit('device.changed', { deviceId: id });
      return out;
    },

    /** Soft delete: the row stays for history (plays, audit); its token stops working at once. */
    async remove(actor: Actor, id: number) {
      await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        await deviceRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'device.delete', target: `device:${id}`, summary: { name: before.name } });
      });
      await deps.bus.emit('device.access-lost', { deviceId: id });
      await deps.bus.emit('device.changed', { deviceId: id });
    },

    async revoke(actor: Actor, id: number) {
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        await deviceRepo.setToken(tx, id, null, deps.clock());
        await deps.audit.append(tx, actor, { action: 'device.revoke', target: `device:${id}`, summary: { name: before.name, wasPaired: before.paired } });
        return view(tx, id);
      });
      await deps.bus.emit('device.access-lost', { deviceId: id });
      return out;
    },

    /** The device a bearer token belongs to, or null. Lookup by the token's sha256, never the token itself. */
    async authenticateDevice(token: string): Promise<{ id: number; kind: DeviceKind; name: string } | null> {
      if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
      const row = await deviceRepo.findByTokenHash(deps.db, hashToken(token));
      // A receiver's token opens its zone stream only: no WebSocket timeline, no device API.
      return row && row.kind !== 'receiver' ? { id: row.id, kind: row.kind, name: row.name } : null;
    },
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;
