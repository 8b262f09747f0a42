// Runs ffprobe on a stored file with the demuxer forced from the sniffed type, so a crafted file cannot
// make ffprobe switch to another demuxer (HLS playlists reading local files or URLs) or another protocol.
import { IngestError } from '../errors';
import type { SupportedFormat } from '../sniff/sniff';
import { ffprobePath, fileUrl, runTool } from '../tools/run-tool';

export interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

export interface FfprobeData {
  streams: FfprobeStream[];
  format: { format_name?: string; duration?: string; size?: string };
}

const DEMUXERS: Partial<Record<SupportedFormat, string>> = {
  mp4: 'mov',
  m4a: 'mov',
  webm: 'matroska',
  mp3: 'mp3',
  aac: 'aac',
  ogg: 'ogg',
  wav: 'wav',
};

function demuxerFor(format: SupportedFormat): string {
  const demuxer = DEMUXERS[format];
  if (!demuxer) throw new Error(`no demuxer for ${format}`);
  return demuxer;
}

/** Input options shared by every ffmpeg/ffprobe call on an uploaded file. */
export function safeInputArgs(format: SupportedFormat, path: string): string[] {
  return ['-protocol_whitelist', 'file', '-f', demuxerFor(format), '-i', fileUrl(path)];
}

export function unreadable(detail: string): IngestError {
  return new IngestError('corrupt', 422, {
    vi: `Không đọc được tệp: tệp bị hỏng hoặc tải lên chưa hết. (${detail})`,
    en: `The file cannot be read: it is damaged or incompletely uploaded. (${detail})`,
  });
}

export async function runFfprobe(path: string, format: SupportedFormat, signal?: AbortSignal): Promise<FfprobeData> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...safeInputArgs(format, path)];
  const result = await runTool(ffprobePath, args, { timeoutMs: 30_000, signal });
  if (result.code !== 0) {
    const lastLine = result.stderr.trim().split('\n').pop() ?? '';
    throw unreadable(result.timedOut ? 'ffprobe timeout' : lastLine.replace(/^.*?: /, '').slice(0, 200));
  }
  try {
    const data = JSON.parse(result.stdout.toString('utf8')) as Partial<FfprobeData>;
    return { streams: data.streams ?? [], format: data.format ?? {} };
  } catch {
    throw unreadable('ffprobe output');
  }
}
