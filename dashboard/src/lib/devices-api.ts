// Devices, groups and pairing calls, typed from the server's routes (hono/client): the list of devices with
// their locations, group membership, claiming a player's pairing code, and a device's compiled timeline.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, toApiError } from './api';
import { devicesText } from './messages/devices';
import { ApiError } from './problem';

const devices = client.api.devices;
const deviceById = devices[':id'];
const groups = client.api.groups;
const groupById = groups[':id'];

export type Device = InferResponseType<typeof devices.$get, 200>[number];
export type DeviceGroup = InferResponseType<typeof groups.$get, 200>[number];
export type CreateDeviceInput = InferRequestType<typeof devices.$post>['json'];
/** The kinds a schedule or alert targets and the pairing form makes; an IP receiver plays its zone's stream. */
export type DeviceKind = CreateDeviceInput['kind'];
export type PatchDeviceInput = InferRequestType<typeof deviceById.$patch>['json'];
export type CreateGroupInput = InferRequestType<typeof groups.$post>['json'];
export type ClaimInput = InferRequestType<typeof client.api.pairing.claim.$post>['json'];
export type ClaimedDevice = InferResponseType<typeof client.api.pairing.claim.$post, 200>;
export type DeviceTimelineResponse = InferResponseType<typeof deviceById.timeline.$get, 200>;

export const DEVICE_KINDS: readonly DeviceKind[] = ['led', 'kiosk', 'speaker'];

/** A device that plays a timeline (not an IP receiver, which is reached through its zone's stream). */
export const playsTimeline = (d: Device): d is Device & { kind: DeviceKind } => d.kind !== 'receiver';

const param = (id: number) => ({ id: String(id) });

export async function listDevices(): Promise<Device[]> {
  return await answer(devices.$get({ query: {} }), 200);
}

export async function patchDevice(id: number, patch: PatchDeviceInput): Promise<Device> {
  return await answer(deviceById.$patch({ param: param(id), json: patch }, { headers: csrfHeaders() }), 200);
}

export async function revokeDevice(id: number): Promise<Device> {
  return await answer(deviceById.revoke.$post({ param: param(id) }, { headers: csrfHeaders() }), 200);
}

export type PowerRequest = InferRequestType<typeof deviceById.power.$post>['json'];
/** The wake and sleep durations staff choose from (minutes). */
export const POWER_DURATIONS = [30, 60, 120, 240, 480] as const;

/** Wakes a screen or puts it to sleep for a while, or hands it back to its operating hours; the stored device back. */
export async function setDevicePower(id: number, req: PowerRequest): Promise<Device> {
  return await answer(deviceById.power.$post({ param: param(id), json: req }, { headers: csrfHeaders() }), 200);
}

/** The compiled timeline of one device over [from, to) (epoch ms), with the reason of every item. */
export async function deviceTimeline(id: number, from: number, to: number): Promise<DeviceTimelineResponse> {
  return await answer(deviceById.timeline.$get({ param: param(id), query: { from: String(from), to: String(to) } }), 200);
}

export type ReceiverCreated = InferResponseType<typeof devices.receivers.$post, 201>;

/** Adds an IP receiver to a stream zone; the answer carries its stream URL this once. */
export async function createReceiver(input: InferRequestType<typeof devices.receivers.$post>['json']): Promise<ReceiverCreated> {
  return await answer(devices.receivers.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

/** A new stream URL for a receiver (shown this once); the old one stops at once. */
export async function rotateReceiverStream(id: number): Promise<ReceiverCreated> {
  return await answer(deviceById['rotate-stream'].$post({ param: param(id) }, { headers: csrfHeaders() }), 200);
}

/** Claims the 6-digit code a player shows, creating the device it becomes. */
export async function claimPairingCode(input: ClaimInput): Promise<ClaimedDevice> {
  return await answer(client.api.pairing.claim.$post({ json: input }, { headers: csrfHeaders() }), 200);
}

export async function listGroups(): Promise<DeviceGroup[]> {
  return await answer(groups.$get(), 200);
}

export async function createGroup(input: CreateGroupInput): Promise<DeviceGroup> {
  return await answer(groups.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function addGroupMembers(groupId: number, deviceIds: number[]): Promise<DeviceGroup> {
  return await answer(groupById.members.$post({ param: param(groupId), json: { deviceIds } }, { headers: csrfHeaders() }), 200);
}

export async function removeGroupMember(groupId: number, deviceId: number): Promise<DeviceGroup> {
  return await answer(
    groupById.members[':deviceId'].$delete({ param: { id: String(groupId), deviceId: String(deviceId) } }, { headers: csrfHeaders() }),
    200,
  );
}

/** The address of a group's iCalendar file for a logged-in download. */
export function groupCalendarUrl(groupId: number): string {
  return `/api/groups/${groupId}/calendar.ics`;
}

/** The secret subscription address of a group's calendar, absolute, for calendar apps that cannot log in. */
export async function groupSubscriptionUrl(groupId: number): Promise<string> {
  const res = await groupById['calendar-link'].$get({ param: { id: String(groupId) } });
  if (res.status === 200) return new URL((await res.json()).path, location.origin).href;
  throw await toApiError(res);
}

export type DeviceCommand = { name: 'identify'; durationMs?: number } | { name: 'reload' } | { name: 'set_volume'; volume: number };

/**
 * Sends a command to a connected device. The server has no staff route for commands yet (its hub can send
 * them: realtime/device-hub.ts sendCommand), so this calls the planned `POST /api/devices/{id}/commands`
 * untyped, and a server without it is explained as such rather than as "not found".
 */
export async function sendDeviceCommand(deviceId: number, command: DeviceCommand): Promise<void> {
  const res = await fetch(`/api/devices/${deviceId}/commands`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify(command),
  });
  if (res.ok) return;
  if (res.status === 404 || res.status === 405) {
    const detail = devicesText.t('cmd.unsupported');
    throw new ApiError(501, { type: 'about:blank', title: detail, status: 501, detail });
  }
  throw await toApiError(res);
}
