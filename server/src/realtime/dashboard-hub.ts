// The dashboard side of the realtime hub (/ws/dashboard): staff sessions receive device status changes and
// alert acknowledgements. Read-only: anything a dashboard sends is ignored. A socket lives only as long as the
// session it was opened with: closeEnded() closes those whose session is gone.
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerToDashboard } from '@bantin/protocol';
import type { Logger } from '../log';

/** Close code for a dashboard whose session ended (logout, new password, disabled account, idle expiry). */
export const CLOSE_SESSION_ENDED = 4401;

export function createDashboardHub(deps: { log: Logger; snapshot: () => ServerToDashboard[] }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false, clientTracking: false });
  const clients = new Map<WebSocket, { userId: number; sessionId: string | null }>();
  return {
    wss,
    accept(ws: WebSocket, user: { id: number; username: string }, sessionId: string | null = null) {
      clients.set(ws, { userId: user.id, sessionId });
      ws.on('close', () => clients.delete(ws));
      ws.on('error', (err) => deps.log.warn('dashboard socket error', { userId: user.id, err: err.message }));
      for (const m of deps.snapshot()) ws.send(JSON.stringify(m));
    },
    publish(m: ServerToDashboard) {
      if (clients.size === 0) return;
      const raw = JSON.stringify(m);
      for (const ws of clients.keys()) if (ws.readyState === ws.OPEN) ws.send(raw);
    },
    /** Closes every socket whose session no longer stands (also when the CLI ended it from another process). */
    async closeEnded(alive: (sessionId: string) => Promise<boolean>) {
      for (const [ws, s] of [...clients]) {
        if (s.sessionId === null || (await alive(s.sessionId))) continue;
        clients.delete(ws);
        deps.log.info('dashboard session ended', { userId: s.userId });
        ws.close(CLOSE_SESSION_ENDED, 'session ended');
      }
    },
    count: () => clients.size,
    close() {
      for (const ws of clients.keys()) ws.terminate();
      clients.clear();
      wss.close();
    },
  };
}
export type DashboardHub = ReturnType<typeof createDashboardHub>;
