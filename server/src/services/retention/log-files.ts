// Deletes the daily log files (bantin-YYYY-MM-DD.jsonl) whose whole local day lies before the cutoff. Only
// regular files whose name has exactly that shape are touched: anything else in the folder is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { LOG_FILE_PATTERN } from '../../log';
import { DAY_MS, ZoneCalendar } from '../../domain/schedule/zone';

/** The local day (days since 1970-01-01) a log file's name stands for, or null for any other name. */
export function logFileDay(name: string): number | null {
  const m = LOG_FILE_PATTERN.exec(name);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over to March: such a name is not one the server writes.
  return new Date(utc).toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? utc / DAY_MS : null;
}

/** Removes the files of days that ended at or before `cutoff` (epoch ms); returns their names, sorted. */
export function purgeLogFiles(dir: string, cutoff: number, tz: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const cal = new ZoneCalendar(tz);
  const removed: string[] = [];
  for (const name of names.sort()) {
    const day = logFileDay(name);
    if (day === null || cal.toEpoch(day + 1, 0) > cutoff) continue;
    const full = path.join(dir, name);
    if (!fs.lstatSync(full).isFile()) continue; // never a directory or a symbolic link
    fs.rmSync(full, { force: true });
    removed.push(name);
  }
  return removed;
}
