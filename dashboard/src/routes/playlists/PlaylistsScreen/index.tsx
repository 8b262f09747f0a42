// The playlists screen: every playlist with its item count and total duration, and the opened one in the
// editor. Viewers see the list and open a playlist read-only; editors and admins create, edit and delete.
import { useMemo, useState } from 'preact/hooks';
import { listContent } from '../../../lib/content-api';
import { formatDateTime, formatDuration } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { playlistsText } from '../../../lib/messages/playlists';
import { can } from '../../../lib/permissions';
import { draftOf, totalMs } from '../../../lib/playlist-draft';
import { deletePlaylist, listPlaylists, type Playlist } from '../../../lib/playlists-api';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { PlaylistEditor } from '../PlaylistEditor/index';
import controls from '../../../components/controls.module.css';

async function loadAll() {
  const [playlists, contents] = await Promise.all([listPlaylists(), listContent({ limit: 200 })]);
  return { playlists, contents };
}

export function PlaylistsScreen() {
  const { t, tf } = playlistsText;
  const data = useResource(loadAll, []);
  const [open, setOpen] = useState<Playlist | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const canWrite = can(session.value?.user.roles ?? [], 'schedules.write');
  const d = data.data;
  const byId = useMemo(() => new Map((d?.contents ?? []).map((c) => [c.id, c])), [d]);

  if (!d)
    return data.error != null ? (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    ) : (
      <ProgressBar label={t('list.title')} value={null} />
    );

  const total = (p: Playlist) => formatDuration(totalMs(draftOf(p).items, byId));
  async function remove(p: Playlist) {
    if (!window.confirm(tf('list.confirmDelete', { name: p.name }))) return;
    try {
      await deletePlaylist(p.id);
      if (open !== 'new' && open?.id === p.id) setOpen(null);
      setNotice(t('list.deleted'));
      data.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  const columns: Column<Playlist>[] = [
    { key: 'name', header: t('col.name'), render: (p) => p.name, csv: (p) => p.name },
    { key: 'items', header: t('col.items'), render: (p) => p.items.length, csv: (p) => p.items.length, nowrap: true },
    { key: 'total', header: t('col.total'), render: total, csv: total, nowrap: true },
    { key: 'updated', header: t('col.updated'), render: (p) => formatDateTime(p.updatedAt, lang.value), nowrap: true },
    {
      key: 'actions',
      header: t('col.actions'),
      nowrap: true,
      render: (p) => (
        <div class={controls.row}>
          <button
            type="button"
            class={controls.button}
            onClick={() => setOpen(p)}
            aria-label={`${t(canWrite ? 'list.edit' : 'list.open')} ${p.name}`}
          >
            {t(canWrite ? 'list.edit' : 'list.open')}
          </button>
          {canWrite && (
            <button type="button" class={controls.button} onClick={() => void remove(p)} aria-label={`${t('list.delete')} ${p.name}`}>
              {t('list.delete')}
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <div data-testid="playlists-screen">
      {!canWrite && <p class={controls.muted}>{t('readonly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="playlists-notice">
          {notice}
        </Notice>
      )}
      {actionError != null && <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} />}
      {canWrite && open === null && (
        <button type="button" class={controls.primary} onClick={() => setOpen('new')} data-testid="playlist-new">
          {t('list.new')}
        </button>
      )}
      {open !== null && (
        <PlaylistEditor
          key={open === 'new' ? 'new' : `${open.id}@${open.updatedAt}`}
          playlist={open === 'new' ? null : open}
          contents={d.contents}
          canWrite={canWrite}
          onClose={() => setOpen(null)}
          onSaved={(p) => {
            setOpen(p);
            setNotice(tf('editor.saved', { name: p.name }));
            data.reload();
          }}
        />
      )}
      <section class={controls.section} aria-labelledby="pl-list">
        <h2 id="pl-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DataTable
          caption={t('list.title')}
          columns={columns}
          rows={d.playlists}
          rowKey={(p) => p.id}
          empty={t('list.empty')}
          csvName={t('list.csv')}
          testId="playlist-list"
        />
      </section>
    </div>
  );
}
