// Staff commands to a connected device (identify, reload, set volume, screenshot), audited.
import type { Command } from '@bantin/protocol';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { Db } from '../../db/sqlite';
import type { DeviceService } from './device-service';

export type CommandSender = { sendCommand(deviceId: number, command: Command): string | null };

export function createDeviceCommandService(deps: { db: Db; audit: AuditService; devices: DeviceService; hub: () => CommandSender }) {
  return {
    async send(actor: Actor, deviceId: number, command: Command) {
      const device = await deps.devices.get(deviceId);
      if (command.name === 'set_volume' && device.kind === 'led') throw new AppError(400, 'volume_not_for_led');
      const id = deps.hub().sendCommand(deviceId, command);
      if (!id) throw new AppError(409, 'device_offline', { name: device.name });
      await deps.db.transaction((tx) =>
        deps.audit.append(tx, actor, { action: `device.command.${command.name}`, target: `device:${deviceId}`, summary: { commandId: id, ...command } }),
      );
      return { commandId: id, sent: true as const };
    },
  };
}
export type DeviceCommandService = ReturnType<typeof createDeviceCommandService>;
