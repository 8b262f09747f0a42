// One renderer per media kind (image, video, audio, text slide, speech), all behind RendererProps.
import type { MediaKind } from '@bantin/protocol/core';
import { AudioRenderer } from './audio';
import { ImageRenderer } from './image';
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

/** Kinds whose file must be verified before the item may show (text is drawn from the item itself). */
export function needsFile(kind: MediaKind): boolean {
  return kind !== 'text';
}
