// The signed-in routes: one lazily loaded chunk per screen, built from the screen table in lib/nav so
// navigation and routing never disagree. A screen the user's roles do not allow answers "forbidden".
import type { ComponentType } from 'preact';
import { useSignal } from '@preact/signals';
import { ErrorBoundary, Route, Router, lazy } from 'preact-iso';
import type { Role } from '../lib/api';
import { SCREENS, canOpen, type ScreenId } from '../lib/nav';
import { ForbiddenPage, LoadErrorPage, NotFoundPage } from '../components/StatusPage';

/**
 * preact-iso's lazy() leaves the old screen up forever when a chunk fails to load, so a failed import
 * resolves to an error page instead. It stays cached until a reload, which is also the cure.
 */
function lazyScreen(load: () => Promise<{ default: ComponentType }>): ComponentType {
  return lazy(() => load().catch(() => ({ default: LoadErrorPage })));
}

const pages: Record<ScreenId, ComponentType> = {
  overview: lazyScreen(() => import('./overview/index')),
  content: lazyScreen(() => import('./content/index')),
  review: lazyScreen(() => import('./review/index')),
  schedules: lazyScreen(() => import('./schedules/index')),
  playlists: lazyScreen(() => import('./playlists/index')),
  layouts: lazyScreen(() => import('./layouts/index')),
  relays: lazyScreen(() => import('./relays/index')),
  devices: lazyScreen(() => import('./devices/index')),
  alerts: lazyScreen(() => import('./alerts/index')),
  announce: lazyScreen(() => import('./announce/index')),
  reports: lazyScreen(() => import('./reports/index')),
  cases: lazyScreen(() => import('./cases/index')),
  users: lazyScreen(() => import('./users/index')),
  audit: lazyScreen(() => import('./audit/index')),
};

export function AppRoutes({ roles }: { roles: readonly Role[] }) {
  // A screen that throws while rendering shows the error page rather than a blank main area.
  const crashed = useSignal(false);
  if (crashed.value) return <LoadErrorPage />;
  return (
    <ErrorBoundary onError={() => (crashed.value = true)}>
      <Router>
        {SCREENS.map((screen) => (
          <Route
            key={screen.id}
            // Sub-pages (/content/12, /content/new) belong to their screen; it reads the rest itself.
            path={screen.path === '/' ? '/' : `${screen.path}/:sub*`}
            component={canOpen(screen, roles) ? pages[screen.id] : ForbiddenPage}
          />
        ))}
        <Route default component={NotFoundPage} />
      </Router>
    </ErrorBoundary>
  );
}
