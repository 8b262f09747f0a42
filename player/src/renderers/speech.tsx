// Speech items (text read aloud in Vietnamese): the rendered speech plays; screens also show the text.
import { AudioRenderer } from './audio';
import { TextRenderer } from './text';
import type { RendererProps } from './types';

export function SpeechRenderer(props: RendererProps) {
  return (
    <>
      <AudioRenderer {...props} />
      <TextRenderer {...props} />
    </>
  );
}
