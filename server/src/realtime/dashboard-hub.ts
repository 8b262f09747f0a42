// The dashboard side of the realtime hub (/ws/dashboard): staff sessions receive device status changes and
// alert acknowledgements. Read-only: anything a dashboard sends is ignored.
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerToDashboard } from '@bantin/protocol';
import type { Logger } from '../log';

export function createDashboardHub(deps: { log: Logger; snapshot: () => ServerToDashboard[] }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false, clientTracking: false });
  const clients = new Set<WebSocket>();
  return {
    wss,
    accept(ws: WebSocket, user: { id: number; username: string }) {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('error', (err) => deps.log.warn('dashboard socket error', { userId: user.id, err: err.message }));
      for (const m of deps.snapshot()) ws.send(JSON.stringify(m));
    },
    publish(m: ServerToDashboard) {
      if (clients.size === 0) return;
      const raw = JSON.stringify(m);
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(raw);
    },
    count: () => clients.size,
    close() {
      for (const ws of clients) ws.terminate();
      clients.clear();
      wss.close();
    },
  };
}
export type DashboardHub = ReturnType<typeof createDashboardHub>;
