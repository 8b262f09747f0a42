// One content item: what plays now (the approved version) with "Phát ngay" (play now), the latest version
// with its state, its pre-check findings and — when rejected — the reviewer's reason, every version, and
// the review history.
import { useState } from 'preact/hooks';
import { contentHistory, getContent, listVersions, type ContentVersion } from '../../../lib/content-api';
import { formatDateTime, formatDuration } from '../../../lib/datetime';
import { lang, t, tf } from '../../../lib/i18n';
import { can, canDecide } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { versionLineOf, versionLineText } from '../../../lib/version-line';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { takeFlash } from '../../../lib/flash';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { FindingsList } from '../../../components/FindingsList/index';
import { HistoryTable } from '../../../components/HistoryTable/index';
import { Notice } from '../../../components/Notice/index';
import { StateBadge } from '../StateBadge/index';
import { VersionPreview } from '../../../components/VersionPreview/index';
import controls from '../../../components/controls.module.css';
import { PlayNowAction } from '../PlayNow/index';
import { LatestActions, RevokeAction, WithdrawAction } from './actions';
import styles from './style.module.css';

async function loadAll(id: number) {
  const [content, versions, history] = await Promise.all([getContent(id), listVersions(id), contentHistory(id)]);
  return { content, versions, history };
}

const versionColumns = (playingId: number | null): Column<ContentVersion>[] => [
  { key: 'n', header: t('col.version'), render: (v) => v.number, nowrap: true },
  {
    key: 'state',
    header: t('col.state'),
    // An older approved version stays "approved" once a newer one replaces it; only one plays.
    render: (v) => (
      <>
        <StateBadge state={v.state} />
        {v.id === playingId && (
          <strong class={styles.playingMark} data-testid="playing-mark">
            {t('col.playing')}
          </strong>
        )}
      </>
    ),
  },
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
  const [done, setDone] = useState<string | null>(takeFlash);
  const roles = session.value?.user.roles ?? [];

  if (res.error && !res.data) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  if (!res.data) return <p role="status">{t('common.loading')}</p>;
  const { content, versions, history } = res.data;
  const latest = content.latest;
  const rejection = latest ? history.filter((h) => h.version === latest.number && h.decision === 'rejected').at(-1) : undefined;
  const editable = can(roles, 'content.write') && !content.system;
  const revoker = canDecide(roles, content.kind);
  const playing = content.playing;
  // A revocation matters until a newer version plays again.
  const revocation = history.filter((h) => h.decision === 'revoked').at(-1);
  const showRevocation = revocation && revocation.version > (playing?.number ?? 0);

  async function act(run: () => Promise<unknown>, message: string): Promise<boolean> {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      await run();
      setDone(message);
      res.reload();
      return true;
    } catch (err) {
      setActionError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const common = { content, busy, act };

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
      <p class={styles.line} data-testid="version-line">
        {versionLineText(versionLineOf(content), lang.value)}
      </p>
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
        {playing ? (
          <>
            <p>{tf('content.playingVersion', { n: playing.number })}</p>
            <VersionPreview kind={content.kind} version={playing} />
            {content.publicId && playing.fields.public === true && (
              <p>
                <a href={`/p/${content.publicId}`} target="_blank" rel="noopener" data-testid="public-link">
                  {t('content.publicLink')}
                </a>
              </p>
            )}
            {(revoker || (editable && playing.id !== latest?.id)) && (
              <div class={`${controls.row} ${styles.block}`}>
                {revoker && <RevokeAction {...common} version={playing} />}
                {editable && playing.id !== latest?.id && <WithdrawAction {...common} version={playing} stop />}
              </div>
            )}
            {content.kind !== 'ad' && can(roles, 'schedules.write') && (
              <PlayNowAction
                contentId={content.id}
                onDone={(message) => {
                  setActionError(null);
                  setDone(message);
                }}
              />
            )}
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
          {showRevocation && (
            <Notice tone="error" testId="revocation-reason">
              <p>{tf('content.revokedReason', { n: revocation.version, reason: revocation.reason ?? '' })}</p>
            </Notice>
          )}
          {editable && <LatestActions {...common} latest={latest} />}
          {latest.state !== 'draft' && latest.findings.length > 0 && (
            <div class={styles.block}>
              <h3 class={styles.sub}>{t('review.findings')}</h3>
              <FindingsList findings={latest.findings} />
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
        <DataTable caption={t('content.versions')} columns={versionColumns(playing?.id ?? null)} rows={versions} rowKey={(v) => v.id} />
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
