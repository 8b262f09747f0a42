// The composition root: the only file that wires config, store, services, HTTP, jobs and the process; each
// area's services are built by its builder in compose/, called from here only.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { keepConnectionsAlive } from './http/keep-alive';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ConfigError, loadConfig, type Config } from './config';
import { createDailyLogFile, createLogger, logsDir, type Logger } from './log';
import { openDb } from './db/sqlite';
import { migrate } from './db/migrate';
import { createApp } from './app';
import { createEventBus } from './services/event-bus';
import { createRealtime } from './realtime/index';
import { startJobs } from './jobs';
import { jobTable } from './jobs/table';
import type { Base } from './compose/base';
import { composeAccounts } from './compose/accounts';
import { composeContent } from './compose/content';
import { composeScheduling } from './compose/scheduling';
import { composeAlerts } from './compose/alerts';
import { composeDevices } from './compose/devices';
import { composeReports } from './compose/reports';
import { composeStreams } from './compose/streams';
import { composeRelays } from './compose/relays';
import { composeLive } from './compose/live';
import type { ZoneAudioSource } from './streams/source';
import { STATIC_ROOTS } from './paths';

export const dbFile = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'bantin.db');

/** Builds everything from config; used by start() and by the integration tests. */
export async function compose(config: Config, opts: { log?: Logger; clock?: () => number; zoneAudio?: ZoneAudioSource } = {}) {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? (() => Date.now());
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await openDb(dbFile(config));
  const applied = await migrate(db);
  if (applied.length) log.info('migrations applied', { applied });

  // The one change channel between services, the timeline compiler and the realtime hub.
  const bus = createEventBus({ onError: (event, err) => log.error('event listener failed', { event, err }) });
  const base: Base = { config, db, log, clock, bus };
  const accounts = composeAccounts(base);
  const { audit } = accounts;
  const content = await composeContent(base, { audit });
  const scheduling = composeScheduling(base, { audit });
  const alertArea = composeAlerts(base, { audit, speech: content.speech, media: content.media });
  const { alerts } = alertArea;
  const devices = composeDevices(base, { audit, timeline: scheduling.timeline, alerts });
  const reports = composeReports(base, { audit });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const relays = composeRelays(base, { audit });
  const streams = composeStreams(base, {
    audit,
    timeline: scheduling.timeline,
    metrics,
    zoneAudio: opts.zoneAudio,
    relayAir: scheduling.relayAir,
    relaySources: relays.relaySources,
    announcementAir: scheduling.announcementAir,
  });
  const live = composeLive(base, {
    audit,
    media: content.media,
    air: scheduling.announcementAir,
    hub: streams.liveHub,
    livePcm: streams.livePcm,
    toneFile: streams.attentionToneFile,
  });
  // Announcements a crash left "on air" are closed with what they had recorded.
  await live.liveAnnouncements.recover();
  const services = { ...accounts, ...content, ...scheduling, ...alertArea, ...devices, ...reports, ...streams, ...relays, ...live };

  // The WebSocket hub; start() attaches it to the HTTP server.
  const realtime = createRealtime({
    log, clock, bus, deviceStatus: devices.deviceStatus, devices: devices.devices, sessions: accounts.auth,
    timelines: scheduling.timeline, alerts, plays: reports.plays, feedback: reports.feedback, quiz: reports.quiz,
    cases: reports.cases, liveHub: streams.liveHub, announcements: live.liveAnnouncements,
  });
  // No device is connected yet: clear stale online flags, then arm the alert expiry timer.
  await realtime.start();
  alerts.armExpiry();
  // Every enabled stream zone starts encoding; its clock is the wall clock, listeners or not.
  await streams.streamEngine.start();

  const app = createApp({
    ...services,
    db,
    log,
    metrics,
    clock,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    publicUrl: config.publicUrl,
    idleMs: config.sessionIdleMs,
    staticRoots: STATIC_ROOTS,
  });
  const jobs = jobTable({ ...services, db, clock, dataDir: config.dataDir, retentionRule: config.retention.cron });

  /** First start on an empty database: create `admin`. Returns the generated password, if any. */
  const seedAdmin = async (): Promise<{ created: boolean; generatedPassword?: string }> => {
    const generated = config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    const created = await accounts.users.ensureAdmin(config.adminPassword ?? generated!);
    return created ? { created, generatedPassword: generated } : { created };
  };

  /** First start: the starter pack of Code of Conduct messages, jingle and attention tone (idempotent).
   *  Its speech process is ended right after, rather than idling on with a hundred megabytes. */
  const seedStarterPack = async () => {
    try {
      return await content.seeds.seedStarterPack();
    } finally {
      await content.speech.release();
    }
  };

  const close = async () => {
    alerts.stop();
    streams.fanout.close();
    await streams.streamReportsSettled();
    // Announcements end as a server stop (recorded, audited) before their sockets close.
    await live.liveAnnouncements.close().catch(() => undefined);
    realtime.close();
    await streams.relayEngine?.close().catch(() => undefined);
    await streams.streamEngine.close().catch(() => undefined);
    await alerts.settle().catch(() => undefined);
    await content.speech.close().catch(() => undefined);
    await db.close();
  };
  return { ...services, config, log, db, bus, app, realtime, jobs, seedAdmin, seedStarterPack, close };
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
  keepConnectionsAlive(server as HttpServer);
  ctx.realtime.attach(server);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info('stopping', { signal });
    jobs.stop();
    server.close();
    // Fold the write-ahead log into the database file, so a stopped server leaves one self-contained file.
    await ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch((err: unknown) => ctx.log.warn('checkpoint failed', { err }));
    await ctx.close().catch(() => undefined);
    logFile?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return { server, ctx };
}

/** Runs the server as this process's work: a failed start prints why and ends the process with code 1. */
export function runServer(env: NodeJS.ProcessEnv = process.env): void {
  start(env).catch((err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(err.message + '\n');
    else process.stderr.write(`Không khởi động được / Failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runServer();
