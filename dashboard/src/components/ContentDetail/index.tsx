// One content item: what plays now (the approved version), the latest version with its state, its
// pre-check findings and — when rejected — the reviewer's reason, every version, and the review history.
import { useState } from 'preact/hooks';
import { contentHistory, getContent, listVersions, submitVersion, withdrawVersion, type ContentVersion } from '../../lib/content-api';
import { formatDateTime, formatDuration } from '../../lib/datetime';
import { parseFindings } from '../../lib/highlight';
import { lang, t, tf } from '../../lib/i18n';
import { can } from '../../lib/permissions';
import { session } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { DataTable, type Column } from '../DataTable';
import { ErrorNotice } from '../ErrorNotice';
import { FindingsList } from '../FindingsList';
import { HistoryTable } from '../HistoryTable';
import { Notice } from '../Notice';
import { StateBadge } from '../StateBadge';
import { VersionPreview } from '../VersionPreview';
import controls from '../controls.module.css';
import styles from './style.module.css';

async function loadAll(id: number) {
  const [content, versions, history] = await Promise.all([getContent(id), listVersions(id), contentHistory(id)]);
  return { content, versions, history };
}

const versionColumns = (): Column<ContentVersion>[] => [
  { key: 'n', header: t('col.version'), render: (v) => v.number, nowrap: true },
  { key: 'state', header: t('col.state'), render: (v) => <StateBadge state={v.state} /> },
  { key: 'title', header: t('col.title'), render: (v) => v.title },
  { key: 'duration', header: t('col.duration'), render: (v) => formatDuration(v.durationMs), nowrap: true },
  { key: 'at', header: t('col.at'), render: (v) => formatDateTime(v.createdAt, lang.value), nowrap: true },
  {
    key: 'sha',
    header: 'sha256',
    render: (v) => (
      <span class={controls.mono} title={v.versionSha256}>
        {v.versionSha256.slice(0, 16)}…
      </span>
    ),
  },
];

export function ContentDetail({ id }: { id: number }) {
  const res = useResource(() => loadAll(id), [id]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const roles = session.value?.user.roles ?? [];

  if (res.error && !res.data) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  if (!res.data) return <p role="status">{t('common.loading')}</p>;
  const { content, versions, history } = res.data;
  const latest = content.latest;
  const rejection = latest ? history.filter((h) => h.version === latest.number && h.decision === 'rejected').at(-1) : undefined;
  const editable = can(roles, 'content.write') && !content.system;

  async function act(run: () => Promise<unknown>, message: string) {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      await run();
      setDone(message);
      res.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class={styles.detail} aria-labelledby="screen-title">
      <a href="/content" class={styles.back}>
        {t('content.back')}
      </a>
      <div class={styles.head}>
        <h1 id="screen-title" class={styles.title} data-testid="screen-title">
          {latest?.title ?? `#${content.id}`}
        </h1>
        <span class={controls.muted}>
          {t(`kind.${content.kind}`)} · {content.owner.name}
        </span>
      </div>
      {done && (
        <Notice tone="success" testId="action-done">
          {done}
        </Notice>
      )}
      {actionError ? <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} /> : null}

      <section class={styles.playing} aria-labelledby="playing-h" data-testid="playing">
        <h2 id="playing-h" class={controls.heading}>
          {t('content.playing')}
        </h2>
        {content.playing ? (
          <>
            <p>{tf('content.playingVersion', { n: content.playing.number })}</p>
            <VersionPreview kind={content.kind} version={content.playing} />
          </>
        ) : (
          <p class={controls.muted}>{t('content.nothingPlaying')}</p>
        )}
      </section>

      {latest && (
        <section class={controls.section} aria-labelledby="latest-h" data-testid="latest">
          <h2 id="latest-h" class={controls.heading}>
            {t('content.latest')}: {tf('content.versionN', { n: latest.number })} <StateBadge state={latest.state} />
          </h2>
          {rejection?.reason && (
            <Notice tone="error" testId="rejection-reason">
              <p>{tf('content.rejectedReason', { reason: rejection.reason })}</p>
            </Notice>
          )}
          {editable && (
            <div class={controls.row}>
              {content.kind === 'message' && (
                <a href={`/content/${content.id}/edit`} class={controls.button} data-testid="edit">
                  {t('content.edit')}
                </a>
              )}
              {latest.state === 'draft' && (
                <button
                  type="button"
                  class={controls.primary}
                  disabled={busy}
                  data-testid="submit"
                  onClick={() => act(() => submitVersion(content.id, latest.number), tf('content.submitted', { n: latest.number }))}
                >
                  {busy ? t('content.submitting') : t('content.submit')}
                </button>
              )}
              {['draft', 'submitted', 'approved'].includes(latest.state) && (
                <button
                  type="button"
                  class={controls.button}
                  disabled={busy}
                  data-testid="withdraw"
                  onClick={() => act(() => withdrawVersion(content.id, latest.number), tf('content.withdrawn', { n: latest.number }))}
                >
                  {t('content.withdraw')}
                </button>
              )}
            </div>
          )}
          {latest.state !== 'draft' && parseFindings(latest.findings).length > 0 && (
            <div class={styles.block}>
              <h3 class={styles.sub}>{t('review.findings')}</h3>
              <FindingsList findings={parseFindings(latest.findings)} />
            </div>
          )}
          {latest.id !== content.playing?.id && (
            <div class={styles.block}>
              <VersionPreview kind={content.kind} version={latest} />
            </div>
          )}
          <p class={styles.sha}>
            {t('content.sha')}:{' '}
            <span class={controls.mono} data-testid="version-sha">
              {latest.versionSha256}
            </span>
          </p>
        </section>
      )}

      <section class={controls.section} aria-labelledby="versions-h">
        <h2 id="versions-h" class={controls.heading}>
          {t('content.versions')}
        </h2>
        <DataTable caption={t('content.versions')} columns={versionColumns()} rows={versions} rowKey={(v) => v.id} />
      </section>
      <section class={controls.section} aria-labelledby="history-h">
        <h2 id="history-h" class={controls.heading}>
          {t('content.history')}
        </h2>
        <HistoryTable entries={history} caption={t('content.history')} />
      </section>
    </article>
  );
}
