// Image items: a still, letterboxed on black to the screen's shape.
import styles from './style.module.css';
import type { RendererProps } from './types';

export function ImageRenderer({ src, onError }: RendererProps) {
  return src ? <img class={styles.media} src={src} alt="" decoding="async" onError={onError} /> : null;
}
