// Alerts area for main.ts: emergency alerts, spoken by the speech renderer into the media store, and CAP.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import type { SpeechRenderer } from '../media/speech';
import type { MediaService } from '../services/content/media-service';
import { createAlertService } from '../services/alerts/alert-service';
import { createCapService } from '../services/alerts/cap-service';

export function composeAlerts({ db, clock, log, bus }: Base, deps: { audit: AuditService; speech: SpeechRenderer; media: MediaService }) {
  const { audit, speech, media } = deps;
  const alerts = createAlertService({
    db,
    clock,
    audit,
    bus,
    log,
    speech: {
      render: (text) => speech.render({ text, voice: 'vi' }),
      store: (wav, durationMs, name) => media.storeGenerated(wav, { mime: 'audio/wav', kind: 'audio', durationMs, name }),
    },
  });
  const cap = createCapService({ db, clock, audit, alerts });
  return { alerts, cap };
}
