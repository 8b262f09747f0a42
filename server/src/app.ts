// Builds the HTTP application from explicit dependencies. main.ts is the only caller outside tests.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { Registry } from 'prom-client';
import { Counter, Histogram } from 'prom-client';
import type { AppEnv } from './http/env';
import type { Logger } from './log';
import type { Db } from './db/sqlite';
import { csrfGuard, loadDevice, loadSession, requestContext, securityHeaders, utf8Guard } from './http/middleware';
import { metricsGuard } from './http/metrics-guard';
import { problem } from './http/problem';
import { validationHook } from './http/validation';
import { AppError } from './services/app-error';
import type { AuthService } from './services/accounts/auth-service';
import type { UserService } from './services/accounts/user-service';
import type { AuditService } from './services/accounts/audit-service';
import { sessionRoutes } from './routes/session';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { mountSpa } from './http/static';
import type { MediaService } from './services/content/media-service';
import type { ContentService } from './services/content/content-service';
import type { ReviewService } from './services/content/review-service';
import { mediaRoutes } from './routes/media';
import { deviceCommandRoutes } from './routes/device-commands';
import { devicePowerRoutes } from './routes/device-power';
import { calendarRoutes } from './routes/calendar';
import type { CalendarLinkService } from './services/scheduling/calendar-link-service';
import type { DeviceCommandService } from './services/devices/device-command-service';
import { contentRoutes } from './routes/content';
import { reviewRoutes } from './routes/reviews';
import type { ReportService } from './services/reports/report-service';
import { reportRoutes } from './routes/reports';
import type { DeviceService } from './services/devices/device-service';
import type { GroupService } from './services/scheduling/group-service';
import type { PlaylistService } from './services/scheduling/playlist-service';
import type { LayoutService } from './services/layouts/layout-service';
import type { ScheduleService } from './services/scheduling/schedule-service';
import type { PairingService } from './services/devices/pairing-service';
import type { TimelineService } from './services/scheduling/timeline-service';
import { deviceRoutes } from './routes/devices';
import { groupRoutes } from './routes/groups';
import { playlistRoutes } from './routes/playlists';
import { layoutRoutes } from './routes/layouts';
import { scheduleRoutes } from './routes/schedules';
import type { PlayNowService } from './services/scheduling/play-now';
import { pairingRoutes } from './routes/pairing';
import type { AlertService } from './services/alerts/alert-service';
import type { CapService } from './services/alerts/cap-service';
import type { PlayService } from './services/reports/play-service';
import type { FeedbackService } from './services/reports/feedback-service';
import type { DeviceMediaService } from './services/devices/device-media-service';
import { alertRoutes } from './routes/alerts';
import { deviceApiRoutes } from './routes/device-api';
import { playRoutes } from './routes/plays';
import { feedbackRoutes } from './routes/feedback';
import type { StreamZoneService } from './services/streams/stream-zone-service';
import { streamZoneRoutes } from './routes/stream-zones';
import { receiverRoutes } from './routes/receivers';
import { streamRoutes } from './routes/stream';
import type { ZoneAudioSource } from './streams/source';
import type { ZoneFanout } from './streams/fanout/zone-fanout';
import type { AsRunService } from './services/reports/as-run-service';
import type { ReceiverService } from './services/devices/receiver-service';
import { portalRoutes } from './routes/portal';
import type { PortalService } from './services/public/portal-service';
import { quizRoutes } from './routes/quiz';
import { caseRoutes } from './routes/cases';
import type { CaseService } from './services/cases/case-service';
import { relaySourceRoutes } from './routes/relay-sources';
import { relayRoutes, type RelayStatus } from './routes/relays';
import { liveAnnouncementRoutes } from './routes/live-announcements';
import type { LiveAnnouncementService } from './services/live/live-announcement-service';
import { listRelayIncidents } from './services/relays/relay-incidents';
import type { RelaySourceService } from './services/relays/relay-source-service';

