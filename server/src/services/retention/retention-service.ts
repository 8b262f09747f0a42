// Retention (lưu giữ dữ liệu): purges proof of play, alert acknowledgements, kiosk feedback, phone numbers
// past their consented date (of feedback and of citizens' reports), connection history and daily log files, each on its own configured period. One
// purge writes one audit entry (actor `system`) with what it removed, so the purge itself is traceable.
// The audit log is never purged: it is the legal record of approvals (see README). Generated reports live as
// XLSX files in <dataDir>/reports/ with their own rows and are not touched either.
import type { Db, Queryable } from '../../db/sqlite';
import type { Actor, AuditService } from '../accounts/audit-service';
import { logsDir } from '../../log';
import { DAY_MS } from '../../domain/schedule/zone';
import { retentionRepo } from '../../repos/retention-repo';
import { citizenReportRepo } from '../../repos/citizen-report-repo';
import { purgeLogFiles } from './log-files';

export const SYSTEM: Actor = { id: null, name: 'system' };
export const BATCH_SIZE = 5_000;
/**
 * Connection history feeds the uptime section of the quarterly report, generated after the quarter (up to 92
 * days) ends: it is kept at least this long even when log files are kept for less.
 */
export const CONNECTIONS_MIN_DAYS = 93;

export type RetentionPolicy = { playsDays: number; feedbackDays: number; logsDays: number };
export type PurgeCounts = {
  plays: number;
  alertAcks: number;
  feedback: number;
  feedbackPhones: number;
  deviceSessions: number;
  logFiles: number;
};
export type PurgeResult = {
  counts: PurgeCounts;
  /**
   * Phone numbers erased from citizens' reports (the cases stay): at the moments a feedback phone goes — its
   * consented date, or the feedback retention cutoff that deletes feedback with its phone.
   */
  reportPhones: number;
  /** Rows older than these instants (epoch ms) were removed; the instant itself is kept. */
  cutoffs: { plays: number; feedback: number; phones: number; connections: number; logs: number };
  /** Write transactions per table; none holds more than the batch size. */
  batches: Record<'plays' | 'alertAcks' | 'feedback' | 'feedbackPhones' | 'reportPhones' | 'deviceSessions', number>;
};

type Step = (q: Queryable, at: number, limit: number) => Promise<number>;

export function createRetentionService(deps: {
  db: Db;
  audit: AuditService;
  clock: () => number;
  dataDir: string;
  tz: string;
  policy: RetentionPolicy;
  batchSize?: number;
}) {
  const limit = deps.batchSize ?? BATCH_SIZE;

  /** Runs one step in transactions of at most `limit` rows until a transaction finds fewer. */
  async function inBatches(step: Step, at: number): Promise<{ rows: number; batches: number }> {
    let rows = 0;
    let batches = 0;
    for (;;) {
      const n = await deps.db.transaction((tx) => step(tx, at, limit));
      rows += n;
      batches += 1;
      if (n < limit) return { rows, batches };
      // Let requests queued behind this transaction run before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    /** Removes everything past its retention period at `now`; returns what went. */
    async purge(now: number = deps.clock()): Promise<PurgeResult> {
      const p = deps.policy;
      const cutoffs = {
        plays: now - p.playsDays * DAY_MS,
        feedback: now - p.feedbackDays * DAY_MS,
        phones: now,
        connections: now - Math.max(p.logsDays, CONNECTIONS_MIN_DAYS) * DAY_MS,
        logs: now - p.logsDays * DAY_MS,
      };
      const counts: PurgeCounts = { plays: 0, alertAcks: 0, feedback: 0, feedbackPhones: 0, deviceSessions: 0, logFiles: 0 };
      const batches: PurgeResult['batches'] = { plays: 0, alertAcks: 0, feedback: 0, feedbackPhones: 0, reportPhones: 0, deviceSessions: 0 };
      let reportPhones = 0;
      const run = async (key: keyof PurgeResult['batches'], step: Step, at: number) => {
        const r = await inBatches(step, at);
        if (key === 'reportPhones') reportPhones = r.rows;
        else counts[key] = r.rows;
        batches[key] = r.batches;
      };
      const eraseReportPhones: Step = (q, at, n) => citizenReportRepo.erasePhonesDue(q, at, cutoffs.feedback, n);
      let failure: unknown = null;
      try {
        await run('plays', retentionRepo.deletePlaysBefore, cutoffs.plays);
        await run('alertAcks', retentionRepo.deleteAlertAcksBefore, cutoffs.plays);
        // Old feedback goes first, so `feedbackPhones` counts only numbers erased from feedback that stays.
        await run('feedback', retentionRepo.deleteFeedbackBefore, cutoffs.feedback);
        await run('feedbackPhones', retentionRepo.erasePhonesDue, cutoffs.phones);
        await run('reportPhones', eraseReportPhones, cutoffs.phones);
        await run('deviceSessions', retentionRepo.deleteSessionsEndedBefore, cutoffs.connections);
        counts.logFiles = purgeLogFiles(logsDir(deps.dataDir), cutoffs.logs, deps.tz).length;
      } catch (err) {
        failure = err;
      }
      // A purge that failed half-way is recorded too, with what it had removed by then.
      const iso = (ms: number) => new Date(ms).toISOString();
      await deps.db.transaction((tx) =>
        deps.audit.append(tx, SYSTEM, {
          action: 'retention.purge',
          target: 'retention',
          summary: {
            ...counts,
            reportPhones,
            policy: { ...p, connectionsDays: Math.max(p.logsDays, CONNECTIONS_MIN_DAYS) },
            cutoffs: {
              plays: iso(cutoffs.plays),
              feedback: iso(cutoffs.feedback),
              connections: iso(cutoffs.connections),
              logs: iso(cutoffs.logs),
            },
            ...(failure ? { error: failure instanceof Error ? failure.message : String(failure) } : {}),
          },
        }),
      );
      if (failure) throw failure;
      return { counts, reportPhones, cutoffs, batches };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
