// Which schedules and alerts reach which device, and which devices a change affects.
//
// Whether one target reaches one device is the shared rule of @bantin/protocol/core (the dashboard previews
// it); this module indexes targets for the compiler and finds the devices a change affects.
import { targetsDevice } from './protocol';
import type { AlertInput, CompileInput, DeviceInput, DeviceKind, ScheduleInput, TargetInput } from './types';

export { targetsDevice };

interface Targeted {
  id: string;
  target: TargetInput;
}

/** Index of targeted things (schedules, alerts) by device id, group and kind, for fast per-device lookup. */
export class TargetIndex<T extends Targeted> {
  private readonly byDevice = new Map<string, T[]>();
  private readonly byGroup = new Map<string, T[]>();
  private readonly byKind = new Map<DeviceKind, T[]>();

  constructor(things: readonly T[]) {
    const push = <K>(m: Map<K, T[]>, k: K, v: T) => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const x of things) {
      for (const id of x.target.deviceIds) push(this.byDevice, id, x);
      for (const g of x.target.groupIds) push(this.byGroup, g, x);
      if (x.target.groupIds.length === 0) for (const k of x.target.kinds) push(this.byKind, k, x);
    }
  }

  /** Everything targeting the device, deduplicated, sorted by id. */
  for(d: DeviceInput): T[] {
    const seen = new Set<T>();
    for (const x of this.byDevice.get(d.id) ?? []) seen.add(x);
    for (const x of this.byKind.get(d.kind) ?? []) seen.add(x);
    for (const g of d.groupIds) {
      for (const x of this.byGroup.get(g) ?? []) {
        if (x.target.kinds.length === 0 || x.target.kinds.includes(d.kind)) seen.add(x);
      }
    }
    return [...seen].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export type Change =
  | { type: 'schedule'; before?: ScheduleInput; after?: ScheduleInput }
  | { type: 'alert'; before?: AlertInput; after?: AlertInput }
  | { type: 'content'; contentId: string }
  | { type: 'playlist'; playlistId: string }
  | { type: 'device'; deviceId: string };

function devicesTargeted(targets: TargetInput[], input: CompileInput): Set<string> {
  const out = new Set<string>();
  for (const d of input.devices) if (targets.some((t) => targetsDevice(t, d))) out.add(d.id);
  return out;
}

function schedulesUsingContent(contentId: string, input: CompileInput): ScheduleInput[] {
  const playlists = new Set(input.playlists.filter((p) => p.items.some((i) => i.contentId === contentId)).map((p) => p.id));
  return input.schedules.filter((s) => ('contentId' in s.what ? s.what.contentId === contentId : playlists.has(s.what.playlistId)));
}

/** Ids of the devices whose timeline may change after `change` (sorted). `input` is the state after it. */
export function affectedDevices(change: Change, input: CompileInput): string[] {
  let ids: Set<string>;
  switch (change.type) {
    case 'schedule':
    case 'alert': {
      const targets = [change.before?.target, change.after?.target].filter((t): t is TargetInput => !!t);
      ids = devicesTargeted(targets, input);
      break;
    }
    case 'content': {
      const targets = schedulesUsingContent(change.contentId, input).map((s) => s.target);
      ids = devicesTargeted(targets, input);
      const kinds = (Object.keys(input.fallback) as DeviceKind[]).filter((k) => input.fallback[k]?.includes(change.contentId));
      if (input.jingleContentId === change.contentId) kinds.push('speaker');
      for (const d of input.devices) if (kinds.includes(d.kind)) ids.add(d.id);
      break;
    }
    case 'playlist': {
      const targets = input.schedules.filter((s) => 'playlistId' in s.what && s.what.playlistId === change.playlistId).map((s) => s.target);
      ids = devicesTargeted(targets, input);
      break;
    }
    case 'device':
      ids = new Set([change.deviceId]);
      break;
  }
  return [...ids].sort();
}
