// Emergency alerts (cảnh báo khẩn cấp) and device commands, typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

const alerts = client.api.alerts;
const alertById = alerts[':id'];

export type Alert = InferResponseType<typeof alerts.$get, 200>['alerts'][number];
export type AlertDetail = InferResponseType<typeof alertById.$get, 200>;
export type IssueAlertInput = InferRequestType<typeof alerts.$post>['json'];
export type AlertSeverity = Alert['severity'];

export async function listAlerts(): Promise<Alert[]> {
  const res = await alerts.$get();
  if (res.status === 200) return (await res.json()).alerts;
  throw await toApiError(res);
}

export async function getAlert(id: number): Promise<AlertDetail> {
  const res = await alertById.$get({ param: { id: String(id) } });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function issueAlert(input: IssueAlertInput): Promise<Alert> {
  const res = await alerts.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

export async function cancelAlert(id: number): Promise<AlertDetail> {
  const res = await alertById.cancel.$post({ param: { id: String(id) } }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export type DeviceCommand = { name: 'identify'; durationMs?: number } | { name: 'reload' } | { name: 'set_volume'; volume: number };

/**
 * Sends a command to a connected device. The server has no staff route for commands yet (the hub can send
 * them: realtime/device-hub.ts sendCommand), so this calls the planned `POST /api/devices/{id}/commands`
 * untyped; until it exists the person sees the server's "not found" explained.
 */
export async function sendDeviceCommand(deviceId: number, command: DeviceCommand): Promise<void> {
  const res = await fetch(`/api/devices/${deviceId}/commands`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify(command),
  });
  if (!res.ok) throw await toApiError(res);
}
