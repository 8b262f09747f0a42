// Which devices a schedule or alert target reaches, as the server's compiler decides it (see
// server/src/domain/schedule/targeting.ts, which the dashboard may not import): a device is reached when it
// is listed, or when it belongs to one of the groups (any device, when no group is given but kinds are) and
// its kind is among the kinds (any kind, when none is given). Also the summary the recurrence sentence uses.
import type { DeviceKind } from './devices-api';

export interface TargetLike {
  deviceIds: readonly number[];
  groupIds: readonly number[];
  kinds: readonly DeviceKind[];
  /** Alerts only: every device of the ward. */
  all?: boolean;
}
export interface DeviceLike {
  id: number;
  kind: DeviceKind;
  groupIds: readonly number[];
}
export interface GroupLike {
  id: number;
  name: string;
}

export function targetsDevice(t: TargetLike, d: DeviceLike): boolean {
  if (t.all) return true;
  if (t.deviceIds.includes(d.id)) return true;
  if (t.kinds.length > 0 && !t.kinds.includes(d.kind)) return false;
  if (t.groupIds.length === 0) return t.kinds.length > 0;
  return d.groupIds.some((g) => t.groupIds.includes(g));
}

/** What a target reaches, in the words the recurrence sentence needs. */
export interface TargetsSummary {
  /** Devices reached, per kind. */
  counts: Partial<Record<DeviceKind, number>>;
  /** Names of the targeted groups, in the order given. */
  groupNames: string[];
  /** Reached through kinds alone (every such device of the ward). */
  wardWide: boolean;
  /** Only listed devices, no group and no kind. */
  listedOnly: boolean;
}

export function summarizeTargets(t: TargetLike, devices: readonly DeviceLike[], groups: readonly GroupLike[]): TargetsSummary {
  const counts: Partial<Record<DeviceKind, number>> = {};
  for (const d of devices) if (targetsDevice(t, d)) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return {
    counts,
    groupNames: t.groupIds.map((id) => names.get(id) ?? `#${id}`),
    wardWide: !!t.all || (t.groupIds.length === 0 && t.kinds.length > 0),
    listedOnly: !t.all && t.groupIds.length === 0 && t.kinds.length === 0,
  };
}
