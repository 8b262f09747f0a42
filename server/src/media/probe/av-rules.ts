// Which audio/video files browsers on screens, kiosks and loudspeaker PCs can play: pure rules over
// ffprobe's answer. A refusal names the problem and the fix, in Vietnamese and English.
import { IngestError } from '../errors';
import type { SupportedFormat } from '../sniff/sniff';
import type { MediaInfo } from '../types';
import type { FfprobeData, FfprobeStream } from './ffprobe';

type AvFormat = Exclude<SupportedFormat, 'jpeg' | 'png' | 'webp' | 'pdf'>;

const CODEC_NAMES: Record<string, string> = {
  hevc: 'HEVC (H.265)',
  h264: 'H.264',
  mpeg4: 'MPEG-4 Part 2 (DivX/Xvid)',
  av1: 'AV1',
  vp8: 'VP8',
  vp9: 'VP9',
  mpeg2video: 'MPEG-2',
  mpeg1video: 'MPEG-1',
  prores: 'Apple ProRes',
  mjpeg: 'Motion JPEG',
  theora: 'Theora',
  aac: 'AAC',
  mp3: 'MP3',
  mp2: 'MP2',
  ac3: 'Dolby AC-3',
  eac3: 'Dolby E-AC-3',
  alac: 'Apple Lossless (ALAC)',
  flac: 'FLAC',
  opus: 'Opus',
  vorbis: 'Vorbis',
  pcm_s16le: 'PCM 16-bit',
};

const codecName = (codec: string): string => CODEC_NAMES[codec] ?? codec.toUpperCase();

interface ContainerRule {
  video: readonly string[];
  audio: readonly string[];
  pixelFormats: readonly string[];
  fixVideo: string;
  fixAudio: string;
}

const MP4: ContainerRule = {
  video: ['h264'],
  audio: ['aac'],
  pixelFormats: ['yuv420p', 'yuvj420p'],
  fixVideo: 'H.264',
  fixAudio: 'AAC',
};
const WEBM: ContainerRule = {
  video: ['vp8', 'vp9'],
  audio: ['opus', 'vorbis'],
  pixelFormats: ['yuv420p', 'yuvj420p', 'yuva420p'],
  fixVideo: 'VP9',
  fixAudio: 'Opus',
};
const AUDIO_ONLY: Record<'mp3' | 'aac' | 'ogg' | 'wav', { audio: readonly string[]; fixAudio: string }> = {
  mp3: { audio: ['mp3'], fixAudio: 'MP3' },
  aac: { audio: ['aac'], fixAudio: 'AAC' },
  ogg: { audio: ['opus', 'vorbis'], fixAudio: 'Opus' },
  // Browsers decode plain PCM WAV; ADPCM, µ-law and 32-bit integer are not safe everywhere.
  wav: { audio: ['pcm_u8', 'pcm_s16le', 'pcm_s24le', 'pcm_f32le'], fixAudio: 'PCM 16-bit' },
};

const MIME: Record<AvFormat, { video?: string; audio: string; extension: string }> = {
  mp4: { video: 'video/mp4', audio: 'audio/mp4', extension: '.mp4' },
  m4a: { video: 'video/mp4', audio: 'audio/mp4', extension: '.m4a' },
  webm: { video: 'video/webm', audio: 'audio/webm', extension: '.webm' },
  mp3: { audio: 'audio/mpeg', extension: '.mp3' },
  aac: { audio: 'audio/aac', extension: '.aac' },
  ogg: { audio: 'audio/ogg', extension: '.ogg' },
  wav: { audio: 'audio/wav', extension: '.wav' },
};

function badVideoCodec(codec: string, fix: string): IngestError {
  return new IngestError('unsupported_codec', 422, {
    vi: `Video dùng mã hoá ${codecName(codec)}, trình duyệt không phát được. Hãy chuyển sang ${fix}.`,
    en: `The video uses ${codecName(codec)} encoding, which browsers cannot play. Please convert it to ${fix}.`,
  });
}

function badAudioCodec(codec: string, fix: string, inVideo: boolean): IngestError {
  const [vi, en] = inVideo ? ['Âm thanh trong video', 'The audio track'] : ['Âm thanh', 'The audio'];
  return new IngestError('unsupported_codec', 422, {
    vi: `${vi} dùng mã hoá ${codecName(codec)}, trình duyệt không phát được. Hãy chuyển sang ${fix}.`,
    en: `${en} uses ${codecName(codec)} encoding, which browsers cannot play. Please convert it to ${fix}.`,
  });
}

