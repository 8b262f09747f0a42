// Preview pictures for the dashboard, stored beside the content as derived files: images are resized
// with sharp, videos give a frame grabbed by ffmpeg, audio gives a waveform (ffmpeg showwavespic). sharp is
// loaded on the first picture, not at server start.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unreadable, safeInputArgs } from '../probe/ffprobe';
import { createTempPath, derivedDirForSha } from '../store/content-store';
import { ffmpegPath, fileUrl, runTool } from '../tools/run-tool';
import { DEFAULT_MAX_PIXELS, type MediaInfo } from '../types';

const THUMBNAIL_WIDTH = 320;
const WAVEFORM_SIZE = { width: 640, height: 120 } as const;

export interface Thumbnail {
  path: string;
  mimeType: 'image/webp' | 'image/png';
  width: number;
  height: number;
}

interface ThumbnailOptions {
  dataDir: string;
  sha256: string;
  maxPixels?: number;
  signal?: AbortSignal;
}

/** Writes through <dataDir>/tmp/ and renames, so a derived file is never seen half-written. */
async function placeDerived(dataDir: string, sha: string, name: string, tempPath: string): Promise<string> {
  const dir = derivedDirForSha(dataDir, sha);
  await mkdir(dir, { recursive: true });
  const finalPath = join(dir, name);
  await rename(tempPath, finalPath);
  return finalPath;
}

async function toWebp(input: string | Buffer, tempPath: string, maxPixels: number): Promise<{ width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  try {
    // failOn 'truncated': a cut-off JPEG/PNG is refused, minor encoder quirks browsers tolerate are not.
    const out = await sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .rotate()
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toFile(tempPath);
    return { width: out.width, height: out.height };
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : 'image decode');
  }
}

async function grabFrame(path: string, info: MediaInfo, atSeconds: number, signal?: AbortSignal): Promise<Buffer> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-ss', String(atSeconds), ...safeInputArgs(info.format, path)];
  // Square pixels first (anamorphic video), then a modest size: the PNG travels through a pipe.
  args.push('-frames:v', '1', '-an', '-vf', `scale=iw*sar:ih,scale=${THUMBNAIL_WIDTH * 2}:-2`, '-f', 'image2pipe', '-c:v', 'png', 'pipe:1');
  const result = await runTool(ffmpegPath, args, { timeoutMs: 60_000, signal });
  return result.code === 0 ? result.stdout : Buffer.alloc(0);
}

async function videoThumbnail(path: string, info: MediaInfo, options: ThumbnailOptions, tempPath: string) {
  // ~1 s in skips fade-from-black openings; short clips use their first frame.
  const at = (info.durationSeconds ?? 0) >= 2 ? 1 : 0;
  let frame = await grabFrame(path, info, at, options.signal);
  if (frame.length === 0 && at > 0) frame = await grabFrame(path, info, 0, options.signal);
  if (frame.length === 0) throw unreadable('no video frame');
  return toWebp(frame, tempPath, options.maxPixels ?? DEFAULT_MAX_PIXELS);
}

async function waveform(path: string, info: MediaInfo, options: ThumbnailOptions, tempPath: string) {
  const { width, height } = WAVEFORM_SIZE;
  const args = ['-hide_banner', '-nostdin', '-v', 'error', ...safeInputArgs(info.format, path)];
  args.push('-filter_complex', `aformat=channel_layouts=mono,showwavespic=s=${width}x${height}:colors=0x1d4ed8`);
  args.push('-frames:v', '1', '-f', 'image2', '-c:v', 'png', '-y', fileUrl(tempPath));
  const result = await runTool(ffmpegPath, args, { timeoutMs: 5 * 60_000, signal: options.signal });
  if (result.code !== 0) throw unreadable(result.stderr.trim().split('\n').pop()?.slice(0, 200) ?? 'waveform');
  return { width, height };
}

/** Makes the preview of a validated file; documents (PDF) have none and give null. */
export async function createThumbnail(path: string, info: MediaInfo, options: ThumbnailOptions): Promise<Thumbnail | null> {
  if (info.kind === 'document') return null;
  const isAudio = info.kind === 'audio';
  const tempPath = await createTempPath(options.dataDir, isAudio ? '.png' : '.webp');
  try {
    const size =
      info.kind === 'image'
        ? await toWebp(path, tempPath, options.maxPixels ?? DEFAULT_MAX_PIXELS)
        : info.kind === 'video'
          ? await videoThumbnail(path, info, options, tempPath)
          : await waveform(path, info, options, tempPath);
    const name = isAudio ? 'waveform.png' : 'thumb.webp';
    const finalPath = await placeDerived(options.dataDir, options.sha256, name, tempPath);
    return { path: finalPath, mimeType: isAudio ? 'image/png' : 'image/webp', ...size };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
