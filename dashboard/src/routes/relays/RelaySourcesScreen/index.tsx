// The relay sources screen (nguồn tiếp âm): the list for every staff role, the add/edit form for admins,
// the decision panel for reviewers, and deleting behind a confirmation. API refusals are shown as the server
// words them, in the current language.
import { useState } from 'preact/hooks';
import { relaysText } from '../../../lib/messages/relays';
import { can } from '../../../lib/permissions';
import { deleteRelaySource, listRelaySources, type RelaySource } from '../../../lib/relays-api';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { t as common } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { RelaySourceList } from '../RelaySourceList/index';
import { RelaySourceForm } from '../RelaySourceForm/index';
import { DecisionPanel } from '../DecisionPanel/index';
import { RelayOnAir } from '../RelayOnAir/index';
import controls from '../../../components/controls.module.css';

export function RelaySourcesScreen() {
  const { t, tf } = relaysText;
  const data = useResource(listRelaySources, []);
  const [editing, setEditing] = useState<RelaySource | 'new' | null>(null);
  const [deciding, setDeciding] = useState<{ source: RelaySource; decision: 'approve' | 'reject' } | null>(null);
  const [deleting, setDeleting] = useState<RelaySource | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const user = session.value?.user;
  const roles = user?.roles ?? [];
  const canWrite = can(roles, 'relays.manage');
  if (!data.data) return data.error != null ? <ErrorNotice error={data.error} onRetry={data.reload} /> : <ProgressBar label={t('list.title')} value={null} />;

  const done = (message: string) => {
    setEditing(null);
    setDeciding(null);
    setNotice(message);
    data.reload();
  };
  async function remove(s: RelaySource) {
    setBusy(true);
    try {
      await deleteRelaySource(s.id);
      setDeleting(null);
      done(tf('deleted', { name: s.name }));
    } catch (err) {
      setDeleting(null);
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="relay-sources-screen">
      <p class={controls.muted}>{t('intro')}</p>
      {!canWrite && <p class={controls.muted}>{t('readonly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="relay-sources-notice">
          {notice}
        </Notice>
      )}
      {actionError != null && <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} testId="relay-sources-error" />}
      {canWrite && editing === null && (
        <div class={controls.row}>
          <button type="button" class={controls.primary} onClick={() => setEditing('new')} data-testid="relay-sources-new">
            {t('list.new')}
          </button>
        </div>
      )}
      {editing !== null && (
        <RelaySourceForm
          key={editing === 'new' ? 'new' : editing.id}
          source={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(s) => done(tf('saved', { name: s.name }))}
        />
      )}
      {deciding && (
        <DecisionPanel
          key={`${deciding.source.id}-${deciding.decision}`}
          source={deciding.source}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onDecided={(s) => done(tf('review.done', { name: s.name }))}
        />
      )}
      <RelayOnAir />
      <section class={controls.section} aria-labelledby="relay-sources-list">
        <h2 id="relay-sources-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <RelaySourceList
          sources={data.data}
          roles={roles}
          userId={user?.id ?? null}
          onEdit={(s) => {
            setDeciding(null);
            setEditing(s);
          }}
          onDelete={setDeleting}
          onDecide={(source, decision) => {
            setEditing(null);
            setDeciding({ source, decision });
          }}
        />
      </section>
      <ConfirmDialog
        id="relay-source-delete"
        open={deleting !== null}
        title={t('delete.title')}
        message={deleting ? tf('delete.message', { name: deleting.name }) : ''}
        confirmLabel={t('delete')}
        cancelLabel={common('common.cancel')}
        busyLabel={t('delete.busy')}
        busy={busy}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
