// Answers a public, cacheable text body: a strong ETag from its bytes, If-None-Match (and, without it,
// If-Modified-Since) → 304, Last-Modified and a short max-age, so portals and feed readers poll cheaply and a
// withdrawn item leaves their copy within a minute.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export const PUBLIC_MAX_AGE = 60;

const etagOf = (body: string) => `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function answerCacheable(c: Context, body: string, opts: { type: string; lastModified: string | null; headers?: Record<string, string> }) {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `public, max-age=${PUBLIC_MAX_AGE}`,
    Vary: 'Accept-Encoding',
    ...opts.headers,
  };
  // HTTP dates have whole seconds; the last change is rounded up so a change inside a second is never missed.
  const modified = opts.lastModified === null ? null : Math.ceil(Date.parse(opts.lastModified) / 1000) * 1000;
  if (modified !== null) headers['Last-Modified'] = new Date(modified).toUTCString();
  const inm = c.req.header('if-none-match');
  const ims = c.req.header('if-modified-since');
  const fresh = inm !== undefined ? matches(inm, etag) : modified !== null && ims !== undefined && Date.parse(ims) >= modified;
  if (fresh) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'Content-Type': opts.type });
}
