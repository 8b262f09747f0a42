// The composition root: the only file that wires config, store, services, HTTP, jobs and the process.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ConfigError, loadConfig, type Config } from './config';
import { createDailyLogFile, createLogger, logsDir, type Logger } from './log';
import { openDb } from './db/sqlite';
import { migrate } from './db/migrate';
import { createAuditService } from './services/accounts/audit-service';
import { createAuthService } from './services/accounts/auth-service';
import { createUserService } from './services/accounts/user-service';
import { backupDatabase, pruneBackups } from './services/accounts/backup-service';
import { createApp } from './app';
import { createEventBus } from './services/event-bus';
import { createMediaService } from './services/content/media-service';
import { createContentService } from './services/content/content-service';
import { createReviewService } from './services/content/review-service';
import { createSeedService } from './services/content/seed-service';
import { createSpeechRenderer } from './media/speech';
import { cleanTempDir } from './media/store/content-store';
import { startJobs, type JobSpec } from './jobs';
import { createTimelineService, type TimelineChange } from './services/scheduling/timeline-service';
import { createDeviceService } from './services/devices/device-service';
import { createGroupService } from './services/scheduling/group-service';
import { createPlaylistService } from './services/scheduling/playlist-service';
import { createScheduleService } from './services/scheduling/schedule-service';
import { createPairingService } from './services/devices/pairing-service';
import { createGroupCalendar } from './services/scheduling/group-calendar';
import { horizonJob } from './jobs/horizon';
import { createReportService } from './services/reports/report-service';
import { reportJobs } from './jobs/reports';
import { composeRealtimeArea, type RealtimeArea } from './realtime/compose';
import { createDeviceCommandService } from './services/devices/device-command-service';
import { createCalendarLinkService } from './services/scheduling/calendar-link-service';
import { createRetentionService } from './services/retention/retention-service';
import { retentionJob } from './jobs/retention';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const dbFile = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'bantin.db');

/** Builds everything from config; used by start() and by the integration tests. */
export async function compose(config: Config, opts: { log?: Logger; clock?: () => number } = {}) {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? (() => Date.now());
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await openDb(dbFile(config));
  const applied = await migrate(db);
  if (applied.length) log.info('migrations applied', { applied });

  const audit = createAuditService({ db, clock });
  const auth = createAuthService({ db, clock, audit, idleMs: config.sessionIdleMs });
  const users = createUserService({ db, clock, audit });
  const bus = createEventBus({ onError: (event, err) => log.error('event listener failed', { event, err }) });
  await cleanTempDir(config.dataDir);
  const media = createMediaService({ db, clock, audit, dataDir: config.dataDir, maxBytes: config.maxUploadBytes, lufsTarget: config.lufsTarget });
  const speech = createSpeechRenderer();
  const content = createContentService({ db, clock, audit, bus, media, speech });
  const reviews = createReviewService({ db, clock, audit, bus, content });
  const seeds = createSeedService({ db, clock, audit, content, media, log });
  const timeline = createTimelineService({ db, clock, tz: config.tz, horizonDays: config.horizonDays, bus, log });
  // A failed recompile must not undo the committed change that caused it; the daily job repairs it.
  const recompile = (change: TimelineChange) =>
    timeline.recompileFor(change).then(
      () => undefined,
      (err: unknown) => log.error('timeline recompile failed', { err, change }),
    );
  // The hub is built further down; a revoked or deleted device's open connection is closed through it.
  let hub: RealtimeArea['realtime'] | null = null;
  const devices = createDeviceService({ db, clock, audit, recompile, defaultLedHours: config.ledHours, onAccessLost: (id) => hub?.devices.disconnect(id) });
  const groups = createGroupService({ db, clock, audit, recompile });
  const playlists = createPlaylistService({ db, clock, audit, recompile });
  const schedules = createScheduleService({ db, clock, audit, recompile });
  const pairing = createPairingService({ db, clock, audit, devices, recompile });
  const groupCalendar = createGroupCalendar({ db, clock, tz: config.tz });
  const reports = createReportService({ db, clock, audit, tz: config.tz, dataDir: config.dataDir });
  // Alerts, CAP, proof of play, feedback, device media and the WebSocket hub (start() attaches it).
  const rt = composeRealtimeArea({
    db, log, clock, audit, dataDir: config.dataDir, devices, sessions: auth, timelines: timeline,
    speech: { render: (r) => speech.render(r), storeGenerated: (b, m) => media.storeGenerated(b, m) },
  });
  await rt.start();
  hub = rt.realtime;
  const commands = createDeviceCommandService({ db, audit, devices, hub: () => rt.realtime.devices });
  const retention = createRetentionService({ db, audit, clock, dataDir: config.dataDir, tz: config.tz, policy: config.retention });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });

  const app = createApp({
    db,
    log,
    metrics,
    auth,
    users,
    audit,
    media,
    content,
    reviews,
    devices,
    groups,
    playlists,
    schedules,
    pairing,
    timeline,
    groupCalendar,
    reports,
    clock,
    alerts: rt.alerts,
    cap: rt.cap,
    plays: rt.plays,
    feedback: rt.feedback,
    deviceMedia: rt.deviceMedia,
    commands,
    calendarLinks: createCalendarLinkService({ db, calendar: groupCalendar }),
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    idleMs: config.sessionIdleMs,
    staticRoots: { dashboard: path.join(REPO_ROOT, 'dashboard', 'dist'), player: path.join(REPO_ROOT, 'player', 'dist') },
  });

  const jobs: JobSpec[] = [
    { name: 'expire-content', rule: '*/5 * * * *', run: () => reviews.expire() },
    horizonJob(timeline),
    ...reportJobs(reports),
    ...rt.jobs,
    { name: 'purge-idle-sessions', rule: '*/15 * * * *', run: () => auth.purgeIdle() },
    { name: 'sqlite-checkpoint', rule: '5 * * * *', run: () => db.exec('PRAGMA wal_checkpoint(TRUNCATE)') },
    { name: 'sqlite-optimize', rule: '30 3 * * *', run: () => db.exec('PRAGMA optimize') },
    retentionJob(retention, config.retention.cron),
    {
      name: 'nightly-backup',
      rule: '0 2 * * *',
      run: async () => {
        const dir = path.join(config.dataDir, 'backups');
        const stamp = new Date(clock()).toISOString().slice(0, 10);
        await backupDatabase(db, path.join(dir, `bantin-${stamp}.db`));
        pruneBackups(dir, 14);
      },
    },
  ];

  /** First start on an empty database: create `admin`. Returns the generated password, if any. */
  const seedAdmin = async (): Promise<{ created: boolean; generatedPassword?: string }> => {
    const generated = config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    const created = await users.ensureAdmin(config.adminPassword ?? generated!);
    return created ? { created, generatedPassword: generated } : { created };
  };

  /** First start: the starter pack of Code of Conduct messages, jingle and attention tone (idempotent). */
  const seedStarterPack = () => seeds.seedStarterPack();

  const close = async () => {
    await rt.close();
    await speech.close().catch(() => undefined);
    await db.close();
  };
  return {
    config, log, db, bus, app, audit, auth, users, media, content, reviews,
    devices, groups, playlists, schedules, pairing, timeline, reports,
    alerts: rt.alerts, realtime: rt.realtime, realtimeArea: rt, retention,
    jobs, seedAdmin, seedStarterPack, close,
  };
}