export type AppDeps = {
  db: Db;
  log: Logger;
  metrics: Registry;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
  media: MediaService;
  content: ContentService;
  reviews: ReviewService;
  devices: DeviceService;
  groups: GroupService;
  playlists: PlaylistService;
  layouts: LayoutService;
  relaySources: RelaySourceService;
  /** The relays being pulled now (null where zones and relays do not run). */
  relayEngine?: RelayStatus | null;
  /** Live announcements (phát trực tiếp); absent in apps built without them. */
  liveAnnouncements?: LiveAnnouncementService;
  schedules: ScheduleService;
  playNow: PlayNowService;
  pairing: PairingService;
  timeline: TimelineService;
  groupCalendar: (groupId: number) => Promise<string>;
  reports: ReportService;
  alerts: AlertService;
  cap: CapService;
  plays: PlayService;
  feedback: FeedbackService;
  cases: CaseService;
  deviceMedia: DeviceMediaService;
  commands: DeviceCommandService;
  receivers: ReceiverService;
  /** The zone encoders' audio and its fan-out to IP receivers (/stream/…). */
  zoneAudio: ZoneAudioSource;
  fanout: ZoneFanout;
  asRun: AsRunService;
  calendarLinks: CalendarLinkService;
  streamZones: StreamZoneService;
  portal: PortalService;
  /** Origin of public links (BANTIN_PUBLIC_URL); null = each request's own. */
  publicUrl?: string | null;
  clock: () => number;
  trustProxy: boolean;
  idleMs: number;
  /** Bearer token a remote Prometheus presents for /metrics (BANTIN_METRICS_TOKEN); loopback needs none. */
  metricsToken?: string | null;
  staticRoots?: { dashboard: string; player: string };
};

/** The typed JSON API under /api. The dashboard's hc<AppType>() client is built from this type. */
export function createApi(deps: AppDeps) {
  const hook = validationHook;
  const api = new OpenAPIHono<AppEnv>({ defaultHook: hook })
    .basePath('/api')
    .route('/session', sessionRoutes({ auth: deps.auth, trustProxy: deps.trustProxy, idleMs: deps.idleMs, hook }))
    .route('/users', userRoutes({ users: deps.users, hook }))
    .route('/audit', auditRoutes({ audit: deps.audit, hook }))
    .route('/media', mediaRoutes({ media: deps.media, hook }))
    .route('/content', contentRoutes({ content: deps.content, hook }))
    .route('/reviews', reviewRoutes({ reviews: deps.reviews, hook }))
    .route('/reports', reportRoutes({ reports: deps.reports, hook }))
    .route('/devices', deviceRoutes({ devices: deps.devices, timeline: deps.timeline, clock: deps.clock, hook }))
    .route('/devices', deviceCommandRoutes({ commands: deps.commands, hook }))
    .route('/devices', devicePowerRoutes({ devices: deps.devices, hook }))
    .route('/devices', receiverRoutes({ receivers: deps.receivers, hook }))
    .route('/', calendarRoutes({ links: deps.calendarLinks, hook }))
    .route('/groups', groupRoutes({ groups: deps.groups, calendar: deps.groupCalendar, hook }))
    .route('/', streamZoneRoutes({ zones: deps.streamZones, hook }))
    .route('/playlists', playlistRoutes({ playlists: deps.playlists, hook }))
    .route('/layouts', layoutRoutes({ layouts: deps.layouts, hook }))
    .route('/relay-sources', relaySourceRoutes({ relaySources: deps.relaySources, hook }))
    .route('/relays', relayRoutes({ clock: deps.clock, relayEngine: deps.relayEngine ?? null, incidents: (f, t) => listRelayIncidents(deps.db, f, t), hook }))
    .route('/live-announcements', deps.liveAnnouncements ? liveAnnouncementRoutes({ live: deps.liveAnnouncements, hook }) : new OpenAPIHono<AppEnv>())
    .route('/schedules', scheduleRoutes({ schedules: deps.schedules, playNow: deps.playNow, conflicts: () => deps.timeline.conflicts(), hook }))
    .route('/pairing', pairingRoutes({ pairing: deps.pairing, trustProxy: deps.trustProxy, hook }))
    .route('/alerts', alertRoutes({ alerts: deps.alerts, cap: deps.cap, hook }))
    .route('/device', deviceApiRoutes({ deviceMedia: deps.deviceMedia, hook }))
    .route('/plays', playRoutes({ plays: deps.plays, asRun: deps.asRun, hook }))
    .route('/feedback', feedbackRoutes({ feedback: deps.feedback, hook }))
    .route('/quiz', quizRoutes({ reports: deps.reports, hook }))
    .route('/cases', caseRoutes({ cases: deps.cases, reports: deps.reports, hook }));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'bantin API',
      version: '0.1.0',
      description: 'Lập lịch nội dung cho màn hình LED, kiosk và loa truyền thanh cơ sở / Content scheduling for LED screens, kiosks and loudspeakers.',
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
  });
  return api;
}
export type AppType = ReturnType<typeof createApi>;


