// Staff commands to a connected device (identify, reload, set volume, screenshot), audited. A command goes
// out as a `device.command` event; the realtime hub delivers it when the device is connected.
import { randomUUID } from 'node:crypto';
import type { Command } from '@bantin/protocol';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { Db } from '../../db/sqlite';
import type { DeviceService } from './device-service';
import type { BusEvents, EventBus } from '../event-bus';

export function createDeviceCommandService(deps: { db: Db; audit: AuditService; devices: DeviceService; bus: EventBus }) {
  return {
    async send(actor: Actor, deviceId: number, command: Command) {
      const device = await deps.devices.get(deviceId);
      if (command.name === 'set_volume' && device.kind === 'led') throw new AppError(400, 'volume_not_for_led');
      const id = randomUUID();
      const delivery: BusEvents['device.command'] = { deviceId, commandId: id, command, sent: false };
      await deps.bus.emit('device.command', delivery);
      if (!delivery.sent) throw new AppError(409, 'device_offline', { name: device.name });
      await deps.db.transaction((tx) =>
        deps.audit.append(tx, actor, { action: `device.command.${command.name}`, target: `device:${deviceId}`, summary: { commandId: id, ...command } }),
      );
      return { commandId: id, sent: true as const };
    },
  };
}
export type DeviceCommandService = ReturnType<typeof createDeviceCommandService>;
