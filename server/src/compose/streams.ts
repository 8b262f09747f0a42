// Streams area for main.ts: stream-zone settings (loudspeaker groups played as live audio streams) and each
// zone's compiled programme.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import type { TimelineService } from '../services/scheduling/timeline-service';
import { createStreamZoneService } from '../services/streams/stream-zone-service';
import { createZoneTimelineService } from '../services/streams/zone-timeline-service';

export function composeStreams({ config, db, clock, bus, log }: Base, deps: { audit: AuditService; timeline: TimelineService }) {
  const streamZones = createStreamZoneService({ db, clock, audit: deps.audit, bus, icecast: config.icecast });
  const zoneTimelines = createZoneTimelineService({ db, clock, bus, log, horizon: deps.timeline.horizon });
  return { streamZones, zoneTimelines };
}
