// Every scheduled job of the server, in one table `{ name, rule, run }` (rules are cron in BANTIN_TZ; startJobs
// passes the zone). Each `run` calls a service that tests can call directly; the names appear in the logs.
import path from 'node:path';
import type { Db } from '../db/sqlite';
import type { JobSpec } from './index';
import type { AuthService } from '../services/accounts/auth-service';
import { backupDatabase, pruneBackups } from '../services/accounts/backup-service';
import type { AlertService } from '../services/alerts/alert-service';
import type { ReviewService } from '../services/content/review-service';
import type { FeedbackService } from '../services/reports/feedback-service';
import type { CaseService } from '../services/cases/case-service';
import type { ReportService } from '../services/reports/report-service';
import type { RetentionService } from '../services/retention/retention-service';
import type { TimelineService } from '../services/scheduling/timeline-service';

export const RETENTION_JOB = 'retention-purge';

export type JobTableDeps = {
  db: Db;
  clock: () => number;
  dataDir: string;
  /** BANTIN_RETENTION_CRON. */
  retentionRule: string;
  reviews: Pick<ReviewService, 'expire'>;
  timeline: Pick<TimelineService, 'recompileAll'>;
  reports: Pick<ReportService, 'generateScheduled'>;
  alerts: Pick<AlertService, 'expireDue'>;
  feedback: Pick<FeedbackService, 'erasePhonesDue'>;
  cases: Pick<CaseService, 'erasePhonesDue'>;
  auth: Pick<AuthService, 'purgeIdle'>;
  retention: Pick<RetentionService, 'purge'>;
};

export function jobTable(deps: JobTableDeps): JobSpec[] {
  return [
    { name: 'expire-content', rule: '*/5 * * * *', run: () => deps.reviews.expire() },
    // Every device's timeline is recompiled shortly after local midnight, so devices always hold
    // `horizonDays` days ahead (and the window starts at today).
    { name: 'extend-horizon', rule: '10 0 * * *', run: () => deps.timeline.recompileAll() },
    // Periodic reports (báo cáo định kỳ) archive the last complete month or quarter; a run that finds the
    // period already archived does nothing, so a restart on the 1st never makes a second copy. A quarter
    // ends with a month: it runs a quarter of an hour after the monthly report instead of beside it.
    { name: 'report-monthly', rule: '0 1 1 * *', run: () => deps.reports.generateScheduled('month') },
    { name: 'report-quarterly', rule: '15 1 1 1,4,7,10 *', run: () => deps.reports.generateScheduled('quarter') },
    // Alerts also expire on their own timer; this catches any the timer missed.
    { name: 'expire-alerts', rule: '* * * * *', run: () => deps.alerts.expireDue() },
    { name: 'erase-feedback-phones', rule: '15 3 * * *', run: () => deps.feedback.erasePhonesDue() },
    { name: 'erase-report-phones', rule: '16 3 * * *', run: () => deps.cases.erasePhonesDue() },
    { name: 'purge-idle-sessions', rule: '*/15 * * * *', run: () => deps.auth.purgeIdle() },
    // SQLite maintenance.
    { name: 'sqlite-checkpoint', rule: '5 * * * *', run: () => deps.db.exec('PRAGMA wal_checkpoint(TRUNCATE)') },
    { name: 'sqlite-optimize', rule: '30 3 * * *', run: () => deps.db.exec('PRAGMA optimize') },
    { name: RETENTION_JOB, rule: deps.retentionRule, run: () => deps.retention.purge() },
    {
      name: 'nightly-backup',
      rule: '0 2 * * *',
      run: async () => {
        const dir = path.join(deps.dataDir, 'backups');
        const stamp = new Date(deps.clock()).toISOString().slice(0, 10);
        await backupDatabase(deps.db, path.join(dir, `bantin-${stamp}.db`));
        pruneBackups(dir, 14);
      },
    },
  ];
}
