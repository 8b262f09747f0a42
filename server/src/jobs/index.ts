// The declarative table of scheduled jobs. Each `run` calls a service that tests can call directly.
import schedule from 'node-schedule';
import type { Logger } from '../log';

export type JobSpec = { name: string; rule: string; run: () => Promise<unknown> };

export function startJobs(specs: JobSpec[], opts: { tz: string; log: Logger }) {
  const jobs = specs.map((spec) =>
    schedule.scheduleJob(spec.name, { rule: spec.rule, tz: opts.tz }, async () => {
      const started = Date.now();
      try {
        await spec.run();
        opts.log.info('job done', { job: spec.name, ms: Date.now() - started });
      } catch (err) {
        opts.log.error('job failed', { job: spec.name, err });
      }
    }),
  );
  return {
    stop: () => jobs.forEach((j) => j?.cancel()),
    names: specs.map((s) => s.name),
  };
}
