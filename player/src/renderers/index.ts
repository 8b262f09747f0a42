// One renderer per media kind (image, video, audio, text slide, speech), all behind RendererProps, and the live
// renderer for items heard over the live socket (their kind is audio, but they have no file).
import type { MediaKind, TimelineItem } from '@bantin/protocol/core';
import { AudioRenderer } from './audio';
import { ImageRenderer } from './image';
import { LiveRenderer } from './live';
import { SpeechRenderer } from './speech';
import { TextRenderer } from './text';
import type { Renderer } from './types';
import { VideoRenderer } from './video';

export type { Renderer, RendererProps } from './types';

export const renderers: Record<MediaKind, Renderer> = {
  image: ImageRenderer,
  video: VideoRenderer,
  audio: AudioRenderer,
  text: TextRenderer,
  speech: SpeechRenderer,
};

/** The renderer of an item: the live one for a live feed, else its kind's. */
export function rendererFor(item: TimelineItem): Renderer {
  return item.live ? LiveRenderer : renderers[item.kind];
}

/** Whether the item's file must be verified before it may show (text is drawn from the item, a live feed is heard). */
export function needsFile(item: TimelineItem): boolean {
  return item.kind !== 'text' && !item.live;
}
