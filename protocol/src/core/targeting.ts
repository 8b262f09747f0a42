// Which devices a schedule or alert target reaches: the rule the server's timeline compiler applies and the
// dashboard previews. A device is reached when it is listed in `deviceIds`, or when it belongs to one of
// `groupIds` (any device, when no group is given but kinds are) and its kind is among `kinds` (any kind,
// when none is given). So { groupIds: [g], kinds: ['speaker'] } means "the loudspeakers of group g".
// Ids are whatever the caller uses (the server's compiler strings, the dashboard's API numbers).

export const DEVICE_KINDS = ['led', 'kiosk', 'speaker'] as const;
/** led: màn hình LED ngoài trời; kiosk: ki-ốt một cửa; speaker: loa truyền thanh. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface TargetLike<Id, Kind extends string = DeviceKind> {
  deviceIds: readonly Id[];
  groupIds: readonly Id[];
  kinds: readonly Kind[];
  /** Alerts only: every device of the ward. */
  all?: boolean;
}
export interface DeviceLike<Id, Kind extends string = DeviceKind> {
  id: Id;
  kind: Kind;
  groupIds: readonly Id[];
}
export interface GroupLike<Id> {
  id: Id;
  name: string;
}

export function targetsDevice<Id, Kind extends string>(t: TargetLike<Id, Kind>, d: DeviceLike<Id, Kind>): boolean {
  if (t.all) return true;
  if (t.deviceIds.includes(d.id)) return true;
  if (t.kinds.length > 0 && !t.kinds.includes(d.kind)) return false;
  if (t.groupIds.length === 0) return t.kinds.length > 0;
  return d.groupIds.some((g) => t.groupIds.includes(g));
}

/** What a target reaches, in the words the recurrence sentence needs. */
export interface TargetsSummary<Kind extends string = DeviceKind> {
  /** Devices reached, per kind. */
  counts: Partial<Record<Kind, number>>;
  /** Names of the targeted groups, in the order given. */
  groupNames: string[];
  /** Reached through kinds alone (every such device of the ward). */
  wardWide: boolean;
  /** Only listed devices, no group and no kind. */
  listedOnly: boolean;
}

export function summarizeTargets<Id, Kind extends string>(
  t: TargetLike<Id, Kind>,
  devices: readonly DeviceLike<Id, Kind>[],
  groups: readonly GroupLike<Id>[],
): TargetsSummary<Kind> {
  const counts: Partial<Record<Kind, number>> = {};
  for (const d of devices) if (targetsDevice(t, d)) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return {
    counts,
    groupNames: t.groupIds.map((id) => names.get(id) ?? `#${String(id)}`),
    wardWide: !!t.all || (t.groupIds.length === 0 && t.kinds.length > 0),
    listedOnly: !t.all && t.groupIds.length === 0 && t.kinds.length === 0,
  };
}
