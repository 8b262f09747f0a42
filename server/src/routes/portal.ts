// The ward portal, outside /api and without a session: the feeds of public messages (/feed/messages.atom,
// /feed/messages.json) and the public pages (/p/). Read-only, cacheable, and showing only what a reviewer
// approved for the public.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { answerCacheable } from '../http/cacheable';
import { renderAtom, renderJsonFeed, type PortalLinks } from '../public/feeds';
import type { PortalService } from '../services/public/portal-service';

export type PortalDeps = { portal: PortalService; publicUrl: string | null };

export function portalRoutes(deps: PortalDeps) {
  const links = (c: Context): PortalLinks => ({ origin: deps.publicUrl ?? new URL(c.req.url).origin });
  // Feeds may be read by the ward's other sites from their own origin.
  const cors = { 'Access-Control-Allow-Origin': '*' };
  return new Hono<AppEnv>()
    .get('/feed/messages.atom', async (c) => {
      const s = await deps.portal.snapshot();
      return answerCacheable(c, renderAtom(s, links(c)), { type: 'application/atom+xml; charset=utf-8', lastModified: s.updatedAt, headers: cors });
    })
    .get('/feed/messages.json', async (c) => {
      const s = await deps.portal.snapshot();
      return answerCacheable(c, renderJsonFeed(s, links(c)), { type: 'application/feed+json; charset=utf-8', lastModified: s.updatedAt, headers: cors });
    });
}
