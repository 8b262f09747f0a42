// Live announcements area for main.ts (phát trực tiếp): the service that puts an announcer on the air of
// loudspeaker groups and their zones, records and audits each broadcast. The announce socket (realtime) drives it.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import type { MediaService } from '../services/content/media-service';
import type { AnnouncementAir } from '../services/live/announcement-air';
import { createLiveAnnouncementService } from '../services/live/live-announcement-service';
import type { LiveHub } from '../streams/live/live-hub';
import type { RelayPcm } from '../streams/relay/relay-pcm';
import { decodeToPcm } from '../streams/announce/live-broadcast';
import { ffmpegPath } from '../media/tools/run-tool';

export function composeLive(
  { config, db, clock, log }: Base,
  deps: { audit: AuditService; media: MediaService; air: AnnouncementAir; hub: LiveHub; livePcm: Map<string, RelayPcm>; toneFile: string },
) {
  // The attention tone, decoded once when first needed (an idle server never spends the memory).
  let tone: Promise<Buffer> | null = null;
  const liveAnnouncements = createLiveAnnouncementService({
    db,
    clock,
    tz: config.tz,
    audit: deps.audit,
    media: deps.media,
    air: deps.air,
    hub: deps.hub,
    pcmFeeds: deps.livePcm,
    ffmpeg: ffmpegPath,
    tone: () => (tone ??= decodeToPcm(ffmpegPath, deps.toneFile).catch((err: unknown) => {
      tone = null;
      throw err;
    })),
    dataDir: config.dataDir,
    maxMs: config.liveMaxMs,
    log,
  });
  return { liveAnnouncements };
}
