// One playlist, opened: its name, the approved content to add, the ordered items with their durations,
// the total, and the preview. Editors change a draft and save it in one request; viewers see the same
// list and preview without any control. Server refusals are shown in the chosen language.
import { useMemo, useState } from 'preact/hooks';
import type { Content } from '../../../lib/content-api';
import { formatDuration } from '../../../lib/datetime';
import { playlistsText } from '../../../lib/messages/playlists';
import { checkDraft, draftOf, inputOf, newItem, playMs, totalMs, type Draft } from '../../../lib/playlist-draft';
import { createPlaylist, patchPlaylist, type Playlist } from '../../../lib/playlists-api';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, TextField } from '../../../components/Field/index';
import { PlaylistItems, titleOf } from '../PlaylistItems/index';
import { PlaylistPreview } from '../PlaylistPreview/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  playlist: Playlist | null;
  contents: readonly Content[];
  canWrite: boolean;
  onSaved: (p: Playlist) => void;
  onClose: () => void;
}

export function PlaylistEditor({ playlist, contents, canWrite, onSaved, onClose }: Props) {
  const { t, tf } = playlistsText;
  const [draft, setDraft] = useState<Draft>(() => draftOf(playlist));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const byId = useMemo(() => new Map(contents.map((c) => [c.id, c])), [contents]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const title = playlist === null ? t('editor.titleNew') : tf(canWrite ? 'editor.titleEdit' : 'editor.titleView', { name: playlist.name });
  const preview = draft.items.map((i) => ({
    key: i.key,
    title: titleOf(byId.get(i.contentId), i.contentId),
    content: byId.get(i.contentId),
    durationMs: playMs(i, byId),
  }));

  async function save(e: Event) {
    e.preventDefault();
    const bad = checkDraft(draft);
    setProblem(bad && t(bad));
    if (bad) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(playlist ? await patchPlaylist(playlist.id, inputOf(draft)) : await createPlaylist(inputOf(draft)));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class={controls.panel} onSubmit={save} aria-labelledby="playlist-editor-title" data-testid="playlist-editor" noValidate>
      <h2 id="playlist-editor-title" class={controls.heading}>
        {title}
      </h2>
      {canWrite && (
        <div class={controls.grid}>
          <TextField
            id="pl-name"
            label={t('editor.name')}
            maxLength={100}
            value={draft.name}
            onValue={(name) => set({ name })}
            testId="playlist-name"
          />
          <AddContent contents={contents} onAdd={(id) => set({ items: [...draft.items, newItem(id)] })} />
        </div>
      )}
      <div class={styles.columns}>
        <section aria-labelledby="pl-items">
          <h3 id="pl-items" class={styles.subheading}>
            {t('editor.items')}
          </h3>
          {canWrite && <p class={controls.muted}>{t('editor.itemsHint')}</p>}
          <PlaylistItems items={draft.items} contents={byId} readOnly={!canWrite} onChange={(items) => set({ items })} />
          <p class={styles.total} data-testid="playlist-total">
            {tf('editor.total', { time: formatDuration(totalMs(draft.items, byId)) })}
          </p>
        </section>
        <section aria-labelledby="pl-preview">
          <h3 id="pl-preview" class={styles.subheading}>
            {t('preview.title')}
          </h3>
          <PlaylistPreview items={preview} />
        </section>
      </div>
      {problem && (
        <p role="alert" class={styles.problem} data-testid="playlist-problem">
          {problem}
        </p>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <div class={controls.row}>
        {canWrite && (
          <button type="submit" class={controls.primary} disabled={saving} data-testid="playlist-save">
            {saving ? t('editor.saving') : t('editor.save')}
          </button>
        )}
        <button type="button" class={controls.button} onClick={onClose}>
          {t('editor.close')}
        </button>
      </div>
    </form>
  );
}

/** The approved content to pick from, and the button that appends the chosen one. */
function AddContent({ contents, onAdd }: { contents: readonly Content[]; onAdd: (contentId: number) => void }) {
  const { t } = playlistsText;
  const approved = contents.filter((c) => c.playing !== null);
  const [chosen, setChosen] = useState('');
  return (
    <Field id="pl-pick" label={t('editor.pick')} hint={approved.length === 0 ? t('editor.noContent') : undefined}>
      <div class={controls.row}>
        <select
          id="pl-pick"
          class={controls.input}
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data-testid="playlist-pick"
        >
          <option value="">—</option>
          {approved.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {titleOf(c, c.id)}
            </option>
          ))}
        </select>
        <button
          type="button"
          class={controls.button}
          disabled={chosen === ''}
          onClick={() => onAdd(Number(chosen))}
          data-testid="playlist-add"
        >
          {t('editor.add')}
        </button>
      </div>
    </Field>
  );
}
