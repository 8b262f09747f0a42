// Streams area for main.ts: stream-zone settings (loudspeaker groups played as live audio streams).
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { createStreamZoneService } from '../services/streams/stream-zone-service';

export function composeStreams({ config, db, clock, bus }: Base, { audit }: { audit: AuditService }) {
  const streamZones = createStreamZoneService({ db, clock, audit, bus, icecast: config.icecast });
  return { streamZones };
}
