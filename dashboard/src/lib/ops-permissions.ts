// Who may change schedules, devices and alerts, mirroring the server's role matrix (routes/devices.ts
// WRITE, routes/alerts.ts issuers, routes/reports.ts WRITERS). The interface hides what a role may not
// do; the server refuses it anyway. A viewer sees everything and changes nothing.
import type { Role } from './api';

export type OpsAction = 'schedules.write' | 'devices.write' | 'alerts.issue' | 'reports.generate';

const MATRIX: Record<OpsAction, readonly Role[]> = {
  'schedules.write': ['admin', 'editor'],
  'devices.write': ['admin', 'editor'],
  'alerts.issue': ['admin', 'editor', 'reviewer'],
  'reports.generate': ['admin', 'editor'],
};

export function canDo(roles: readonly Role[], action: OpsAction): boolean {
  return roles.some((r) => MATRIX[action].includes(r));
}
