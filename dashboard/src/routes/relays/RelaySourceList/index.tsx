// The table of relay sources: name, stream address (and the approved one while a change waits), a state
// badge, who added it, and the buttons this person may use. Rows carry data-testid="relay-source-row".
import type { Role } from '../../../lib/api';
import { relaysText } from '../../../lib/messages/relays';
import { playsOldAddress, relayRowActions } from '../../../lib/relay-view';
import type { RelaySource } from '../../../lib/relays-api';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  sources: readonly RelaySource[];
  roles: readonly Role[];
  userId: number | null;
  onEdit: (s: RelaySource) => void;
  onDelete: (s: RelaySource) => void;
  onDecide: (s: RelaySource, decision: 'approve' | 'reject') => void;
}

export function StateBadge({ state }: { state: RelaySource['state'] }) {
  return (
    <span class={`${styles.badge} ${styles[state]}`} data-state={state} data-testid="relay-source-state">
      {relaysText.t(`state.${state}`)}
    </span>
  );
}

function Address({ s }: { s: RelaySource }) {
  const { t, tf } = relaysText;
  return (
    <div class={styles.address}>
      <code class={styles.url} data-testid="relay-source-row-url">
        {s.url}
      </code>
      {s.allowPrivate && <span class={styles.private}>{t('privateBadge')}</span>}
      {playsOldAddress(s) && (
        <p class={styles.note} data-testid="relay-source-on-air">
          {tf('onAir', { url: s.approved!.url })}
        </p>
      )}
      {!s.approved && <p class={styles.note}>{t('notApproved')}</p>}
      {s.state === 'rejected' && s.reason && <p class={styles.note}>{tf('reason', { reason: s.reason })}</p>}
    </div>
  );
}

export function RelaySourceList({ sources, roles, userId, onEdit, onDelete, onDecide }: Props) {
  const { t } = relaysText;
  if (!sources.length) return <p class={controls.muted}>{t('list.empty')}</p>;
  return (
    <div class={styles.scroll} tabIndex={0} role="region" aria-label={t('list.title')}>
      <table class={styles.table} data-testid="relay-sources-table">
        <caption class={controls.srOnly}>{t('list.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.url')}</th>
            <th scope="col">{t('col.state')}</th>
            <th scope="col">{t('col.createdBy')}</th>
            <th scope="col">{t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const can = relayRowActions(s, roles, userId);
            return (
              <tr key={s.id} data-testid="relay-source-row" data-id={s.id} data-state={s.state}>
                <td data-testid="relay-source-row-name">{s.name}</td>
                <td>
                  <Address s={s} />
                </td>
                <td class={styles.nowrap}>
                  <StateBadge state={s.state} />
                </td>
                <td>{s.createdBy?.name ?? '—'}</td>
                <td>
                  <div class={controls.row}>
                    {can.write && (
                      <>
                        <button type="button" class={controls.button} onClick={() => onEdit(s)} aria-label={`${t('edit')}: ${s.name}`} data-testid="relay-source-edit">
                          {t('edit')}
                        </button>
                        <button type="button" class={controls.button} onClick={() => onDelete(s)} aria-label={`${t('delete')}: ${s.name}`} data-testid="relay-source-delete">
                          {t('delete')}
                        </button>
                      </>
                    )}
                    {can.decide && (
                      <>
                        <button type="button" class={controls.primary} onClick={() => onDecide(s, 'approve')} aria-label={`${t('review.approve')}: ${s.name}`} data-testid="relay-source-approve">
                          {t('review.approve')}
                        </button>
                        <button type="button" class={controls.button} onClick={() => onDecide(s, 'reject')} aria-label={`${t('review.reject')}: ${s.name}`} data-testid="relay-source-reject">
                          {t('review.reject')}
                        </button>
                      </>
                    )}
                    {can.own && <span class={controls.muted}>{t('own')}</span>}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
