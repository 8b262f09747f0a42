// Structured JSON logs, one object per line; child loggers carry fields such as the request id. Lines go to
// stdout and, when the server is started for real, also to one file per local day (createDailyLogFile).
import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS, ZoneCalendar } from './domain/schedule/zone';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
};

export function createLogger(
  level: LogLevel,
  base: Record<string, unknown> = {},
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const rec: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    if (fields?.err instanceof Error) rec.err = { message: fields.err.message, stack: fields.err.stack };
    write(JSON.stringify(rec));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

/** Name of one local day's log file: bantin-YYYY-MM-DD.jsonl. The purge deletes only names of this shape. */
export const LOG_FILE_PATTERN = /^bantin-(\d{4})-(\d{2})-(\d{2})\.jsonl$/;
export const logsDir = (dataDir: string) => path.join(dataDir, 'logs');

/**
 * Appends log lines to <dir>/bantin-YYYY-MM-DD.jsonl, one file per local day in `tz`, opened lazily on the
 * first line of a day. Writes are synchronous so the last lines before process.exit are not lost; a failing
 * disk is reported once on stderr and never stops the server (stdout still has every line).
 */
export function createDailyLogFile(opts: { dir: string; tz: string; clock?: () => number }) {
  const clock = opts.clock ?? (() => Date.now());
  const cal = new ZoneCalendar(opts.tz);
  let open: { day: number; fd: number } | null = null;
  let failed = false;
  const close = () => {
    if (open) fs.closeSync(open.fd);
    open = null;
  };
  return {
    write(line: string) {
      try {
        const day = cal.dayOf(clock());
        if (open?.day !== day) {
          close();
          fs.mkdirSync(opts.dir, { recursive: true });
          const name = `bantin-${new Date(day * DAY_MS).toISOString().slice(0, 10)}.jsonl`;
          open = { day, fd: fs.openSync(path.join(opts.dir, name), 'a', 0o640) };
        }
        fs.writeSync(open.fd, line + '\n');
        failed = false;
      } catch (err) {
        if (!failed) process.stderr.write(`Không ghi được tệp nhật ký / Cannot write the log file: ${String(err)}\n`);
        failed = true;
      }
    },
    close,
  };
}
