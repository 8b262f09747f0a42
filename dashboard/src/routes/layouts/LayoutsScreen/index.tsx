// The screen layouts screen: every layout with the version on screens and the one waiting, the editor (new
// layouts start from a copy of another), the reviewer's decision on a waiting version, and assignment.
import { useState } from 'preact/hooks';
import { listContent } from '../../../lib/content-api';
import { listDevices, listGroups } from '../../../lib/devices-api';
import { decideLayout, listAssignments, listLayouts, type Layout } from '../../../lib/layouts-api';
import { layoutsText } from '../../../lib/messages/layouts';
import { can } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { LayoutEditor, type Draft } from '../LayoutEditor/index';
import { AssignPanel } from '../AssignPanel/index';
import controls from '../../../components/controls.module.css';

const TZ = 'Asia/Ho_Chi_Minh';

async function loadAll() {
  const [layouts, assignments, contents, devices, groups] = await Promise.all([
    listLayouts(),
    listAssignments(),
    listContent({ state: 'approved', limit: 200 }),
    listDevices(),
    listGroups(),
  ]);
  return { layouts, assignments, contents, devices, groups };
}

export function LayoutsScreen() {
  const { t, tf } = layoutsText;
  const data = useResource(loadAll, []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const roles = session.value?.user.roles ?? [];
  const canWrite = can(roles, 'devices.write');
  const canReview = can(roles, 'review.content');
  const d = data.data;
  if (!d) return data.error != null ? <ErrorNotice error={data.error} onRetry={data.reload} /> : <ProgressBar label={t('list.title')} value={null} />;

  const contents = d.contents.filter((c) => c.kind === 'message' || c.kind === 'clip').map((c) => ({ id: c.id, title: (c.playing ?? c.latest)?.title ?? `#${c.id}` }));
  const bodyOf = (l: Layout) => (l.latest ?? l.approved)!.body;
  const state = (l: Layout) => {
    const parts: string[] = [];
    if (l.system) parts.push(t('state.starter'));
    parts.push(l.approved ? tf('state.onAir', { n: l.approved.number }) : t('state.none'));
    if (l.latest && l.latest.id !== l.approved?.id) {
      if (l.latest.state === 'submitted') parts.push(tf('state.waiting', { n: l.latest.number }));
      if (l.latest.state === 'rejected') parts.push(tf('state.rejected', { n: l.latest.number, reason: l.latest.reason ?? '' }));
    }
    return parts.join(' · ');
  };
  async function decide(l: Layout, decision: 'approve' | 'reject') {
    const reason = decision === 'reject' ? window.prompt(t('review.reason')) : undefined;
    if (decision === 'reject' && !reason) return;
    try {
      await decideLayout(l.id, l.latest!.id, { decision, ...(reason ? { reason } : {}) });
      setNotice(tf('review.done', { name: l.name }));
      data.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  const columns: Column<Layout>[] = [
    { key: 'name', header: t('col.name'), render: (l) => l.name, csv: (l) => l.name },
    { key: 'canvas', header: t('col.canvas'), render: (l) => `${bodyOf(l).width} × ${bodyOf(l).height}`, csv: (l) => `${bodyOf(l).width}x${bodyOf(l).height}`, nowrap: true },
    { key: 'state', header: t('col.state'), render: state, csv: state },
    { key: 'assigned', header: t('col.assigned'), render: (l) => tf('assigned', l.assigned), csv: (l) => tf('assigned', l.assigned), nowrap: true },
    {
      key: 'actions',
      header: t('col.actions'),
      render: (l) => (
        <div class={controls.row}>
          {canWrite && !l.system && (
            <button type="button" class={controls.button} onClick={() => setDraft({ id: l.id, name: l.name, body: bodyOf(l) })} aria-label={`${t('list.edit')} ${l.name}`}>
              {t('list.edit')}
            </button>
          )}
          {canWrite && (
            <button type="button" class={controls.button} onClick={() => setDraft({ id: null, name: '', body: bodyOf(l) })} aria-label={`${t('list.new')}: ${l.name}`}>
              {t('list.new')}
            </button>
          )}
          {canReview && l.latest?.state === 'submitted' && (
            <>
              <button type="button" class={controls.primary} onClick={() => void decide(l, 'approve')} aria-label={`${tf('review.approve', { n: l.latest.number })}: ${l.name}`}>
                {tf('review.approve', { n: l.latest.number })}
              </button>
              <button type="button" class={controls.button} onClick={() => void decide(l, 'reject')} aria-label={`${t('review.reject')}: ${l.name}`}>
                {t('review.reject')}
              </button>
            </>
          )}
        </div>
      ),
    },
  ];

  return (
    <div data-testid="layouts-screen">
      {!canWrite && <p class={controls.muted}>{t('readonly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="layouts-notice">
          {notice}
        </Notice>
      )}
      {actionError != null && <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} />}
      {draft && (
        <LayoutEditor
          key={`${draft.id ?? 'new'}`}
          draft={draft}
          contents={contents}
          tz={TZ}
          onClose={() => setDraft(null)}
          onSaved={(l) => {
            setDraft(null);
            setNotice(tf('editor.saved', { name: l.name }));
            data.reload();
          }}
        />
      )}
      <section class={controls.section} aria-labelledby="layouts-list">
        <h2 id="layouts-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DataTable caption={t('list.title')} columns={columns} rows={d.layouts} rowKey={(l) => l.id} />
      </section>
      <AssignPanel layouts={d.layouts} devices={d.devices} groups={d.groups} assignments={d.assignments} canWrite={canWrite} onAssigned={() => { setNotice(t('assign.done')); data.reload(); }} />
    </div>
  );
}
