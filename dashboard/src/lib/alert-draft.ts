// The emergency alert being composed (step 1) and what the confirmation (step 2) restates: the checks
// before it may go on, and the request body. Pure: the clock is a parameter.
import type { IssueAlertInput, AlertSeverity } from './alerts-api';
import type { DeviceKind } from './devices-api';
import type { AlertsKey } from './messages/alerts';
import { targetsDevice, type DeviceLike } from '@bantin/protocol/core';

export const EXPIRY_CHOICES = [30, 60, 120, 360, 1440] as const;
export type ExpiryMin = (typeof EXPIRY_CHOICES)[number];

export interface AlertDraft {
  text: string;
  all: boolean;
  groupIds: number[];
  kinds: DeviceKind[];
  repeatMin: number;
  expiryMin: ExpiryMin;
  severity: AlertSeverity;
}

export const EMPTY_DRAFT: AlertDraft = { text: '', all: true, groupIds: [], kinds: [], repeatMin: 10, expiryMin: 60, severity: 'severe' };

function draftTarget(d: AlertDraft): { all: boolean; deviceIds: number[]; groupIds: number[]; kinds: DeviceKind[] } {
  return d.all
    ? { all: true, deviceIds: [], groupIds: [], kinds: [] }
    : { all: false, deviceIds: [], groupIds: d.groupIds, kinds: d.kinds };
}

/** The devices the alert will reach. */
export function reachedDevices<D extends DeviceLike<number>>(d: AlertDraft, devices: readonly D[]): D[] {
  const target = draftTarget(d);
  return devices.filter((x) => targetsDevice(target, x));
}

/** The first thing to fix before the confirmation step, or null. */
export function checkDraft(d: AlertDraft, devices: readonly DeviceLike<number>[]): AlertsKey | null {
  if (!d.text.trim()) return 'issue.needText';
  if (!d.all && d.groupIds.length === 0 && d.kinds.length === 0) return 'issue.needTarget';
  if (reachedDevices(d, devices).length === 0) return 'issue.noDevice';
  return null;
}

export function expiresAt(d: AlertDraft, now: number): number {
  return now + d.expiryMin * 60_000;
}

export function alertInput(d: AlertDraft, now: number): IssueAlertInput {
  return {
    text: d.text.trim(),
    target: draftTarget(d),
    repeatMin: Math.max(0, Math.min(1440, Math.round(d.repeatMin))),
    severity: d.severity,
    expiresAt: new Date(expiresAt(d, now)).toISOString(),
  };
}
