// The one small interface every media kind renders behind. A renderer is mounted twice in its life: first
// hidden (`active` false) so the browser fetches and decodes ahead, then shown at the item's boundary, so
// transitions have no gap. It never fetches anything but `src`, which is a verified file.
import type { JSX } from 'preact';
import type { TimelineItem } from '@bantin/protocol/core';
import type { LiveSource } from '../media/live-socket';

export interface RendererProps {
  item: TimelineItem;
  /** URL of the verified media file; null for kinds drawn from the item itself (text). */
  src: string | null;
  active: boolean;
  /** Where playback should be when it becomes active (joining mid-item). */
  offsetMs: number;
  /** 0–100. */
  volume: number;
  /** Ads are muted (item.muted); speakers never mute. */
  muted: boolean;
  onError(): void;
  /** Speakers: opens the live socket of a feed (live items); absent where nothing is heard live. */
  live?: LiveSource | null;
}

export type Renderer = (props: RendererProps) => JSX.Element | null;