export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const requests = new Counter({ name: 'bantin_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [deps.metrics] });
  const durations = new Histogram({
    name: 'bantin_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    registers: [deps.metrics],
  });

  app.use('*', requestContext({
    log: deps.log,
    onDone: (method, route, status, ms) => {
      requests.inc({ method, route, status: String(status) });
      durations.observe({ method, route }, ms / 1000);
    },
  }));
  app.use('*', securityHeaders());
  const jsonLimit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => problem(c, 413, 'payload_too_large') });
  // Uploads stream to disk with their own size limit; every other API body is small JSON.
  // Both read the whole body: an upload (which may claim any content type) must not be buffered by either.
  const isUpload = (c: { req: { method: string; path: string } }) => c.req.method === 'POST' && c.req.path === '/api/media';
  const guardUtf8 = utf8Guard();
  app.use('/api/*', (c, next) => (isUpload(c) ? next() : jsonLimit(c, next)));
  app.use('/api/*', (c, next) => (isUpload(c) ? next() : guardUtf8(c, next)));
  app.use('/api/*', loadSession({ auth: deps.auth }));
  app.use('/api/device/*', loadDevice({ authenticate: (token) => deps.devices.authenticateDevice(token) }));
  app.use('/api/*', csrfGuard());

  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.status === 429 && typeof err.extra.retryAfter === 'number') c.header('Retry-After', String(err.extra.retryAfter));
      return problem(c, err.status, err.code, { ...err.params, ...err.messageParams }, err.extra);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = /json/i.test(err.message) ? 'malformed_json' : 'bad_request';
      return problem(c, err.status as 400, code);
    }
    c.var.log?.error('unhandled error', { err });
    return problem(c, 500, 'internal');
  });

  app.get('/healthz', async (c) => {
    try {
      await deps.db.get('SELECT 1');
      return c.json({ status: 'ok', db: 'ok' });
    } catch {
      return c.json({ status: 'error', db: 'error' }, 503);
    }
  });
  app.get('/metrics', metricsGuard({ token: deps.metricsToken }), async (c) => c.body(await deps.metrics.metrics(), 200, { 'Content-Type': deps.metrics.contentType }));

  app.route('/', createApi(deps));
  app.route('/', streamRoutes({ receivers: deps.receivers, source: deps.zoneAudio, fanout: deps.fanout, clock: deps.clock, trustProxy: deps.trustProxy }));
  app.all('/api/*', (c) => problem(c, 404, 'not_found'));
  app.route('/', portalRoutes({ portal: deps.portal, publicUrl: deps.publicUrl ?? null }));

  if (deps.staticRoots) {
    const missing = (what: string) =>
      `<!doctype html><meta charset="utf-8"><title>bantin</title><p>Chưa build ${what}: chạy <code>npm run build</code>. / The ${what} is not built: run <code>npm run build</code>.</p>`;
    mountSpa(app, { prefix: '/player', root: deps.staticRoots.player, missingHtml: missing('player') });
    mountSpa(app, { prefix: '/', root: deps.staticRoots.dashboard, missingHtml: missing('dashboard') });
  }
  return app;
}
