// How long an idle keep-alive connection stays open. Node closes one after 5 s by default, which races with
// clients (fetch/undici, browsers, reverse proxies) that reuse a pooled connection a moment after the server
// dropped it: the request then fails with "other side closed". The server keeps idle connections longer than
// the usual client pools (4–60 s) so the client is always the side that closes them.
import type { Server } from 'node:http';

export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or a slow first request on a reused connection is cut off.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
