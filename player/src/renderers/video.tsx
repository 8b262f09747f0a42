// Video items: preloaded while hidden, started at their boundary; muted when the item says so (ads).
import styles from './style.module.css';
import type { RendererProps } from './types';
import { useMediaElement } from './use-media-element';

export function VideoRenderer(props: RendererProps) {
  const ref = useMediaElement<HTMLVideoElement>(props, true);
  if (!props.src) return null;
  return <video ref={ref} class={styles.media} src={props.src} preload="auto" playsInline muted={props.muted} onError={props.onError} />;
}
