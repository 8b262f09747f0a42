// Devices area for main.ts: the registry, pairing, staff commands, device status and what media a device
// may download.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import type { AlertService } from '../services/alerts/alert-service';
import type { TimelineService } from '../services/scheduling/timeline-service';
import { createDeviceService } from '../services/devices/device-service';
import { createPairingService } from '../services/devices/pairing-service';
import { createDeviceCommandService } from '../services/devices/device-command-service';
import { createDeviceStatusService } from '../services/devices/device-status-service';
import { createDeviceMediaService } from '../services/devices/device-media-service';
import { createReceiverService } from '../services/devices/receiver-service';

export function composeDevices(
  { config, db, clock, bus }: Base,
  deps: { audit: AuditService; timeline: TimelineService; alerts: AlertService },
) {
  const { audit } = deps;
  const devices = createDeviceService({ db, clock, audit, bus, defaultLedHours: config.ledHours });
  const pairing = createPairingService({ db, clock, audit, devices, bus });
  const commands = createDeviceCommandService({ db, audit, devices, bus });
  const deviceStatus = createDeviceStatusService({ db });
  const deviceMedia = createDeviceMediaService({ db, dataDir: config.dataDir, timelines: deps.timeline, alerts: deps.alerts });
  const receivers = createReceiverService({ db, clock, audit, bus, devices });
  return { devices, pairing, commands, deviceStatus, deviceMedia, receivers };
}
