// Which stored files a device may download: only those in its own current timeline's manifest that an
// approved content version still uses, or those of an active alert that reaches it. Anything else is a 404,
// so a token never turns into a read of the whole store.
import type { Db } from '../../db/sqlite';
import type { DeviceTimeline } from '@bantin/protocol';
import { pathForSha } from '../../media/store/content-store';
import { deviceMediaRepo } from '../../repos/device-media-repo';
import { AppError } from '../app-error';
import type { AlertService } from '../alerts/alert-service';

const SHA = /^[0-9a-f]{64}$/;

export function createDeviceMediaService(deps: {
  db: Db;
  dataDir: string;
  timelines: { getTimeline(deviceId: number): Promise<DeviceTimeline | null> };
  alerts: Pick<AlertService, 'activeFilesFor'>;
}) {
  return {
    /** The file to send, or AppError 404 when this device may not have it. */
    async fileFor(device: { id: number; kind: string }, sha: string) {
      if (!SHA.test(sha)) throw new AppError(404, 'media_not_found');
      const alertFiles = await deps.alerts.activeFilesFor(device);
      let allowed = alertFiles.has(sha);
      if (!allowed) {
        const tl = await deps.timelines.getTimeline(device.id);
        allowed = !!tl?.media.some((m) => m.sha256 === sha) && (await deviceMediaRepo.isApprovedFile(deps.db, sha));
      }
      const row = allowed ? await deviceMediaRepo.mediaFile(deps.db, sha) : undefined;
      if (!row) throw new AppError(404, 'media_not_found');
      return { path: pathForSha(deps.dataDir, sha), mime: row.mime, size: row.size, etag: sha };
    },
  };
}
export type DeviceMediaService = ReturnType<typeof createDeviceMediaService>;
