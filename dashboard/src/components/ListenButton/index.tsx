// "Nghe thử": plays the Vietnamese speech rendered for a saved version (the server makes it when the
// draft is saved). Without a saved version it is disabled and says why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import controls from '../controls.module.css';
import styles from './style.module.css';

interface Props {
  url: string | null;
  /** Accessible name of the audio, e.g. "Giọng đọc phiên bản 2". */
  label: string;
  hint?: string;
}

export function ListenButton({ url, label, hint }: Props) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setPlaying(false);
    setFailed(false);
  }, [url]);

  async function toggle() {
    const el = audio.current;
    if (!el) return;
    if (!el.paused) {
      el.pause();
      return;
    }
    try {
      el.currentTime = 0;
      await el.play();
      setFailed(false);
    } catch {
      // Autoplay policy or a missing file: say so instead of doing nothing.
      setFailed(true);
    }
  }

  return (
    <div class={styles.listen}>
      <button type="button" class={controls.button} disabled={!url} aria-pressed={playing} onClick={toggle} data-testid="listen">
        {playing ? '⏸' : '▶'} {t('editor.listen')}
      </button>
      {url && (
        <audio
          ref={audio}
          src={url}
          preload="none"
          aria-label={label}
          data-testid="listen-audio"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => setPlaying(false)}
          onError={() => setFailed(true)}
        />
      )}
      {(hint || failed) && <span class={styles.hint}>{failed ? t('next.network') : hint}</span>}
    </div>
  );
}
