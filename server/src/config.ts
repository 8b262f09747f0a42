// Configuration from environment variables only, validated once at start with a clear message per bad value.
import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import { isCronRule } from './domain/cron';

const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const isExecutable = (p: string): boolean => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};
const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Whole days between `min` and 100 years, with a bilingual message naming the variable. */
const days = (name: string, min: number, fallback: number, why: string) =>
  z.coerce
    .number({ message: `${name} phải là số ngày / must be a number of days` })
    .int(`${name} phải là số nguyên / must be a whole number of days`)
    .min(min, `${name} phải ít nhất ${min} ngày / must be at least ${min} ${min === 1 ? 'day' : 'days'} (${why})`)
    .max(36_500, `${name} không được quá 36500 ngày / must be at most 36500 days`)
    .default(fallback);

// Plays and feedback feed the quarterly report, generated after the quarter ends: keep at least a quarter.
const REPORT_DAYS = 93;

const schema = z.object({
  PORT: z.coerce
    .number({ message: 'PORT phải là số / PORT must be a number' })
    .int()
    .min(0, 'PORT phải từ 0 đến 65535 / PORT must be 0–65535')
    .max(65535, 'PORT phải từ 0 đến 65535 / PORT must be 0–65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  BANTIN_DATA_DIR: z.string().min(1).default('./data'),
  BANTIN_ADMIN_PASSWORD: z
    .string()
    .min(8, 'BANTIN_ADMIN_PASSWORD cần ít nhất 8 ký tự / needs at least 8 characters')
    .optional(),
  BANTIN_TZ: z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine(isTimeZone, 'BANTIN_TZ không phải múi giờ IANA hợp lệ / is not a valid IANA time zone'),
  BANTIN_LOG_LEVEL: z.enum(levels, { message: `BANTIN_LOG_LEVEL phải là một trong / must be one of: ${levels.join(', ')}` }).default('info'),
  BANTIN_SESSION_IDLE_MIN: z.coerce.number().int().min(1).max(7 * 24 * 60).default(480),
  BANTIN_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(16 * 1024).default(2048),
  BANTIN_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  BANTIN_METRICS_TOKEN: z.string().min(16, 'BANTIN_METRICS_TOKEN cần ít nhất 16 ký tự / needs at least 16 characters').max(500).optional(),
  BANTIN_HORIZON_DAYS: z.coerce.number().int().min(1).max(31).default(7),
  BANTIN_LUFS_TARGET: z.coerce.number().min(-40).max(-5).default(-16),
  BANTIN_LED_HOURS: z
    .string()
    .regex(
      /^(always|([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00))$/,
      'BANTIN_LED_HOURS phải có dạng HH:MM-HH:MM hoặc always / must be HH:MM-HH:MM or always',
    )
    .default('05:30-22:00'),
  // Read where ffmpeg runs (media/tools/run-tool.ts); checked here so a wrong path stops the start, not an upload.
  BANTIN_WARD_NAME: z.string().trim().min(1).max(200).default('UBND phường Nam Định'),
  BANTIN_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'BANTIN_PUBLIC_URL phải là địa chỉ http(s) / must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  BANTIN_FFMPEG_PATH: z.string().refine(isExecutable, 'BANTIN_FFMPEG_PATH: không có tệp chạy được ở đường dẫn này / no executable file at this path').optional(),
  BANTIN_FFPROBE_PATH: z.string().refine(isExecutable, 'BANTIN_FFPROBE_PATH: không có tệp chạy được ở đường dẫn này / no executable file at this path').optional(),
  // icecast://source:PASSWORD@host:port — where zone encoders also send their MP3 (one mount per zone).
  BANTIN_ICECAST_URL: z
    .string()
    .refine(
      (u) => parseIcecastUrl(u) !== null,
      'BANTIN_ICECAST_URL phải có dạng icecast://source:MẬT_KHẨU@máy:cổng / must be icecast://source:PASSWORD@host:port',
    )
    .optional(),
  BANTIN_RELAY_SILENCE_S: z.coerce
    .number({ message: 'BANTIN_RELAY_SILENCE_S phải là số giây / must be a number of seconds' })
    .int('BANTIN_RELAY_SILENCE_S phải là số nguyên giây / must be whole seconds')
    .min(2, 'BANTIN_RELAY_SILENCE_S ít nhất 2 giây / at least 2 seconds')
    .max(600, 'BANTIN_RELAY_SILENCE_S nhiều nhất 600 giây / at most 600 seconds')
    .default(10),
  BANTIN_LIVE_MAX_MIN: z.coerce
    .number({ message: 'BANTIN_LIVE_MAX_MIN phải là số phút / must be a number of minutes' })
    .int('BANTIN_LIVE_MAX_MIN phải là số nguyên phút / must be whole minutes')
    .min(1, 'BANTIN_LIVE_MAX_MIN ít nhất 1 phút / at least 1 minute')
    .max(240, 'BANTIN_LIVE_MAX_MIN nhiều nhất 240 phút / at most 240 minutes')
    .default(60),
  BANTIN_LOG_FILES: z.enum(['0', '1'], { message: 'BANTIN_LOG_FILES phải là 0 hoặc 1 / must be 0 or 1' }).default('1'),
  BANTIN_RETAIN_PLAYS_DAYS: days('BANTIN_RETAIN_PLAYS_DAYS', REPORT_DAYS, 730, 'báo cáo quý / the quarterly report'),
  BANTIN_RETAIN_FEEDBACK_DAYS: days('BANTIN_RETAIN_FEEDBACK_DAYS', REPORT_DAYS, 365, 'báo cáo quý / the quarterly report'),
  BANTIN_RETAIN_LOGS_DAYS: days('BANTIN_RETAIN_LOGS_DAYS', 1, 90, 'ít nhất một ngày / at least one day'),
  BANTIN_RETENTION_CRON: z
    .string()
    .default('15 2 * * *')
    .refine(
      isCronRule,
      'BANTIN_RETENTION_CRON phải là biểu thức cron 5 trường, ví dụ "15 2 * * *" / must be a five-field cron rule, e.g. "15 2 * * *"',
    ),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  tz: string;
  logLevel: (typeof levels)[number];
  sessionIdleMs: number;
  maxUploadBytes: number;
  trustProxy: boolean;
  /** Bearer token for /metrics from another host; loopback clients need none. */
  metricsToken: string | null;
  horizonDays: number;
  lufsTarget: number;
  /** Default operating hours of a new LED screen; null = always on. */
  ledHours: { start: string; end: string } | null;
  /** Also write the JSON log lines to <dataDir>/logs/bantin-YYYY-MM-DD.jsonl (start() only). */
  logFiles: boolean;
  /** The publisher named on the public feed and pages (author of the Atom feed). */
  wardName: string;
  /** Origin of the public links in feeds and share buttons; null = the origin of each request. */
  publicUrl: string | null;
  /** How long each kind of record is kept, and when the purge runs (cron, in `tz`). */
  retention: { playsDays: number; feedbackDays: number; logsDays: number; cron: string };
  /** BANTIN_ICECAST_URL parsed; null = zones are not pushed to an Icecast server. */
  icecast: IcecastTarget | null;
  /** A relay silent this long (ms) is dead air: its targets fall back (BANTIN_RELAY_SILENCE_S). */
  relaySilenceMs: number;
  /** A live announcement ends by itself after this long (ms) if nobody stops it (BANTIN_LIVE_MAX_MIN). */
  liveMaxMs: number;
};

/** An Icecast server that zone encoders push to as a source client. */
export type IcecastTarget = { user: string; password: string; host: string; port: number };

/** Parses icecast://user:password@host:port; null when it is not exactly that. */
export function parseIcecastUrl(raw: string): IcecastTarget | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  const port = Number(u.port);
  if (u.protocol !== 'icecast:' || !u.username || !u.password || !u.hostname || !Number.isInteger(port) || port < 1) return null;
  if ((u.pathname !== '' && u.pathname !== '/') || u.search || u.hash) return null;
  return { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), host: u.hostname, port };
}

export class ConfigError extends Error {}

/** Parse the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.BANTIN_DATA_DIR),
    adminPassword: e.BANTIN_ADMIN_PASSWORD,
    tz: e.BANTIN_TZ,
    logLevel: e.BANTIN_LOG_LEVEL,
    sessionIdleMs: e.BANTIN_SESSION_IDLE_MIN * 60_000,
    maxUploadBytes: e.BANTIN_MAX_UPLOAD_MB * 1024 * 1024,
    trustProxy: e.BANTIN_TRUST_PROXY === '1',
    metricsToken: e.BANTIN_METRICS_TOKEN ?? null,
    horizonDays: e.BANTIN_HORIZON_DAYS,
    lufsTarget: e.BANTIN_LUFS_TARGET,
    ledHours: e.BANTIN_LED_HOURS === 'always' ? null : { start: e.BANTIN_LED_HOURS.slice(0, 5), end: e.BANTIN_LED_HOURS.slice(6) },
    logFiles: e.BANTIN_LOG_FILES === '1',
    wardName: e.BANTIN_WARD_NAME,
    publicUrl: e.BANTIN_PUBLIC_URL ?? null,
    retention: {
      playsDays: e.BANTIN_RETAIN_PLAYS_DAYS,
      feedbackDays: e.BANTIN_RETAIN_FEEDBACK_DAYS,
      logsDays: e.BANTIN_RETAIN_LOGS_DAYS,
      cron: e.BANTIN_RETENTION_CRON.trim().replace(/\s+/g, ' '),
    },
    icecast: e.BANTIN_ICECAST_URL ? parseIcecastUrl(e.BANTIN_ICECAST_URL) : null,
    relaySilenceMs: e.BANTIN_RELAY_SILENCE_S * 1000,
    liveMaxMs: e.BANTIN_LIVE_MAX_MIN * 60_000,
  };
}
