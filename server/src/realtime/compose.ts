// Builds this area's services and the realtime hub for main.ts (the composition root calls this once), so
// the shared root only gains a few lines: alerts, CAP, proof of play, feedback, device media, the hub, jobs.
import type { Db } from '../db/sqlite';
import type { Logger } from '../log';
import type { AuditService } from '../services/accounts/audit-service';
import { createAlertService } from '../services/alerts/alert-service';
import { createCapService } from '../services/alerts/cap-service';
import { createPlayService } from '../services/reports/play-service';
import { createFeedbackService } from '../services/reports/feedback-service';
import { createDeviceMediaService } from '../services/devices/device-media-service';
import { createRealtime, type RealtimeDeps } from './index';
import type { HubTimelines } from './device-hub';

const ALERT_RECOMPILE_DELAY_MS = 250;

export type RealtimeAreaDeps = {
  db: Db;
  log: Logger;
  clock: () => number;
  audit: AuditService;
  dataDir: string;
  devices: RealtimeDeps['devices'];
  sessions: RealtimeDeps['sessions'];
  timelines: HubTimelines & { recompileFor(change: { type: 'alert'; alertId: number }): Promise<unknown> };
  /** Vietnamese speech for speakers (helper B's renderer) and the media store (helper C / lead). */
  speech?: {
    render(req: { text: string; voice: 'vi' }): Promise<{ wav: Buffer; durationMs: number }>;
    storeGenerated(bytes: Buffer, meta: { mime: string; kind: 'audio'; durationMs: number | null; name: string }): Promise<string>;
  };
  options?: RealtimeDeps['options'];
};

export function composeRealtimeArea(deps: RealtimeAreaDeps) {
  const { db, log, clock, audit } = deps;
  const sp = deps.speech;
  const alerts = createAlertService({
    db,
    clock,
    audit,
    log,
    speech: sp && {
      render: (text) => sp.render({ text, voice: 'vi' }),
      store: (wav, durationMs, name) => sp.storeGenerated(wav, { mime: 'audio/wav', kind: 'audio', durationMs, name }),
    },
  });
  // The alerts table feeds the timeline compiler too: devices that are offline now play the alert from
  // their timeline when they come back (and the speech file lands in their media manifest).
  // The recompile waits a moment: connected devices already have the alert.v1, and compiling thousands of
  // timelines at once would otherwise compete for the CPU with delivering it.
  alerts.onChange((c) => {
    const t = setTimeout(() => {
      deps.timelines
        .recompileFor({ type: 'alert', alertId: Number(c.message.id) })
        .catch((err: unknown) => log.error('recompile after alert change failed', { err, alertId: c.message.id }));
    }, ALERT_RECOMPILE_DELAY_MS);
    t.unref();
  });
  const cap = createCapService({ db, clock, audit, alerts });
  const plays = createPlayService({ db, clock });
  const feedback = createFeedbackService({ db, clock });
  const deviceMedia = createDeviceMediaService({ db, dataDir: deps.dataDir, timelines: deps.timelines, alerts });
  const realtime = createRealtime({ db, log, clock, devices: deps.devices, sessions: deps.sessions, timelines: deps.timelines, alerts, plays, feedback, options: deps.options });
  const jobs = [
    { name: 'expire-alerts', rule: '* * * * *', run: () => alerts.expireDue() },
    { name: 'erase-feedback-phones', rule: '15 3 * * *', run: () => feedback.erasePhonesDue() },
  ];
  return {
    alerts,
    cap,
    plays,
    feedback,
    deviceMedia,
    realtime,
    jobs,
    /** At start: clear stale online flags, arm the expiry timer. */
    async start() {
      await realtime.start();
      alerts.armExpiry();
    },
    async close() {
      alerts.stop();
      realtime.close();
      await alerts.settle().catch(() => undefined);
    },
  };
}
export type RealtimeArea = ReturnType<typeof composeRealtimeArea>;
