import { afterEach, describe, expect, it } from 'vitest';
import schedule from 'node-schedule';
import { isCronRule } from './cron';

const valid = ['15 2 * * *', '*/5 * * * *', '0 1 1 1,4,7,10 *', '30 3 * * 0', '0 22 * * 7', '0-59/10 6-18 1-31 1-12 1-5', '5/15 * * * *'];
const invalid = [
  '',
  'nightly',
  '15 2 * *',
  '0 15 2 * * *',
  '60 * * * *',
  '* 24 * * *',
  '* * 0 * *',
  '* * * 13 *',
  '* * * * 8',
  '10-5 * * * *',
  '*/0 * * * *',
  '@daily',
  '1,,2 * * * *',
];

describe('isCronRule', () => {
  const started: schedule.Job[] = [];
  afterEach(() => started.splice(0).forEach((j) => j.cancel()));

  it.each(valid)('accepts %s, and node-schedule schedules it', (rule) => {
    expect(isCronRule(rule)).toBe(true);
    const job = schedule.scheduleJob({ rule, tz: 'Asia/Ho_Chi_Minh' }, () => undefined);
    expect(job).not.toBeNull();
    started.push(job!);
    expect(job!.nextInvocation()).not.toBeNull();
  });

  it.each(invalid)('refuses %j', (rule) => {
    expect(isCronRule(rule)).toBe(false);
  });
});
