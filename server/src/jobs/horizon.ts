// The daily job that moves the compiled horizon forward: every device's timeline is recompiled shortly after
// local midnight, so devices always hold `horizonDays` days ahead (and the window starts at today).
import type { JobSpec } from './index';
import type { TimelineService } from '../services/scheduling/timeline-service';

export function horizonJob(timeline: Pick<TimelineService, 'recompileAll'>): JobSpec {
  return { name: 'extend-horizon', rule: '10 0 * * *', run: () => timeline.recompileAll() };
}
