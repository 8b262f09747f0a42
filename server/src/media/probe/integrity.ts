// Detects truncated MP4/M4A/WebM whose header survived: ffprobe trusts the declared duration, so every
// packet is read (copied to nowhere, not decoded; disk speed) and the last timestamp is compared with it.
import { IngestError } from '../errors';
import type { SupportedFormat } from '../sniff/sniff';
import { ffmpegPath, runTool } from '../tools/run-tool';
import { safeInputArgs } from './ffprobe';

/** Containers that declare a duration up front; raw MP3/AAC/Ogg/WAV simply end where they end. */
const DECLARES_DURATION: readonly SupportedFormat[] = ['mp4', 'm4a', 'webm'];

const DAMAGE = /partial file|read error|truncat|invalid data found|moov atom not found|error while decoding/i;

function truncated(readSeconds: number, declaredSeconds: number): IngestError {
  return new IngestError('truncated', 422, {
    vi: `Tệp bị cắt cụt: chỉ đọc được ${readSeconds.toFixed(1)} giây trong ${declaredSeconds.toFixed(1)} giây. Hãy tải lên lại tệp đầy đủ.`,
    en: `The file is truncated: only ${readSeconds.toFixed(1)} s of ${declaredSeconds.toFixed(1)} s can be read. Please upload the complete file again.`,
  });
}

/** Reads every packet (copied to nowhere, not decoded) and answers the last timestamp and whether ffmpeg saw damage. */
export async function readThrough(
  path: string,
  format: SupportedFormat,
  signal?: AbortSignal,
): Promise<{ seconds: number; damaged: boolean }> {
  let lastMicros = 0;
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', ...safeInputArgs(format, path)];
  args.push('-map', '0', '-c', 'copy', '-f', 'null', '-');
  const result = await runTool(ffmpegPath, args, {
    timeoutMs: 10 * 60_000,
    signal,
    onStdoutLine: (line) => {
      const match = /^out_time_(?:us|ms)=(\d+)/.exec(line);
      if (match) lastMicros = Math.max(lastMicros, Number(match[1]));
    },
  });
  return { seconds: lastMicros / 1e6, damaged: result.code !== 0 || DAMAGE.test(result.stderr) };
}

export async function assertComplete(
  path: string,
  format: SupportedFormat,
  declaredSeconds: number,
  signal?: AbortSignal,
): Promise<void> {
  if (!DECLARES_DURATION.includes(format)) return;
  const { seconds: readSeconds, damaged } = await readThrough(path, format, signal);
  // Streams may end a frame or two apart; allow 1 s plus 1 % before calling the file short.
  const shortfall = declaredSeconds - readSeconds > Math.max(1, declaredSeconds * 0.01);
  if (damaged || shortfall) throw truncated(readSeconds, declaredSeconds);
}
