// Staff roles (ARCHITECTURE.md "Who uses it").
export const ROLES = ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: a list of roles, any logged-in user, or anybody. */
export type Access = readonly Role[] | 'authenticated' | 'public';

export function isAllowed(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  if (access === 'authenticated') return true;
  return roles.some((r) => access.includes(r));
}
