// The dashboard's screens: path, title and who may see them. The shell's navigation and the router are
// both built from this one table, so a hidden link never leaves a reachable route behind.
import { PERMISSIONS } from './permissions';
import type { Role } from './api';
import type { MessageKey } from './i18n';

export type ScreenId =
  | 'overview'
  | 'content'
  | 'review'
  | 'schedules'
  | 'playlists'
  | 'layouts'
  | 'relays'
  | 'devices'
  | 'alerts'
  | 'announce'
  | 'reports'
  | 'cases'
  | 'users'
  | 'audit';

interface Screen {
  id: ScreenId;
  path: string;
  title: MessageKey;
  /** Roles that may open it; 'all' = any logged-in user. */
  access: readonly Role[] | 'all';
}

export const SCREENS: readonly Screen[] = [
  { id: 'overview', path: '/', title: 'nav.overview', access: 'all' },
  { id: 'content', path: '/content', title: 'nav.content', access: 'all' },
  { id: 'review', path: '/review', title: 'nav.review', access: 'all' },
  { id: 'schedules', path: '/schedules', title: 'nav.schedules', access: 'all' },
  { id: 'playlists', path: '/playlists', title: 'nav.playlists', access: 'all' },
  { id: 'layouts', path: '/layouts', title: 'nav.layouts', access: 'all' },
  // Relay sources (nguồn tiếp âm): every role reads; writing (admin) and deciding (reviewer) are per button.
  { id: 'relays', path: '/relay-sources', title: 'nav.relays', access: 'all' },
  { id: 'devices', path: '/devices', title: 'nav.devices', access: 'all' },
  { id: 'alerts', path: '/alerts', title: 'nav.alerts', access: 'all' },
  // Phát trực tiếp, ghi âm thông báo: announcers only (live.announce); an editor who announces holds both roles.
  { id: 'announce', path: '/announce', title: 'nav.announce', access: PERMISSIONS['live.announce'] },
  { id: 'reports', path: '/reports', title: 'nav.reports', access: 'all' },
  // Citizens' reports: the culture–social office handles them, admins read them, the police read forwarded ones.
  { id: 'cases', path: '/cases', title: 'nav.cases', access: ['reviewer', 'admin', 'viewer'] },
  { id: 'users', path: '/users', title: 'nav.users', access: ['admin'] },
  { id: 'audit', path: '/audit', title: 'nav.audit', access: ['admin', 'viewer'] },
];

export function canOpen(screen: Screen, roles: readonly Role[]): boolean {
  return screen.access === 'all' || roles.some((r) => (screen.access as readonly Role[]).includes(r));
}

export function visibleScreens(roles: readonly Role[]): Screen[] {
  return SCREENS.filter((s) => canOpen(s, roles));
}
