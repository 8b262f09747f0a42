// Live items on loudspeakers (tiếp âm, later live announcements): the feed's MP3 frames come over the live
// socket and go into a MediaSource SourceBuffer ('audio/mpeg', sequence mode) behind an <audio> element. It
// stays close to the live edge (never more than ~1 s behind) and keeps at most ~30 s of played audio, so hours
// on air hold the same memory. Without MediaSource or MP3 in it, the item fails like a file that cannot play.
import { useEffect, useRef } from 'preact/hooks';
import { startLiveStream } from '../media/live-socket';
import type { RendererProps } from './types';

/** Once playing, more than this much audio ahead of the playhead is skipped… */
const MAX_LAG_S = 1.0;
/** …down to this much. */
const TARGET_LAG_S = 0.2;
/** Played audio kept behind the playhead; trimmed when it passes KEEP_S + TRIM_SLACK_S. */
const KEEP_S = 30;
const TRIM_SLACK_S = 10;
/** Chunks waiting for the SourceBuffer beyond this many bytes are dropped, oldest first (a tab held back). */
const MAX_QUEUED_BYTES = 512 * 1024;
const MIME = 'audio/mpeg';

/** Whether this browser can play a live feed (MediaSource with MP3; Chromium 69 has both, locked-down WebViews may not). */
export function canPlayLive(): boolean {
  try {
    return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(MIME);
  } catch {
    return false;
  }
}

const realClock = {
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Feeds MP3 chunks into `el` through a MediaSource; `onFail` once if the browser refuses them or autoplay. */
export function attachLiveAudio(el: HTMLAudioElement, onFail: () => void) {
  const ms = new MediaSource();
  const url = URL.createObjectURL(ms);
  let sb: SourceBuffer | null = null;
  let queue: ArrayBuffer[] = [];
  let queued = 0;
  let started = false;
  let failed = false;
  const fail = () => {
    if (failed) return;
    failed = true;
    onFail();
  };

  const keepUp = () => {
    // A closed feed detaches the MediaSource: an append it aborted still fires updateend, and the removed
    // SourceBuffer must not be read then.
    if (!sb || ms.readyState !== 'open') return;
    const b = sb.buffered;
    if (!b.length) return;
    const end = b.end(b.length - 1);
    if (started && !el.paused && end - el.currentTime > MAX_LAG_S) el.currentTime = end - TARGET_LAG_S;
    if (!started) {
      started = true;
      el.play().catch(fail);
    }
  };

  const pump = () => {
    if (!sb || sb.updating || ms.readyState !== 'open') return;
    const b = sb.buffered;
    if (b.length && el.currentTime - b.start(0) > KEEP_S + TRIM_SLACK_S) {
      sb.remove(b.start(0), el.currentTime - KEEP_S); // its updateend pumps again
      return;
    }
    const next = queue.shift();
    if (!next) return;
    queued -= next.byteLength;
    try {
      sb.appendBuffer(next);
    } catch {
      // QuotaExceededError or a broken chunk: drop it; the next one carries on.
      pump();
    }
  };

  ms.addEventListener('sourceopen', () => {
    URL.revokeObjectURL(url);
    try {
      sb = ms.addSourceBuffer(MIME);
      sb.mode = 'sequence'; // frames follow one another whatever their timestamps (there are none in MP3)
    } catch {
      return fail();
    }
    sb.addEventListener('updateend', () => {
      keepUp();
      pump();
    });
    sb.addEventListener('error', fail);
    pump();
  });
  el.src = url;

  return {
    append(chunk: ArrayBuffer) {
      queue.push(chunk);
      queued += chunk.byteLength;
      while (queued > MAX_QUEUED_BYTES && queue.length > 1) queued -= queue.shift()!.byteLength;
      pump();
    },
    close() {
      queue = [];
      el.pause();
      el.removeAttribute('src');
      el.load();
      try {
        if (ms.readyState === 'open' && sb && !sb.updating) ms.endOfStream();
      } catch {
        // closed already
      }
    },
  };
}

export function LiveRenderer(props: RendererProps) {
  const { active, item, live, volume, onError } = props;
  const ref = useRef<HTMLAudioElement>(null);
  const id = item.live?.id ?? null;
  useEffect(() => {
    const el = ref.current;
    if (el) el.volume = Math.max(0, Math.min(1, volume / 100));
  }, [volume]);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || id === null) return;
    if (!live || !canPlayLive()) {
      onError();
      return;
    }
    const audio = attachLiveAudio(el, onError);
    const stream = startLiveStream({ source: live, id, clock: realClock, onChunk: audio.append });
    return () => {
      stream.stop();
      audio.close();
    };
    // The socket lives while this feed's item is the one playing; volume follows on its own.
  }, [active, id]);
  return <audio ref={ref} data-testid="live-audio" data-live-id={id ?? ''} />;
}
