// The review queue (reviewer: messages and clips; ad_reviewer: ads). Choosing a submission shows the
// exact version under review and the decision form beside the queue.
import { useState } from 'preact/hooks';
import { reviewQueue, type QueueEntry } from '../../../lib/content-api';
import { formatDateTime } from '../../../lib/datetime';
import { worstSeverity } from '../../../lib/highlight';
import { lang, t, tf } from '../../../lib/i18n';
import { isReviewer } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import { ReviewPanel } from '../ReviewPanel/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export function ReviewScreen() {
  const roles = session.value?.user.roles ?? [];
  const res = useResource(() => (isReviewer(roles) ? reviewQueue() : Promise.resolve([] as QueueEntry[])), [roles.join()]);
  const [selected, setSelected] = useState<number | null>(null);
  const [decided, setDecided] = useState<string | null>(null);

  if (!isReviewer(roles)) {
    return (
      <ScreenPage title="nav.review">
        <Notice tone="info">{t('review.notReviewer')}</Notice>
      </ScreenPage>
    );
  }
  const queue = res.data ?? [];
  const current = queue.find((e) => e.version.id === selected) ?? null;

  return (
    <ScreenPage title="nav.review" wide>
      {decided && (
        <Notice tone="success" testId="decided" onDismiss={() => setDecided(null)}>
          {decided}
        </Notice>
      )}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      <div class={styles.layout}>
        <nav class={styles.queue} aria-labelledby="queue-h">
          <h2 id="queue-h" class={styles.heading}>
            {t('review.queue')} ({queue.length})
          </h2>
          {res.loading && !res.data && <p role="status">{t('common.loading')}</p>}
          {res.data && queue.length === 0 && <p class={styles.empty}>{t('review.empty')}</p>}
          <ul class={`${controls.stack} ${styles.list}`} data-testid="review-queue">
            {queue.map((e) => {
              const worst = worstSeverity(e.version.findings);
              return (
                <li key={e.version.id}>
                  <button
                    type="button"
                    class={styles.entry}
                    aria-current={e.version.id === selected ? 'true' : undefined}
                    onClick={() => {
                      setSelected(e.version.id);
                      setDecided(null);
                    }}
                    data-testid="queue-entry"
                  >
                    <span class={styles.entryTitle}>{e.version.title}</span>
                    <span class={styles.entryMeta}>
                      {t(`kind.${e.kind}`)} · {tf('content.versionN', { n: e.version.number })} ·{' '}
                      {formatDateTime(e.version.submittedAt, lang.value)}
                    </span>
                    {worst && <span class={`${styles.flag} ${styles[worst]}`}>{t(`severity.${worst}`)}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div class={styles.panel}>
          {current ? (
            <ReviewPanel
              key={current.version.id}
              entry={current}
              onDecided={(message) => {
                setDecided(message);
                setSelected(null);
                res.reload();
              }}
            />
          ) : (
            <p class={styles.empty}>{t('review.pick')}</p>
          )}
        </div>
      </div>
    </ScreenPage>
  );
}
