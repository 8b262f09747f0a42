// The ordered items of a playlist: drag and drop to reorder (HTML5), or the Up / Down buttons for the
// keyboard and touch screens; each item's duration in seconds, defaulting to its natural length. A move
// is announced to screen readers. Read-only lists show the same rows without any control.
import { useState } from 'preact/hooks';
import type { Content } from '../../../lib/content-api';
import { formatDuration } from '../../../lib/datetime';
import { playlistsText } from '../../../lib/messages/playlists';
import { durationFromSeconds, moveItem, naturalMs, type DraftItem } from '../../../lib/playlist-draft';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  items: readonly DraftItem[];
  contents: ReadonlyMap<number, Content>;
  readOnly: boolean;
  onChange: (items: DraftItem[]) => void;
}

export const titleOf = (c: Content | undefined, id: number): string => c?.playing?.title ?? c?.latest?.title ?? `#${id}`;

export function PlaylistItems({ items, contents, readOnly, onChange }: Props) {
  const { t, tf } = playlistsText;
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  if (items.length === 0) return <p class={controls.muted}>{t('editor.noItems')}</p>;

  const move = (from: number, to: number) => {
    if (from === to || to < 0 || to >= items.length) return;
    const moved = items[from]!;
    onChange(moveItem(items, from, to));
    setAnnounce(tf('editor.moved', { title: titleOf(contents.get(moved.contentId), moved.contentId), n: to + 1 }));
  };
  const setDuration = (key: number, durationMs: number | null) => onChange(items.map((i) => (i.key === key ? { ...i, durationMs } : i)));

  return (
    <>
      <ol class={styles.list} data-testid="playlist-items">
        {items.map((item, index) => {
          const c = contents.get(item.contentId);
          const title = titleOf(c, item.contentId);
          const natural = naturalMs(c);
          return (
            <li
              key={item.key}
              class={`${styles.item} ${dragging === index ? styles.dragging : ''}`}
              data-testid="playlist-item"
              data-content-id={item.contentId}
              draggable={!readOnly}
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer?.setData('text/plain', String(index));
                if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => !readOnly && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = dragging ?? Number(e.dataTransfer?.getData('text/plain'));
                setDragging(null);
                if (Number.isInteger(from)) move(from, index);
              }}
              onDragEnd={() => setDragging(null)}
            >
              {!readOnly && (
                <span class={styles.handle} aria-hidden="true">
                  ⠿
                </span>
              )}
              <span class={styles.title}>
                <span>
                  <span class={styles.index}>{index + 1}.</span> <span data-testid="playlist-item-title">{title}</span>
                </span>
                {natural === null ? (
                  <span class={styles.warn}>{tf('editor.notApproved', { id: item.contentId })}</span>
                ) : (
                  <span class={controls.muted}>{tf('editor.natural', { time: formatDuration(natural) })}</span>
                )}
              </span>
              {readOnly ? (
                <span class={styles.duration} data-testid="playlist-item-duration">
                  {formatDuration(item.durationMs ?? natural)}
                </span>
              ) : (
                <DurationInput
                  item={item}
                  natural={natural}
                  label={`${t('editor.duration')}: ${title}`}
                  onChange={(ms) => setDuration(item.key, ms)}
                />
              )}
              {!readOnly && (
                <span class={controls.row}>
                  {(
                    [
                      ['editor.up', index === 0, () => move(index, index - 1)],
                      ['editor.down', index === items.length - 1, () => move(index, index + 1)],
                      ['editor.remove', false, () => onChange(items.filter((i) => i.key !== item.key))],
                    ] as const
                  ).map(([key, disabled, act]) => (
                    <button
                      key={key}
                      type="button"
                      class={controls.button}
                      disabled={disabled}
                      onClick={act}
                      aria-label={`${t(key)}: ${title}`}
                    >
                      {t(key)}
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p class={controls.srOnly} aria-live="polite">
        {announce}
      </p>
    </>
  );
}

interface DurationProps {
  item: DraftItem;
  natural: number | null;
  label: string;
  onChange: (durationMs: number | null) => void;
}

/** Seconds as typed (a half-typed "7," stays on screen); the draft gets the parsed duration. */
function DurationInput({ item, natural, label, onChange }: DurationProps) {
  const shown = item.durationMs ?? natural;
  const [text, setText] = useState(shown === null || Number.isNaN(shown) ? '' : String(shown / 1000));
  return (
    <input
      class={`${controls.input} ${styles.seconds}`}
      type="text"
      inputMode="decimal"
      value={text}
      aria-label={label}
      data-testid="playlist-item-seconds"
      onInput={(e) => {
        setText(e.currentTarget.value);
        onChange(durationFromSeconds(e.currentTarget.value, natural));
      }}
    />
  );
}
