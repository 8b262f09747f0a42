// The overview: what waits for review, what plays, drafts and rejections (GET /api/content/stats, counted
// by the server by the state of each item's latest version), the live device status, and the alerts in force
// and the schedule conflicts as the server reports them. A figure that cannot be loaded is left out.
import { listAlerts } from '../../../lib/alerts-api';
import { contentStats } from '../../../lib/content-api';
import { scheduleConflicts } from '../../../lib/schedules-api';
import { t, tf, type MessageKey } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { LiveDevices } from '../../../components/LiveDevices/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import styles from './style.module.css';

function Tile({
  label,
  value,
  note,
  href,
  linkLabel,
  testId,
}: {
  label: MessageKey;
  value: number | null;
  note?: string;
  href?: string;
  linkLabel?: MessageKey;
  testId: string;
}) {
  return (
    <div class={styles.tile} data-testid={testId}>
      <p class={styles.value}>{value === null ? '…' : value}</p>
      <p class={styles.label}>{t(label)}</p>
      {note && <p class={styles.note}>{note}</p>}
      {href && linkLabel && (
        <a href={href} class={styles.link}>
          {t(linkLabel)}
        </a>
      )}
    </div>
  );
}

/** Open alerts and schedule conflicts; each is null when the server did not answer it. */
async function loadAttention(): Promise<{ alerts: number | null; conflicts: number | null }> {
  const [alerts, conflicts] = await Promise.all([
    listAlerts().then(
      (list) => list.filter((a) => a.status === 'active').length,
      () => null,
    ),
    scheduleConflicts().then(
      (r) => r.conflicts.length,
      () => null,
    ),
  ]);
  return { alerts, conflicts };
}

export function OverviewScreen() {
  const res = useResource(contentStats, []);
  const attention = useResource(loadAttention, []);
  const a = attention.data;
  const s = res.data;
  const state = (k: string) => (s ? (s.byState[k] ?? 0) : null);
  const kinds = s && tf('overview.byKind', { message: s.byKind.message ?? 0, clip: s.byKind.clip ?? 0, ad: s.byKind.ad ?? 0 });
  return (
    <ScreenPage title="nav.overview" wide>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      <div class={styles.tiles} aria-busy={res.loading}>
        <Tile label="overview.waiting" value={state('submitted')} href="/review" linkLabel="overview.openReview" testId="count-waiting" />
        <Tile label="overview.playing" value={s?.playing ?? null} href="/content" linkLabel="overview.openContent" testId="count-playing" />
        <Tile label="overview.approved" value={state('approved')} testId="count-approved" />
        <Tile label="overview.drafts" value={state('draft')} testId="count-drafts" />
        <Tile label="overview.rejected" value={state('rejected')} testId="count-rejected" />
        <Tile label="overview.total" value={s?.total ?? null} note={kinds ?? undefined} testId="count-total" />
      </div>
      {/* Live device states from the dashboard socket; alerts in force and schedule conflicts below. */}
      <div class={styles.live}>
        <LiveDevices list />
      </div>
      <div class={styles.tiles} aria-busy={attention.loading} data-testid="overview-attention">
        {a?.alerts !== null && (
          <Tile label="overview.alerts" value={a?.alerts ?? null} href="/alerts" linkLabel="overview.openAlerts" testId="count-alerts" />
        )}
        {a?.conflicts !== null && (
          <Tile
            label="overview.conflicts"
            value={a?.conflicts ?? null}
            href="/schedules"
            linkLabel="overview.openSchedules"
            testId="count-conflicts"
          />
        )}
      </div>
    </ScreenPage>
  );
}
