// The ward portal, outside /api and without a session: the feeds of public messages (/feed/messages.atom,
// /feed/messages.json) and the public pages (/p/). Read-only, cacheable, and showing only what a reviewer
// approved for the public.
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { answerCacheable } from '../http/cacheable';
import { renderAtom, renderJsonFeed, type PortalLinks } from '../public/feeds';
import { renderItemPage, renderListPage, renderNotFoundPage, PORTAL_CSS_PATH, type PageContext } from '../public/pages';
import { FONT_FILES, PORTAL_CSS } from '../public/portal-css';
import type { PortalService } from '../services/public/portal-service';
import { MEDIA_DIR } from '../paths';

export type PortalDeps = { portal: PortalService; publicUrl: string | null };

const HTML = 'text/html; charset=utf-8';
const FONTS_DIR = path.join(MEDIA_DIR, 'fonts');

export function portalRoutes(deps: PortalDeps) {
  const links = (c: Context): PortalLinks => ({ origin: deps.publicUrl ?? new URL(c.req.url).origin });
  const pageContext = (c: Context): PageContext => ({ ...links(c), publisher: deps.portal.publisher, tz: deps.portal.tz });
  // Feeds may be read by the ward's other sites from their own origin.
  const cors = { 'Access-Control-Allow-Origin': '*' };
  const notFound = (c: Context) => c.body(renderNotFoundPage(pageContext(c)), 404, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' });
  return new Hono<AppEnv>()
    .get('/feed/messages.atom', async (c) => {
      const s = await deps.portal.snapshot();
      return answerCacheable(c, renderAtom(s, links(c)), { type: 'application/atom+xml; charset=utf-8', lastModified: s.updatedAt, headers: cors });
    })
    .get('/feed/messages.json', async (c) => {
      const s = await deps.portal.snapshot();
      return answerCacheable(c, renderJsonFeed(s, links(c)), { type: 'application/feed+json; charset=utf-8', lastModified: s.updatedAt, headers: cors });
    })
    .get('/p', (c) => c.redirect('/p/', 301))
    .get('/p/', async (c) => {
      const s = await deps.portal.snapshot();
      return answerCacheable(c, renderListPage(s, pageContext(c)), { type: HTML, lastModified: s.updatedAt });
    })
    .get(PORTAL_CSS_PATH, (c) => answerCacheable(c, PORTAL_CSS, { type: 'text/css; charset=utf-8', lastModified: null }))
    .get('/p/fonts/:file', (c) => {
      const file = c.req.param('file');
      if (!FONT_FILES.includes(file)) return notFound(c);
      return c.body(fs.readFileSync(path.join(FONTS_DIR, file)), 200, { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=604800' });
    })
    .get('/p/:publicId', async (c) => {
      const item = await deps.portal.item(c.req.param('publicId'));
      if (!item) return notFound(c);
      return answerCacheable(c, renderItemPage(item, pageContext(c)), { type: HTML, lastModified: item.updatedAt });
    })
    .get('/p/*', notFound);
}
