// The overview: how much is waiting for review and how much is approved, with links to act on it.
// Device, alert and conflict counts arrive with those screens; their slots are marked as such.
import { listContent } from '../../lib/content-api';
import { t, tf, type MessageKey } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { ErrorNotice } from '../ErrorNotice';
import { ScreenPage } from '../ScreenPage';
import styles from './style.module.css';

const CAP = 200;

async function counts() {
  const [submitted, approved, drafts] = await Promise.all(
    (['submitted', 'approved', 'draft'] as const).map((state) => listContent({ state, limit: CAP })),
  );
  return { submitted: submitted!.length, approved: approved!.length, drafts: drafts!.length };
}

function Tile({
  label,
  value,
  href,
  linkLabel,
  testId,
}: {
  label: MessageKey;
  value: number | null;
  href?: string;
  linkLabel?: MessageKey;
  testId: string;
}) {
  return (
    <div class={styles.tile} data-testid={testId}>
      <p class={styles.value}>{value === null ? '…' : value >= CAP ? tf('overview.more', { n: CAP - 1 }) : value}</p>
      <p class={styles.label}>{t(label)}</p>
      {href && linkLabel && (
        <a href={href} class={styles.link}>
          {t(linkLabel)}
        </a>
      )}
    </div>
  );
}

export function OverviewScreen() {
  const res = useResource(counts, []);
  const c = res.data;
  return (
    <ScreenPage title="nav.overview" wide>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      <div class={styles.tiles} aria-busy={res.loading}>
        <Tile label="overview.waiting" value={c?.submitted ?? null} href="/review" linkLabel="overview.openReview" testId="count-waiting" />
        <Tile
          label="overview.approved"
          value={c?.approved ?? null}
          href="/content"
          linkLabel="overview.openContent"
          testId="count-approved"
        />
        <Tile label="overview.drafts" value={c?.drafts ?? null} testId="count-drafts" />
      </div>
      {/* Slot for the Devices / Alerts / Schedules helpers: live device status, open alerts, conflicts. */}
      <div class={styles.tiles} data-testid="overview-later">
        {(['overview.devices', 'overview.alerts', 'overview.conflicts'] as const).map((key) => (
          <div key={key} class={`${styles.tile} ${styles.later}`}>
            <p class={styles.value}>—</p>
            <p class={styles.label}>{t(key)}</p>
            <p class={styles.note}>{t('overview.later')}</p>
          </div>
        ))}
      </div>
    </ScreenPage>
  );
}
