// Serves the built front ends: the dashboard at / and the player at /player/, both as single-page apps.
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ogg': 'audio/ogg',
};

function fileResponse(file: string, immutable: boolean): Response {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const body = fs.readFileSync(file);
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}

/** Resolve a URL path inside root, refusing anything that escapes it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export function mountSpa(app: Hono<AppEnv>, opts: { prefix: string; root: string; missingHtml: string }) {
  const root = path.resolve(opts.root);
  const handler = (urlPath: string) => {
    const index = path.join(root, 'index.html');
    const file = resolveInside(root, urlPath);
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return fileResponse(file, urlPath.startsWith('/assets/'));
    }
    if (urlPath.startsWith('/assets/')) return new Response('Not found', { status: 404 });
    if (fs.existsSync(index)) return fileResponse(index, false);
    return new Response(opts.missingHtml, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  };
  const base = opts.prefix === '/' ? '' : opts.prefix;
  if (base) app.get(base, (c) => c.redirect(base + '/', 301));
  app.get(`${base}/*`, (c) => handler(c.req.path.slice(base.length) || '/'));
}
