// Who may read /metrics. Prometheus text tells anyone how busy the server is, which routes exist and how the
// process is doing, so like most deployments (GitLab's monitoring allow-list, node exporters bound to
// localhost) it answers only the operator: a client on this host that came straight to us (no proxy
// headers), or a scraper presenting BANTIN_METRICS_TOKEN as a bearer token. Everyone else gets a plain 404.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { problem } from './problem';

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
/** A request relayed by a reverse proxy on this host arrives from loopback too; these headers give it away. */
const RELAYED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The TCP peer, or null for an in-process request (app.request() in tests and tools: no socket at all). */
function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return null;
  }
}

export function metricsGuard(opts: { token?: string | null } = {}) {
  const wanted = opts.token ? digest(opts.token) : null;
  return createMiddleware<AppEnv>(async function metricsGuard(c, next) {
    const bearer = /^Bearer\s+(\S{1,500})$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (wanted && bearer && timingSafeEqual(digest(bearer), wanted)) return next();
    const peer = peerAddress(c);
    const direct = !RELAYED.some((h) => c.req.header(h) !== undefined);
    if (direct && (peer === null || LOOPBACK.test(peer))) return next();
    return problem(c, 404, 'not_found');
  });
}
