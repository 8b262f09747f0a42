// The advertising pre-checks of an ad as it is written: the title and the ad's claim are sent to the
// server's pre-check (nothing is stored) a moment after typing stops, and its findings are listed.
import { useEffect, useState } from 'preact/hooks';
import { precheckDraft, type Finding, type PrecheckDraft } from '../../../lib/content-api';
import { t } from '../../../lib/i18n';
import { FindingsList } from '../../../components/FindingsList/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import controls from '../../../components/controls.module.css';

const WAIT_MS = 400;

export function AdPrecheck({ draft }: { draft: PrecheckDraft }) {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(draft);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      precheckDraft(JSON.parse(key) as PrecheckDraft).then(
        (found) => current && (setFindings(found), setError(null)),
        (err: unknown) => current && setError(err),
      );
    }, WAIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <section class={controls.section} aria-labelledby="ad-precheck-h" aria-live="polite" data-testid="ad-precheck">
      <h3 id="ad-precheck-h" class={controls.heading}>
        {t('form.precheck')}
      </h3>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {findings ? <FindingsList findings={findings} /> : <p class={controls.muted}>{t('form.prechecking')}</p>}
    </section>
  );
}
