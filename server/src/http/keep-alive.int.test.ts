// An idle keep-alive connection is still open after the 5 s Node would close it at, so a pooled client
// connection reused a moment later gets its answer instead of "other side closed".
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { keepConnectionsAlive } from './keep-alive';

const request = (socket: net.Socket) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (b: Buffer) => {
      text += b.toString('latin1');
      if (text.includes('\r\n\r\nok')) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed by the server')));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  });

describe('keep-alive', () => {
  it('keeps an idle connection open past Node’s 5 s default', async () => {
    const app = new Hono().get('/', (c) => c.text('ok'));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    keepConnectionsAlive(server);
    await new Promise((r) => server.once('listening', r));
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    try {
      expect(await request(socket)).toMatch(/^HTTP\/1\.1 200/);
      await new Promise((r) => setTimeout(r, 6_500));
      expect(socket.destroyed).toBe(false);
      expect(await request(socket)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
      await new Promise((r) => server.close(r));
    }
  }, 30_000);
});
