// Scheduled periodic reports (báo cáo định kỳ) for the culture–social office: each run archives the last
// complete month or quarter in BANTIN_TZ (startJobs passes the zone). A run that finds the period already
// archived by the schedule does nothing, so a restart on the 1st never makes a second copy.
import type { JobSpec } from './index';
import type { ReportService } from '../services/reports/report-service';

export function reportJobs(reports: Pick<ReportService, 'generateScheduled'>): JobSpec[] {
  return [
    { name: 'report-monthly', rule: '0 1 1 * *', run: () => reports.generateScheduled('month') },
    // A quarter ends with a month: run a quarter of an hour after the monthly report instead of beside it.
    { name: 'report-quarterly', rule: '15 1 1 1,4,7,10 *', run: () => reports.generateScheduled('quarter') },
  ];
}
