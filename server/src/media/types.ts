// Shared shapes of the media pipeline: what a validated file is, and the limits it is checked against.
import type { SupportedFormat } from './sniff/sniff';

export type MediaKind = 'image' | 'video' | 'audio' | 'document';

export interface MediaInfo {
  kind: MediaKind;
  /** Container as sniffed from the bytes. */
  format: SupportedFormat;
  mimeType: string;
  /** Extension matching the content (not the uploaded name), with the dot. */
  extension: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  hasAudio: boolean;
}

export interface MediaLimits {
  /** Largest upload in bytes (default 2 GiB). */
  maxBytes?: number;
  /** Largest image or video frame in pixels (default 50 megapixels). */
  maxPixels?: number;
}

export const DEFAULT_MAX_PIXELS = 50_000_000;
