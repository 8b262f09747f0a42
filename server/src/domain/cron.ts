// Checks a cron rule before node-schedule ever sees it: node-schedule answers a rule it cannot read with no job
// at all, so a typo in BANTIN_RETENTION_CRON would silently mean "never purge". Standard five fields
// (minute hour day-of-month month day-of-week) with `*`, numbers, ranges, steps and lists.
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 }, // 0 and 7 are both Sunday (Chủ nhật)
] as const;

const ITEM = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/;

function validItem(item: string, min: number, max: number): boolean {
  const m = ITEM.exec(item);
  if (!m) return false;
  const [, star, from, to, step] = m;
  if (step !== undefined && Number(step) < 1) return false;
  if (star === '*') return true;
  const a = Number(from);
  const b = to === undefined ? a : Number(to);
  return a >= min && b <= max && a <= b;
}

/** true when `rule` is a five-field cron expression node-schedule will accept. */
export function isCronRule(rule: string): boolean {
  const parts = rule.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) return false;
  return parts.every((part, i) => part.split(',').every((item) => validItem(item, FIELDS[i]!.min, FIELDS[i]!.max)));
}