function badPixelFormat(pixFmt: string): IngestError {
  return new IngestError('unsupported_codec', 422, {
    vi: `Video dùng định dạng màu ${pixFmt} (10-bit hoặc 4:2:2/4:4:4), nhiều trình duyệt không phát được. Hãy xuất lại với yuv420p 8-bit.`,
    en: `The video uses the ${pixFmt} pixel format (10-bit or 4:2:2/4:4:4), which many browsers cannot play. Please re-export it as 8-bit yuv420p.`,
  });
}

export function tooManyPixels(width: number, height: number, maxPixels: number): IngestError {
  const mp = (n: number) => +(n / 1e6).toFixed(1);
  return new IngestError('too_many_pixels', 422, {
    vi: `Kích thước ${width}×${height} (${mp(width * height)} megapixel) vượt giới hạn ${mp(maxPixels)} megapixel. Hãy thu nhỏ lại.`,
    en: `${width}×${height} (${mp(width * height)} megapixels) exceeds the ${mp(maxPixels)} megapixel limit. Please scale it down.`,
  });
}

function noDuration(): IngestError {
  return new IngestError('truncated', 422, {
    vi: 'Không đọc được thời lượng: tệp bị hỏng hoặc tải lên chưa hết.',
    en: 'The duration cannot be read: the file is damaged or incompletely uploaded.',
  });
}

function noStreams(): IngestError {
  return new IngestError('corrupt', 422, {
    vi: 'Tệp không có hình hay tiếng nào đọc được.',
    en: 'The file has no readable video or audio.',
  });
}

/** Display size: phones store portrait video as landscape plus a rotation. */
function displaySize(stream: FfprobeStream): { width: number; height: number } {
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  const rotation = stream.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation ?? Number(stream.tags?.rotate ?? 0);
  return Math.abs(rotation) % 180 === 90 ? { width: height, height: width } : { width, height };
}

/** The longest duration the container or its streams declare, or null when none is declared. */
export function declaredDuration(data: FfprobeData): number | null {
  const candidates = [data.format.duration, ...data.streams.map((s) => s.duration)]
    .map((d) => Number(d))
    .filter((d) => Number.isFinite(d) && d > 0);
  return candidates.length === 0 ? null : Math.max(...candidates);
}

function readDuration(data: FfprobeData): number {
  const seconds = declaredDuration(data);
  if (seconds === null) throw noDuration();
  return seconds;
}

function checkVideo(stream: FfprobeStream, rule: ContainerRule, maxPixels: number): { width: number; height: number } {
  const codec = stream.codec_name ?? 'unknown';
  if (!rule.video.includes(codec)) throw badVideoCodec(codec, rule.fixVideo);
  if (stream.pix_fmt && !rule.pixelFormats.includes(stream.pix_fmt)) throw badPixelFormat(stream.pix_fmt);
  const size = displaySize(stream);
  if (size.width <= 0 || size.height <= 0) throw noStreams();
  if (size.width * size.height > maxPixels) throw tooManyPixels(size.width, size.height, maxPixels);
  return size;
}

/** Pure: validates ffprobe's view of a sniffed audio/video container, or throws an IngestError. */
export function evaluateAv(format: AvFormat, data: FfprobeData, maxPixels: number): MediaInfo {
  // Cover art in MP3/M4A shows up as a one-frame video stream; it is not video.
  const videos = data.streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audios = data.streams.filter((s) => s.codec_type === 'audio');
  const video = videos[0];
  const audio = audios[0];
  if (!video && !audio) throw noStreams();
  const isContainer = format === 'mp4' || format === 'm4a' || format === 'webm';
  const rule = format === 'webm' ? WEBM : isContainer ? MP4 : undefined;

  let size: { width: number; height: number } | null = null;
  if (video) {
    if (!rule) throw badVideoCodec(video.codec_name ?? 'unknown', 'MP4 (H.264)');
    size = checkVideo(video, rule, maxPixels);
  }
  const allowedAudio = rule ? rule.audio : AUDIO_ONLY[format as keyof typeof AUDIO_ONLY].audio;
  const fixAudio = rule ? rule.fixAudio : AUDIO_ONLY[format as keyof typeof AUDIO_ONLY].fixAudio;
  for (const track of audios) {
    const codec = track.codec_name ?? 'unknown';
    if (!allowedAudio.includes(codec)) throw badAudioCodec(codec, fixAudio, Boolean(video));
  }
  const mime = MIME[format];
  return {
    kind: video ? 'video' : 'audio',
    format,
    mimeType: video && mime.video ? mime.video : mime.audio,
    // An MP4 holding only audio is an M4A, and an M4A holding video is an MP4.
    extension: format === 'mp4' || format === 'm4a' ? (video ? '.mp4' : '.m4a') : mime.extension,
    width: size?.width ?? null,
    height: size?.height ?? null,
    durationSeconds: readDuration(data),
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    hasAudio: Boolean(audio),
  };
}

export type { AvFormat };
