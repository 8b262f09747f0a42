// The typed Hono context of every API route (c.var).
import type { Logger } from '../log';
import type { Lang } from './messages';
import type { Role } from '../domain/roles';

export type SessionUser = { id: number; username: string; displayName: string; roles: Role[] };

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    lang: Lang;
    user: SessionUser | null;
    session: { id: string; csrfToken: string } | null;
    /** The paired device behind a device token (routes with access 'device'). */
    device: { id: number; kind: string; name: string } | null;
  };
};
