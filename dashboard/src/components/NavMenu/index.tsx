// The shell's navigation: one link per screen the user may open, the current one marked for
// assistive technology (aria-current) and visually.
import { useLocation } from 'preact-iso';
import type { Role } from '../../lib/api';
import { t } from '../../lib/i18n';
import { visibleScreens } from '../../lib/nav';
import controls from '../controls.module.css';
import styles from './style.module.css';

export function NavMenu({ roles }: { roles: readonly Role[] }) {
  const { path } = useLocation();
  return (
    <nav class={styles.nav} aria-label={t('shell.nav')} data-testid="nav">
      <ul class={`${controls.stack} ${styles.list}`}>
        {visibleScreens(roles).map((screen) => (
          <li key={screen.id}>
            <a
              href={screen.path}
              class={styles.link}
              data-screen={screen.id}
              aria-current={path === screen.path || (screen.path !== '/' && path.startsWith(`${screen.path}/`)) ? 'page' : undefined}
            >
              {t(screen.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
