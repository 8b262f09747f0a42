// Plays a playlist's sequence in a box, as a screen would: pictures and messages for their duration,
// video and audio with their controls (MediaView) (advancing when they end), then round again. It starts paused on
// the first item; Play, Pause and previous / next step through it.
import { useEffect, useState } from 'preact/hooks';
import type { Content } from '../../../lib/content-api';
import { formatDuration } from '../../../lib/datetime';
import { playlistsText } from '../../../lib/messages/playlists';
import { MediaView } from '../../../components/MediaView/index';
import { MessagePreview } from '../../../components/MessagePreview/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export interface PreviewItem {
  key: number;
  title: string;
  content: Content | undefined;
  durationMs: number;
}

export function PlaylistPreview({ items }: { items: readonly PreviewItem[] }) {
  const { t, tf } = playlistsText;
  const [at, setAt] = useState(0);
  const [playing, setPlaying] = useState(false);
  const index = items.length === 0 ? 0 : at % items.length;
  const item = items[index];
  const next = () => setAt((i) => (i + 1) % Math.max(1, items.length));
  const timed = item !== undefined && !isAv(item.content);

  useEffect(() => {
    if (!playing || !timed) return;
    const timer = setTimeout(next, Math.max(1000, item?.durationMs ?? 0));
    return () => clearTimeout(timer);
  }, [playing, timed, item?.key, at]);

  if (!item) return <p class={controls.muted}>{t('preview.empty')}</p>;
  return (
    <div class={styles.preview} data-testid="playlist-preview" data-index={index} data-playing={playing}>
      <p class={styles.position} aria-live="polite" data-testid="preview-position">
        {tf('preview.position', { n: index + 1, count: items.length, title: item.title })} · {formatDuration(item.durationMs)}
      </p>
      <div class={styles.stage}>
        <Stage key={item.key} item={item} playing={playing} onEnded={next} />
      </div>
      <div class={controls.row}>
        <button type="button" class={controls.button} onClick={() => setAt((i) => (i - 1 + items.length) % items.length)}>
          {t('preview.prev')}
        </button>
        <button type="button" class={controls.primary} onClick={() => setPlaying(!playing)} data-testid="preview-toggle">
          {playing ? t('preview.pause') : t('preview.play')}
        </button>
        <button type="button" class={controls.button} onClick={next}>
          {t('preview.next')}
        </button>
      </div>
    </div>
  );
}

const isAv = (c: Content | undefined) => c?.playing?.media?.kind === 'video' || c?.playing?.media?.kind === 'audio';

function Stage({ item, playing, onEnded }: { item: PreviewItem; playing: boolean; onEnded: () => void }) {
  const { t } = playlistsText;
  const version = item.content?.playing;
  if (!version) return <p class={styles.unavailable}>{t('preview.unavailable')}</p>;
  const media = version.media;
  // Outdoor advertising plays without sound.
  const muted = item.content?.kind === 'ad';
  if (!media) return <MessagePreview title={version.title} body={version.body} sizes={['led']} />;
  return <MediaView media={media} label={item.title} muted={muted} autoPlay={playing} onEnded={onEnded} />;
}