export async function start(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(env);
  // Log lines also go to one file per local day, which the retention purge deletes after BANTIN_RETAIN_LOGS_DAYS.
  const logFile = config.logFiles ? createDailyLogFile({ dir: logsDir(config.dataDir), tz: config.tz }) : null;
  const log = createLogger(config.logLevel, {}, (line) => {
    process.stdout.write(line + '\n');
    logFile?.write(line);
  });
  const ctx = await compose(config, { log });
  const seeded = await ctx.seedAdmin();
  const pack = await ctx.seedStarterPack();
  if (pack.created) ctx.log.info('starter pack seeded', { created: pack.created });
  await ctx.timeline.recompileAll();
  const jobs = startJobs(ctx.jobs, { tz: config.tz, log: ctx.log });

  const server = serve({ fetch: ctx.app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const base = `http://localhost:${info.port}`;
    ctx.log.info('listening', { port: info.port, url: base, dataDir: config.dataDir });
    const lines = [
      '',
      `  bantin đang chạy / is running`,
      `  Bảng điều khiển / Dashboard: ${base}/`,
      `  Trình phát / Player:         ${base}/player/`,
      seeded.generatedPassword
        ? `  Đăng nhập / Log in: admin / ${seeded.generatedPassword}   (mật khẩu chỉ in một lần / shown only once)`
        : seeded.created
          ? '  Đăng nhập / Log in: admin / (BANTIN_ADMIN_PASSWORD)'
          : '  Đăng nhập bằng tài khoản đã có / Log in with an existing account (npm run user -- add … to add one)',
      '',
    ];
    process.stderr.write(lines.join('\n') + '\n');
  });
  ctx.realtime.attach(server);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info('stopping', { signal });
    jobs.stop();
    server.close();
    await ctx.close().catch(() => undefined);
    logFile?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return { server, ctx };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start().catch((err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(err.message + '\n');
    else process.stderr.write(`Không khởi động được / Failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
