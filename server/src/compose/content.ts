// Content area for main.ts: the media store, speech, content and its review, the starter pack.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { cleanTempDir } from '../media/store/content-store';
import { createSpeechRenderer } from '../media/speech';
import { createMediaService } from '../services/content/media-service';
import { createContentService } from '../services/content/content-service';
import { createReviewService } from '../services/content/review-service';
import { createSeedService } from '../services/content/seed-service';
import { createPortalService } from '../services/public/portal-service';

export async function composeContent({ config, db, clock, log, bus }: Base, { audit }: { audit: AuditService }) {
  // Uploads a crash left half-written are removed before the store takes new ones.
  await cleanTempDir(config.dataDir);
  const media = createMediaService({
    db,
    clock,
    audit,
    dataDir: config.dataDir,
    maxBytes: config.maxUploadBytes,
    lufsTarget: config.lufsTarget,
  });
  const speech = createSpeechRenderer();
  const content = createContentService({ db, clock, audit, bus, media, speech });
  const reviews = createReviewService({ db, clock, audit, bus, content });
  const seeds = createSeedService({ db, clock, audit, content, media, log });
  const portal = createPortalService({ db, clock, publisher: config.wardName, tz: config.tz });
  return { media, speech, content, reviews, seeds, portal };
}
