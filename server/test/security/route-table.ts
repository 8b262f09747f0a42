// The access table of every entry point of the server, in one place: the API routes (role matrix), the
// routes outside /api (front ends, health, metrics) and the WebSocket upgrade paths. The tests in this folder
// and routes/access-matrix.int.test.ts compare these tables with what the app really serves, so a new entry
// point cannot ship without a decision about who may reach it.
import type { Role } from '../../src/domain/roles';

/** Who may call an API route: roles, any staff session, anybody, or a paired device's token (never a session). */
export type Expect = readonly Role[] | 'public' | 'authenticated' | 'device';
const ALL: Expect = 'authenticated';

/** Every route under /api (method + Hono path). */
export const MATRIX: Record<string, Expect> = {
  'GET /api/openapi.json': 'public',
  'POST /api/session': 'public',
  'GET /api/session': ALL,
  'DELETE /api/session': ALL,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/audit': ['admin', 'viewer'],
  'POST /api/media': ['editor'],
  'GET /api/media/uploads/:uploadId': ALL,
  'GET /api/media/:sha256/info': ALL,
  'GET /api/media/:sha256': ALL,
  'GET /api/media/:sha256/thumbnail': ALL,
  'GET /api/content': ALL,
  'GET /api/content/stats': ALL,
  'POST /api/content': ['editor'],
  'POST /api/content/precheck': ['editor'],
  'POST /api/content/submit': ['editor'],
  'GET /api/content/:id': ALL,
  'GET /api/content/:id/versions': ALL,
  'POST /api/content/:id/versions': ['editor'],
  'GET /api/content/:id/versions/:number': ALL,
  'POST /api/content/:id/versions/:number/submit': ['editor'],
  'POST /api/content/:id/versions/:number/withdraw': ['editor'],
  'GET /api/content/:id/history': ALL,
  'GET /api/reviews': ['reviewer', 'ad_reviewer', 'admin'],
  'POST /api/reviews': ['reviewer', 'ad_reviewer'],
  // Devices, pairing, groups, playlists, schedules and timelines (issue 4)
  'GET /api/devices': ALL,
  'POST /api/devices': ['admin', 'editor'],
  'GET /api/devices/:id': ALL,
  'PATCH /api/devices/:id': ['admin', 'editor'],
  'DELETE /api/devices/:id': ['admin', 'editor'],
  'POST /api/devices/:id/revoke': ['admin', 'editor'],
  'POST /api/devices/:id/commands': ['admin', 'editor'],
  'POST /api/devices/:id/power': ['admin', 'editor'],
  'POST /api/devices/receivers': ['admin', 'editor'],
  'POST /api/devices/:id/rotate-stream': ['admin', 'editor'],
  'GET /api/devices/:id/timeline': ALL,
  'GET /api/devices/:id/timeline/at': ALL,
  'GET /api/groups': ALL,
  'POST /api/groups': ['admin', 'editor'],
  'GET /api/groups/:id': ALL,
  'PATCH /api/groups/:id': ['admin', 'editor'],
  'DELETE /api/groups/:id': ['admin', 'editor'],
  'POST /api/groups/:id/members': ['admin', 'editor'],
  'DELETE /api/groups/:id/members/:deviceId': ['admin', 'editor'],
  'GET /api/groups/:id/calendar.ics': ALL,
  'GET /api/groups/:id/calendar-link': ALL,
  'GET /api/stream-zones': ALL,
  'PUT /api/groups/:id/stream-zone': ['admin', 'editor'],
  'DELETE /api/groups/:id/stream-zone': ['admin', 'editor'],
  'GET /api/calendar/:file': 'public',
  'GET /api/playlists': ALL,
  'POST /api/playlists': ['admin', 'editor'],
  'GET /api/playlists/:id': ALL,
  'PATCH /api/playlists/:id': ['admin', 'editor'],
  'DELETE /api/playlists/:id': ['admin', 'editor'],
  'GET /api/layouts': ALL,
  'GET /api/layouts/assignments': ALL,
  'PUT /api/layouts/assignments': ['admin', 'editor'],
  'POST /api/layouts': ['admin', 'editor'],
  'GET /api/layouts/:id': ALL,
  'PUT /api/layouts/:id': ['admin', 'editor'],
  'DELETE /api/layouts/:id': ['admin', 'editor'],
  'POST /api/layouts/:id/versions/:versionId/decision': ['reviewer'],
  // Relay sources (nguồn tiếp âm): every staff role reads, admins keep the list, the culture–social office approves
  'GET /api/relay-sources': ALL,
  'POST /api/relay-sources': ['admin'],
  'GET /api/relay-sources/:id': ALL,
  'PUT /api/relay-sources/:id': ['admin'],
  'DELETE /api/relay-sources/:id': ['admin'],
  'POST /api/relay-sources/:id/decision': ['reviewer'],
  'GET /api/relays/on-air': ALL,
  // Live announcements (phát trực tiếp): every staff role reads the log; announcers see whom they may speak to
  'GET /api/live-announcements': ALL,
  'GET /api/live-announcements/targets': ['announcer'],
  'GET /api/schedules': ALL,
  'POST /api/schedules': ['admin', 'editor'],
  'POST /api/schedules/play-now': ['admin', 'editor'],
  'GET /api/schedules/conflicts': ALL,
  'GET /api/schedules/:id': ALL,
  'PATCH /api/schedules/:id': ['admin', 'editor'],
  'DELETE /api/schedules/:id': ['admin', 'editor'],
  'POST /api/pairing/codes': 'public',
  'POST /api/pairing/claim': ['admin', 'editor'],
  'POST /api/pairing/token': 'public',
  // Reports (issue 6): every staff role reads; editor and admin generate and archive
  'GET /api/reports/plays': ALL,
  'GET /api/reports/plays.csv': ALL,
  'GET /api/reports/uptime': ALL,
  'GET /api/reports/uptime.csv': ALL,
  'GET /api/reports/feedback': ALL,
  'GET /api/reports/feedback.csv': ALL,
  'GET /api/reports/periodic': ALL,
  'GET /api/reports/periodic.xlsx': ALL,
  'GET /api/reports/periodic.html': ALL,
  'GET /api/reports/print.css': ALL,
  'POST /api/reports/periodic/generate': ['editor', 'admin'],
  'GET /api/reports/periodic/archive': ALL,
  'GET /api/reports/periodic/archive/:file': ALL,
  // Alerts, proof of play, feedback and device HTTP (issue 5): 'device' = a device token, never a staff session
  'GET /api/alerts': ALL,
  'POST /api/alerts': ['editor', 'reviewer', 'admin'],
  'POST /api/alerts/cap': ['editor', 'reviewer', 'admin'],
  'GET /api/alerts/:id': ALL,
  'POST /api/alerts/:id/cancel': ['editor', 'reviewer', 'admin'],
  'GET /api/plays': ALL,
  'GET /api/feedback': ALL,
  'GET /api/quiz/report': ALL,
  // Citizens' reports (phản ánh): the police (viewer) read only cases forwarded to them, nothing else.
  'GET /api/cases': ['reviewer', 'admin', 'viewer'],
  'GET /api/cases/indicators': ALL, // counts only, no personal data: for the reports screen
  'GET /api/cases/:id': ['reviewer', 'admin', 'viewer'],
  'POST /api/cases/:id/transitions': ['reviewer'],
  'GET /api/device/me': 'device',
  'GET /api/device/media/:sha256': 'device',
};

