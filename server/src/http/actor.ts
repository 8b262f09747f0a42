// The audit actor of a request: the logged-in user.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import type { Actor } from '../services/accounts/audit-service';

export function actorOf(c: Context<AppEnv>): Actor {
  const u = c.get('user');
  return u ? { id: u.id, name: u.username } : { id: null, name: 'anonymous' };
}
