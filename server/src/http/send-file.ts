// Serves a stored, immutable file with ETag, If-None-Match and single Range requests (video seeking).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { problem } from './problem';

type StoredFile = { path: string; mime: string; size: number; etag: string };

export function sendFile(c: Context, f: StoredFile) {
  const etag = `"${f.etag}"`;
  const common: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Accept-Ranges': 'bytes',
    'Content-Type': f.mime,
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, common);
  const range = c.req.header('range');
  let start = 0;
  let end = f.size - 1;
  let status: 200 | 206 = 200;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (!m || (m[1] === '' && m[2] === '')) return problem(c, 416 as 400, 'range_not_satisfiable', {}, {});
    if (m[1] === '') {
      start = Math.max(0, f.size - Number(m[2]));
    } else {
      start = Number(m[1]);
      if (m[2] !== '') end = Math.min(Number(m[2]), f.size - 1);
    }
    if (start > end || start >= f.size) {
      c.header('Content-Range', `bytes */${f.size}`);
      return problem(c, 416 as 400, 'range_not_satisfiable');
    }
    status = 206;
    common['Content-Range'] = `bytes ${start}-${end}/${f.size}`;
  }
  common['Content-Length'] = String(end - start + 1);
  if (c.req.method === 'HEAD' || f.size === 0) return c.body(null, status, common);
  const stream = Readable.toWeb(fs.createReadStream(f.path, { start, end })) as ReadableStream<Uint8Array>;
  return c.body(stream, status, common);
}
