// Shared behaviour of <video> and <audio> renderers: seek to the offset and play when shown, pause when
// hidden, follow volume and mute. Autoplay with sound can be refused (a browser started without the kiosk
// autoplay flag): video then plays muted rather than not at all; audio reports a failure.
import { useEffect, useRef } from 'preact/hooks';
import type { RendererProps } from './types';

export function useMediaElement<T extends HTMLMediaElement>({ active, offsetMs, volume, muted, onError }: RendererProps, isVideo: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.volume = Math.max(0, Math.min(1, volume / 100));
    el.muted = muted;
  }, [volume, muted]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!active) {
      el.pause();
      return;
    }
    if (offsetMs > 500) el.currentTime = offsetMs / 1000;
    el.play().catch(() => {
      if (isVideo && !el.muted) {
        el.muted = true;
        el.play().catch(onError);
      } else onError();
    });
    return () => el.pause();
    // Only `active` re-runs this: offsetMs matters at the moment the item becomes active, not after.
  }, [active]);
  return ref;
}
