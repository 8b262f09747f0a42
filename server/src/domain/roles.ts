// Staff roles (ARCHITECTURE.md "Who uses it").
export const ROLES = ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: a list of roles, any logged-in user, anybody, or a paired device (its token). */
export type Access = readonly Role[] | 'authenticated' | 'public' | 'device';

export function isAllowed(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  // Device routes are for device tokens only; staff roles never pass (see requireAccess).
  if (!roles || access === 'device') return false;
  if (access === 'authenticated') return true;
  return roles.some((r) => access.includes(r));
}
