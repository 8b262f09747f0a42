// Emergency alerts (cảnh báo khẩn cấp), typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders } from './api';

const alerts = client.api.alerts;
const alertById = alerts[':id'];

export type Alert = InferResponseType<typeof alerts.$get, 200>['alerts'][number];
export type AlertDetail = InferResponseType<typeof alertById.$get, 200>;
export type IssueAlertInput = InferRequestType<typeof alerts.$post>['json'];
export type AlertSeverity = Alert['severity'];

export async function listAlerts(): Promise<Alert[]> {
  return (await answer(alerts.$get(), 200)).alerts;
}

export async function getAlert(id: number): Promise<AlertDetail> {
  return await answer(alertById.$get({ param: { id: String(id) } }), 200);
}

export async function issueAlert(input: IssueAlertInput): Promise<Alert> {
  return await answer(alerts.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function cancelAlert(id: number): Promise<AlertDetail> {
  return await answer(alertById.cancel.$post({ param: { id: String(id) } }, { headers: csrfHeaders() }), 200);
}
