// Confirms what the sniffer said and checks it is playable: images through sharp's header, audio/video
// through ffprobe (plus a read-through for containers that can be truncated), PDFs by their end marker.
import { open, stat } from 'node:fs/promises';
import { IngestError } from '../errors';
import type { SupportedFormat } from '../sniff/sniff';
import { DEFAULT_MAX_PIXELS, type MediaInfo } from '../types';
import { declaredDuration, evaluateAv, type AvFormat } from './av-rules';
import { runFfprobe, unreadable, type FfprobeData } from './ffprobe';
import { probeImage, isImageFormat } from './image';
import { assertComplete, readThrough } from './integrity';

interface ProbeOptions {
  maxPixels?: number;
  signal?: AbortSignal;
}

async function probePdf(path: string): Promise<MediaInfo> {
  const { size } = await stat(path);
  const tailLength = Math.min(size, 2048);
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    // Every complete PDF ends with %%EOF (possibly followed by whitespace or an incremental update's).
    if (!tail.includes('%%EOF')) {
      throw new IngestError('truncated', 422, {
        vi: 'Tệp PDF bị cắt cụt hoặc hỏng. Hãy tải lên lại.',
        en: 'The PDF is truncated or damaged. Please upload it again.',
      });
    }
  } finally {
    await handle.close();
  }
  return {
    kind: 'document',
    format: 'pdf',
    mimeType: 'application/pdf',
    extension: '.pdf',
    width: null,
    height: null,
    durationSeconds: null,
    videoCodec: null,
    audioCodec: null,
    hasAudio: false,
  };
}

export async function probeMedia(path: string, format: SupportedFormat, options: ProbeOptions = {}): Promise<MediaInfo> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (isImageFormat(format)) return probeImage(path, format, maxPixels);
  if (format === 'pdf') return probePdf(path);
  const avFormat: AvFormat = format;
  const data = await runFfprobe(path, avFormat, options.signal);
  if (avFormat === 'webm' && declaredDuration(data) === null) return probeLiveWebm(path, data, maxPixels, options.signal);
  const info = evaluateAv(avFormat, data, maxPixels);
  await assertComplete(path, avFormat, info.durationSeconds ?? 0, options.signal);
  return info;
}

/**
 * A WebM written live declares no duration: the browser's MediaRecorder (the dashboard's "Ghi âm") streams it out
 * as it records and never goes back to fill the header in. Its length is what a read-through of every packet
 * finds; a damaged one is refused as such. There is no declared length for it to fall short of.
 */
async function probeLiveWebm(path: string, data: FfprobeData, maxPixels: number, signal?: AbortSignal): Promise<MediaInfo> {
  const read = await readThrough(path, 'webm', signal);
  if (read.damaged) throw unreadable('WebM read-through');
  if (read.seconds <= 0) return evaluateAv('webm', data, maxPixels); // nothing readable: refused as without duration
  return evaluateAv('webm', { ...data, format: { ...data.format, duration: String(read.seconds) } }, maxPixels);
}
