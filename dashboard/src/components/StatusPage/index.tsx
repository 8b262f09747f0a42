// Pages for routes that cannot be shown: unknown address, or a screen the user's roles do not allow.
import { t } from '../../lib/i18n';
import { ScreenPage } from '../ScreenPage';

export function NotFoundPage() {
  return (
    <ScreenPage title="page.notFound">
      <p>{t('page.notFoundBody')}</p>
    </ScreenPage>
  );
}

export function ForbiddenPage() {
  return (
    <ScreenPage title="page.forbidden">
      <p>{t('page.forbiddenBody')}</p>
    </ScreenPage>
  );
}

/** A screen whose code could not be loaded (network loss, or a new deployment removed the old chunk). */
export function LoadErrorPage() {
  return (
    <p role="alert" data-testid="route-error">
      {t('page.loadError')}
    </p>
  );
}