/**
 * Routes outside /api. 'public' = anybody; 'local-or-token' = loopback clients without forwarding headers,
 * or `Authorization: Bearer $BANTIN_METRICS_TOKEN` (Prometheus), everyone else gets 404; 'stream-token' = a
 * receiver's stream token of that zone (routes/stream.int.test.ts).
 */
export const OTHER_ROUTES: Record<string, 'public' | 'local-or-token' | 'stream-token'> = {
  'GET /healthz': 'public',
  // IP receivers: the receiver's own stream token (?token=), no session; an unknown zone is 404.
  'GET /stream/:file': 'stream-token',
  'GET /stream/:slug/:file': 'stream-token',
  'GET /metrics': 'local-or-token',
  // The ward portal: feeds and pages of approved public messages.
  'GET /feed/messages.atom': 'public',
  'GET /feed/messages.json': 'public',
  'GET /p': 'public',
  'GET /p/': 'public',
  'GET /p/portal.css': 'public',
  'GET /p/fonts/:file': 'public',
  'GET /p/:publicId': 'public',
  'GET /p/*': 'public',
  'GET /player': 'public',
  'GET /player/*': 'public',
  'GET /*': 'public',
};

/** WebSocket upgrade paths: a device token, or a staff session cookie from our own origin (of these roles). */
export const WS_ROUTES: Record<string, 'device' | 'authenticated' | readonly Role[]> = {
  '/ws/device': 'device',
  '/ws/dashboard': 'authenticated',
  '/ws/live': 'device',
  '/ws/announce': ['announcer'],
};
