// Reads an image's header with sharp (no pixel is decoded) and checks it against the pixel limit, so a
// 30000×30000 "decompression bomb" is refused before anything allocates a frame for it. sharp (libvips) is
// loaded on the first image, not at server start, so an idle server does not hold it.
import type { Metadata } from 'sharp';
import type { SupportedFormat } from '../sniff/sniff';
import type { MediaInfo } from '../types';
import { tooManyPixels } from './av-rules';
import { unreadable } from './ffprobe';

const IMAGE_TYPES = {
  jpeg: { mimeType: 'image/jpeg', extension: '.jpg' },
  png: { mimeType: 'image/png', extension: '.png' },
  webp: { mimeType: 'image/webp', extension: '.webp' },
} as const;

type ImageFormat = keyof typeof IMAGE_TYPES;

export function isImageFormat(format: SupportedFormat): format is ImageFormat {
  return format in IMAGE_TYPES;
}

export async function probeImage(path: string, format: ImageFormat, maxPixels: number): Promise<MediaInfo> {
  let meta: Metadata;
  const { default: sharp } = await import('sharp');
  try {
    // Header only: the limit is applied below, with the real numbers in the message.
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : 'sharp');
  }
  if (meta.format !== format || !meta.width || !meta.height) throw unreadable(`image header (${meta.format ?? '?'})`);
  if (meta.width * meta.height > maxPixels) throw tooManyPixels(meta.width, meta.height, maxPixels);
  // EXIF orientation 5–8 turns the picture a quarter: report the size people will see.
  const upright = (meta.orientation ?? 1) >= 5;
  return {
    kind: 'image',
    format,
    ...IMAGE_TYPES[format],
    width: upright ? meta.height : meta.width,
    height: upright ? meta.width : meta.height,
    durationSeconds: null,
    videoCodec: null,
    audioCodec: null,
    hasAudio: false,
  };
}
