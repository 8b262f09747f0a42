// The retention purge as a row of the job table (main.ts); the rule is BANTIN_RETENTION_CRON, in BANTIN_TZ.
import type { JobSpec } from './index';
import type { RetentionService } from '../services/retention/retention-service';

export const RETENTION_JOB = 'retention-purge';

export function retentionJob(retention: Pick<RetentionService, 'purge'>, rule: string): JobSpec {
  return { name: RETENTION_JOB, rule, run: () => retention.purge() };
}
