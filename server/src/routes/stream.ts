// The public zone streams for IP receivers: GET /stream/<slug>.mp3?token=… (continuous MP3, optional ICY
// metadata) and GET /stream/<slug>/<file>?token=… (the HLS playlist and its segments). Outside /api and
// without a session: the receiver's own stream token is the credential, checked before a byte is streamed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { problem } from '../http/problem';
import { clientIp } from './session';
import type { ZoneAudioSource } from '../streams/source';
import type { ReceiverService, StreamListener } from '../services/devices/receiver-service';
import type { ZoneFanout } from '../streams/fanout/zone-fanout';
import { createIcyInterleaver, ICY_METAINT } from '../streams/fanout/icy';

type StreamEnv = AppEnv & { Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse } };

export type StreamDeps = {
  receivers: Pick<ReceiverService, 'authenticate'>;
  source: ZoneAudioSource;
  fanout: ZoneFanout;
  clock: () => number;
  trustProxy: boolean;
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** HLS file names an encoder writes: a playlist or numbered segments, never a path. */
const HLS_NAME = /^[A-Za-z0-9_-]{1,64}\.(m3u8|ts|aac|m4s|mp4|mp3)$/;
const HLS_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  aac: 'audio/aac',
  m4s: 'audio/mp4',
  mp4: 'audio/mp4',
  mp3: 'audio/mpeg',
};

/** Tells node-server that the handler answered on the raw response itself. */
const alreadySent = () => new Response(null, { headers: { 'x-hono-already-sent': 'true' } });

/** The token check shared by both routes: 404 for an unknown zone, 401 for a bad token, else the listener. */
async function check(c: Context<StreamEnv>, deps: StreamDeps, slug: string): Promise<StreamListener | Response> {
  if (!SLUG.test(slug)) return problem(c, 404, 'stream_zone_not_found', { slug: slug.slice(0, 40) });
  const who = await deps.receivers.authenticate(slug, c.req.query('token'));
  if (who === 'unknown-zone') return problem(c, 404, 'stream_zone_not_found', { slug });
  if (!who) return problem(c, 401, 'stream_unauthorized');
  return who;
}

/** Adds the token to every URI of a playlist, so a player fetching the segments presents it too. */
export function withToken(playlist: string, token: string): string {
  const q = `token=${encodeURIComponent(token)}`;
  const add = (uri: string) => (/^[a-z]+:|^\//i.test(uri) ? uri : `${uri}${uri.includes('?') ? '&' : '?'}${q}`);
  return playlist
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (t === '') return line;
      if (t.startsWith('#')) return line.replace(/URI="([^"]*)"/g, (_, u: string) => `URI="${add(u)}"`);
      return add(t);
    })
    .join('\n');
}

export function streamRoutes(deps: StreamDeps) {
  return new Hono<StreamEnv>()
    .get('/stream/:file', async (c) => {
      const m = /^(.+)\.mp3$/.exec(c.req.param('file'));
      if (!m) return problem(c, 404, 'not_found');
      const who = await check(c, deps, m[1]!);
      if (who instanceof Response) return who;
      const zoneId = who.zone.group_id;
      const format = deps.source.format(zoneId);
      const res = c.env?.outgoing;
      if (!format || !res) return problem(c, 503, 'stream_not_running', { slug: who.zone.slug });

      const icy = c.req.header('icy-metadata') === '1';
      const headers: Record<string, string> = {
        'Content-Type': 'audio/mpeg',
        'Cache-Control': 'no-cache, no-store',
        'X-Content-Type-Options': 'nosniff',
        // Header values are Latin-1 on the wire: the zone name is sent percent-encoded if it is not ASCII.
        'icy-name': /^[\x20-\x7e]*$/.test(who.zone.name) ? who.zone.name : encodeURIComponent(who.zone.name),
        'icy-br': String(format.bitrateKbps),
        'icy-genre': 'Public announcements',
        'icy-pub': '0',
      };
      if (icy) headers['icy-metaint'] = String(ICY_METAINT);
      const interleave = icy ? createIcyInterleaver(() => deps.source.nowPlaying(zoneId)) : null;
      const info = {
        receiverId: who.receiverId,
        address: clientIp(c, deps.trustProxy),
        userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null,
        since: deps.clock(),
      };
      const leave = deps.fanout.join(zoneId, info, {
        send: (mp3) => {
          if (!interleave) res.write(mp3);
          else for (const part of interleave(mp3)) res.write(part);
        },
        backlog: () => res.writableLength,
        close: () => res.destroy(),
      });
      if (!leave) return problem(c, 503, 'stream_not_running', { slug: who.zone.slug });
      res.writeHead(200, headers);
      res.flushHeaders();
      res.once('close', leave);
      return alreadySent();
    })
    .get('/stream/:slug/:file', async (c) => {
      const who = await check(c, deps, c.req.param('slug'));
      if (who instanceof Response) return who;
      const name = c.req.param('file');
      const ext = HLS_NAME.exec(name)?.[1];
      const file = ext ? deps.source.hlsFile(who.zone.group_id, name) : null;
      // The source vouches for the path; its base name must still be the name asked for.
      if (!ext || !file || path.basename(file) !== name) return problem(c, 404, 'not_found');
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) return problem(c, 404, 'not_found');
      const common = { 'Content-Type': HLS_TYPES[ext]!, 'Cache-Control': ext === 'm3u8' ? 'no-cache' : 'private, max-age=60' };
      if (ext === 'm3u8') return c.body(withToken(bytes.toString('utf8'), c.req.query('token')!), 200, common);
      return c.body(new Uint8Array(bytes), 200, common);
    });
}
