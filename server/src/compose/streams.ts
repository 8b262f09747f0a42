// Streams area for main.ts: stream-zone settings (loudspeaker groups played as live audio streams), each
// zone's compiled programme, and the engine that encodes every enabled zone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Counter, type Registry } from 'prom-client';
import type { Base } from './base';
import { MEDIA_DIR } from '../paths';
import { ffmpegPath } from '../media/tools/run-tool';
import type { AuditService } from '../services/accounts/audit-service';
import type { TimelineService } from '../services/scheduling/timeline-service';
import { createStreamZoneService } from '../services/streams/stream-zone-service';
import { createZoneTimelineService } from '../services/streams/zone-timeline-service';
import { createStreamEngine } from '../streams/engine/index';

export function composeStreams(
  { config, db, clock, bus, log }: Base,
  deps: { audit: AuditService; timeline: TimelineService; metrics: Registry },
) {
  const streamZones = createStreamZoneService({ db, clock, audit: deps.audit, bus, icecast: config.icecast });
  const zoneTimelines = createZoneTimelineService({ db, clock, bus, log, horizon: deps.timeline.horizon });
  const restarts = new Counter({
    name: 'bantin_stream_encoder_restarts_total',
    help: 'Stream zone encoders started again after their process died',
    labelNames: ['zone'],
    registers: [deps.metrics],
  });
  const toneFile = path.join(MEDIA_DIR, 'sounds', 'attention.ogg');
  const streamEngine = createStreamEngine({
    db,
    bus,
    clock,
    log,
    tz: config.tz,
    dataDir: config.dataDir,
    ffmpeg: ffmpegPath,
    icecast: config.icecast,
    zoneTimelines,
    attentionTone: { file: toneFile, sha: createHash('sha256').update(fs.readFileSync(toneFile)).digest('hex') },
    onEncoderRestart: (slug) => restarts.inc({ zone: slug }),
  });
  return { streamZones, zoneTimelines, streamEngine };
}
