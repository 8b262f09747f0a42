// Who may call a route. The staff roles and the table of what each may do (PERMISSIONS) are shared with the
// dashboard through @bantin/protocol/core; routes name their rule from that table.
import { ROLES, type Role } from '@bantin/protocol/core';

export { ROLES, type Role };

/** Who may call a route: a list of roles, any logged-in user, anybody, or a paired device (its token). */
export type Access = readonly Role[] | 'authenticated' | 'public' | 'device';

export function isAllowed(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  // Device routes are for device tokens only; staff roles never pass (see requireAccess).
  if (!roles || access === 'device') return false;
  if (access === 'authenticated') return true;
  return roles.some((r) => access.includes(r));
}
