// Fan-out bench, baseline process: a bare `ws` server that broadcasts the given bytes to every client.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const clients = new Set<WebSocket>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
});
wss.on('listening', () => process.send!({ type: 'ready', port: (wss.address() as AddressInfo).port }));
// `payload` is text; `binary` is base64 of bytes sent as one binary frame (the timeline frame bantin sends).
process.on('message', (m: { type: string; payload?: string; binary?: string }) => {
  if (m.type === 'broadcast') {
    const data = m.binary !== undefined ? Buffer.from(m.binary, 'base64') : Buffer.from(m.payload!);
    const t0 = performance.timeOrigin + performance.now();
    for (const ws of clients) ws.send(data, { binary: m.binary !== undefined });
    process.send!({ type: 'broadcast', t0, clients: clients.size });
  } else if (m.type === 'stop') {
    for (const ws of clients) ws.terminate();
    wss.close(() => process.exit(0));
  }
});
