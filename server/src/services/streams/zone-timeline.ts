// A stream zone's programme, compiled by the same compiler and from the same inputs as its member speakers: the
// zone is one more speaker device, member of its group only, with the group's broadcast slots and the zone's
// own quiet hours. An alert that names a member speaker reaches the zone too (it plays on that group's air).
import { compileDevice, type AlertInput, type CompileOptions, type DeviceInput } from '../../domain/schedule/index';
import type { DeviceTimeline } from '../../domain/schedule/protocol';
import type { ClockWindow } from '../../repos/json-column';
import type { LoadedInputs } from '../scheduling/timeline-input';

/** The compiler's device id of a zone (never a number, so it cannot collide with a real device). */
export const zoneDeviceId = (groupId: number) => `zone:${groupId}`;

export type ZoneCompileSpec = {
  groupId: number;
  name: string;
  /** The group's broadcast slots; null = the compiler's default slots. */
  broadcastSlots: ClockWindow[] | null;
  quietHours: ClockWindow | null;
};

/** The devices of the group (as ids of the compile inputs). */
export const zoneMembers = (inputs: LoadedInputs, groupId: number): string[] =>
  inputs.base.devices.filter((d) => d.groupIds.includes(String(groupId))).map((d) => d.id);

export function compileZone(inputs: LoadedInputs, zone: ZoneCompileSpec, opts: CompileOptions): DeviceTimeline {
  const id = zoneDeviceId(zone.groupId);
  const device: DeviceInput = { id, kind: 'speaker', name: zone.name, groupIds: [String(zone.groupId)], operatingHours: null, quietHours: zone.quietHours };
  if (zone.broadcastSlots && zone.broadcastSlots.length > 0) device.broadcastSlots = zone.broadcastSlots;
  const members = new Set(zoneMembers(inputs, zone.groupId));
  const reach = (a: AlertInput): AlertInput =>
    a.target.deviceIds.some((d) => members.has(d)) ? { ...a, target: { ...a.target, deviceIds: [...a.target.deviceIds, id] } } : a;
  const speaker = inputs.byAudience.speaker;
  return compileDevice({ ...speaker, devices: [device], alerts: speaker.alerts.map(reach) }, id, opts)!;
}
