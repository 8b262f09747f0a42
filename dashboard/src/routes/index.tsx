// The signed-in routes: one lazily loaded chunk per screen, built from the screen table in lib/nav so
// navigation and routing never disagree. A screen the user's roles do not allow answers "forbidden".
import type { ComponentType } from 'preact';
import { ErrorBoundary, Route, Router, lazy } from 'preact-iso';
import type { Role } from '../lib/api';
import { SCREENS, canOpen, type ScreenId } from '../lib/nav';
import { ForbiddenPage, NotFoundPage } from '../components/StatusPage';

const pages: Record<ScreenId, ComponentType> = {
  overview: lazy(() => import('./overview')),
  content: lazy(() => import('./content')),
  review: lazy(() => import('./review')),
  schedules: lazy(() => import('./schedules')),
  devices: lazy(() => import('./devices')),
  alerts: lazy(() => import('./alerts')),
  reports: lazy(() => import('./reports')),
  users: lazy(() => import('./users')),
  audit: lazy(() => import('./audit')),
};

export function AppRoutes({ roles }: { roles: readonly Role[] }) {
  return (
    <ErrorBoundary>
      <Router>
        {SCREENS.map((screen) => (
          <Route
            key={screen.id}
            path={screen.path}
            component={canOpen(screen, roles) ? pages[screen.id] : ForbiddenPage}
          />
        ))}
        <Route default component={NotFoundPage} />
      </Router>
    </ErrorBoundary>
  );
}
