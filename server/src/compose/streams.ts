// Zone streams for main.ts: stream-zone settings (loudspeaker groups played as live audio streams), each
// zone's compiled programme, the engine that encodes every enabled zone, and the fan-out of each zone's encoded
// audio to its IP receivers. Tests may give another ZoneAudioSource (a tone per zone) in place of the engine.
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
import type { ZoneAudioSource } from '../streams/source';
import { createZoneFanout, type ZoneFanout } from '../streams/fanout/zone-fanout';
import { createListenedTime } from '../streams/fanout/listened-time';
import { createAsRunService } from '../services/reports/as-run-service';
import { createLiveHub } from '../streams/live/live-hub';
import type { RelayAir } from '../services/relays/relay-air';
import type { RelaySourceService } from '../services/relays/relay-source-service';
import { createRelayEngine } from '../streams/relay/relay-engine';
import type { RelayPcm } from '../streams/relay/relay-pcm';
import type { AnnouncementAir } from '../services/live/announcement-air';

export function composeStreams(
  base: Base,
  deps: {
    audit: AuditService;
    timeline: TimelineService;
    metrics: Registry;
    zoneAudio?: ZoneAudioSource;
    relayAir?: RelayAir;
    relaySources?: RelaySourceService;
    announcementAir?: AnnouncementAir;
  },
) {
  const { config, db, clock, bus, log } = base;
  const streamZones = createStreamZoneService({ db, clock, audit: deps.audit, bus, icecast: config.icecast });
  const zoneTimelines = createZoneTimelineService({ db, clock, bus, log, horizon: deps.timeline.horizon,
    offAir: deps.relayAir?.offAir,
    announcements: deps.announcementAir?.inputs,
  });
  const restarts = new Counter({
    name: 'bantin_stream_encoder_restarts_total',
    help: 'Stream zone encoders started again after their process died',
    labelNames: ['zone'],
    registers: [deps.metrics],
  });
  // Live feeds (relays, live announcements): encoded once, heard by web players over the live socket.
  const liveHub = createLiveHub(clock);
  // The decoded audio of live announcements on air, by feed id, for the zones (the announcement service fills it).
  const livePcm = new Map<string, RelayPcm>();
  // Relays pull their sources once each, for the web players (the hub) and the zones (relayEngine.pcmOf).
  const relayEngine =
    deps.relayAir && deps.relaySources
      ? createRelayEngine({
          db,
          bus,
          clock,
          log,
          tz: config.tz,
          ffmpeg: ffmpegPath,
          hub: liveHub,
          air: deps.relayAir,
          sources: deps.relaySources,
          silenceMs: config.relaySilenceMs,
        })
      : null;
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
    relayPcm: (feed) => relayEngine?.pcmOf(feed) ?? livePcm.get(feed) ?? null,
  });
  const zoneAudio = deps.zoneAudio ?? streamEngine;
  // A receiver's presence is the list of its open connections, reported one change at a time and in order
  // (each report reads the list as it is then), so a quick connect–disconnect never ends up "online".
  let reports = Promise.resolve();
  const report = (receiverId: number) => {
    reports = reports
      .then(() => bus.emit('receiver.streams', { deviceId: receiverId, connections: fanout.connectionsOf(receiverId), at: clock() }))
      .catch((err: unknown) => log.error('receiver presence failed', { err }));
  };
  // As-run spans count only while a zone has a listener: its first one starts the listened time, its last ends it.
  const listened = createListenedTime();
  const asRun = createAsRunService({ db, clock, listened });
  const fanout: ZoneFanout = createZoneFanout(zoneAudio, {
    onJoin: (zone, l) => {
      if (fanout.listenerCount(zone) === 1) listened.started(zone, clock());
      report(l.receiverId);
    },
    onLeave: (zone, l) => {
      if (fanout.listenerCount(zone) === 0) listened.stopped(zone, clock());
      report(l.receiverId);
    },
  });
  bus.on('stream.as-run', (span) => asRun.record(span));
  // A revoked, rotated or removed receiver's open stream ends at once.
  bus.on('device.access-lost', ({ deviceId }) => fanout.closeReceiver(deviceId));
  // A zone's encoder restarts or stops with its settings: its listeners reconnect to what runs now.
  bus.on('stream-zone.changed', ({ groupId }) => fanout.closeZone(groupId));
  /** Resolves when every presence report made so far is stored (tests, shutdown). */
  const settled = () => reports;
  return { streamZones, zoneTimelines, streamEngine, zoneAudio, fanout, asRun, liveHub, livePcm, relayEngine, attentionToneFile: toneFile, streamReportsSettled: settled };
}
