// Accounts area for main.ts: the audit log, staff sessions and users.
import type { Base } from './base';
import { createAuditService } from '../services/accounts/audit-service';
import { createAuthService } from '../services/accounts/auth-service';
import { createUserService } from '../services/accounts/user-service';

export function composeAccounts({ config, db, clock }: Base) {
  const audit = createAuditService({ db, clock });
  const auth = createAuthService({ db, clock, audit, idleMs: config.sessionIdleMs });
  const users = createUserService({ db, clock, audit });
  return { audit, auth, users };
}
