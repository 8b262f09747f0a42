// Audio items (jingles, recorded announcements): sound only; the screen stays dark while they play.
import type { RendererProps } from './types';
import { useMediaElement } from './use-media-element';

export function AudioRenderer(props: RendererProps) {
  const ref = useMediaElement<HTMLAudioElement>(props, false);
  if (!props.src) return null;
  return <audio ref={ref} src={props.src} preload="auto" onError={props.onError} />;
}
