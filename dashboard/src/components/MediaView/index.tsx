// The exact stored file of a version: a picture, a video or an audio player, served by sha256.
// Ads are always shown muted with the note that outdoor advertising plays without sound.
import type { Media } from '../../lib/content-api';
import { formatBytes, formatDuration } from '../../lib/datetime';
import { lang, t } from '../../lib/i18n';
import controls from '../controls.module.css';
import styles from './style.module.css';

interface Props {
  media: Media;
  label: string;
  muted?: boolean;
  /** Start video or audio at once (a preview that is playing a sequence). */
  autoPlay?: boolean;
  /** Called when video or audio has played to its end. */
  onEnded?: () => void;
}

export function MediaView({ media, label, muted = false, autoPlay = false, onEnded }: Props) {
  return (
    <figure class={styles.figure} data-testid="media-view" data-kind={media.kind}>
      {media.kind === 'image' && <img class={styles.visual} src={media.url} alt={label} />}
      {media.kind === 'video' && (
        <video
          class={styles.visual}
          src={media.url}
          poster={media.thumbnailUrl ?? undefined}
          controls
          muted={muted}
          autoPlay={autoPlay}
          onEnded={onEnded}
          preload="metadata"
          aria-label={label}
          data-testid="media-video"
        />
      )}
      {media.kind === 'audio' && !muted && (
        <audio class={styles.audio} src={media.url} controls autoPlay={autoPlay} onEnded={onEnded} preload="metadata" aria-label={label} />
      )}
      {media.kind === 'document' && (
        <a href={media.url} class={controls.button} target="_blank" rel="noopener">
          {media.fileName ?? label}
        </a>
      )}
      <figcaption class={styles.caption}>
        {[
          media.fileName,
          media.mime,
          formatBytes(media.size, lang.value),
          formatDuration(media.durationMs),
          media.width && media.height ? `${media.width}×${media.height}` : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </figcaption>
      {muted && (
        <p class={styles.muted} data-testid="muted-note">
          {t('review.mutedNote')}
        </p>
      )}
    </figure>
  );
}
