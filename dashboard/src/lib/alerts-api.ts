// Emergency alerts (cảnh báo khẩn cấp), typed from the server's routes (hono/client).
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
