// Decides what a file is from its first bytes (magic numbers), never from its name. Formats bantin can
// play are returned as `supported`; known formats it cannot play get a named, bilingual refusal.
import { open } from 'node:fs/promises';
import type { BilingualMessage } from '../errors';

const SNIFF_BYTES = 4096;

/** Containers bantin accepts; the probe then checks the codecs inside. */
export type SupportedFormat = 'jpeg' | 'png' | 'webp' | 'mp4' | 'm4a' | 'webm' | 'mp3' | 'aac' | 'ogg' | 'wav' | 'pdf';

type SniffResult =
  | { supported: true; format: SupportedFormat }
  | { supported: false; format: string; reason: BilingualMessage };

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0): boolean =>
  magic.every((b, i) => bytes[offset + i] === b);

function unsupported(format: string, vi: string, en: string): SniffResult {
  return { supported: false, format, reason: { vi, en } };
}

const convertVideo = { vi: 'Hãy chuyển sang MP4 (H.264) hoặc WebM.', en: 'Please convert the file to MP4 (H.264) or WebM.' };
const convertImage = { vi: 'Hãy chuyển sang JPEG, PNG hoặc WebP.', en: 'Please convert the file to JPEG, PNG or WebP.' };
const convertAudio = { vi: 'Hãy chuyển sang MP3, M4A, Ogg hoặc WAV.', en: 'Please convert the file to MP3, M4A, Ogg or WAV.' };

function unsupportedVideo(format: string, name: string): SniffResult {
  return unsupported(format, `Video ${name} chưa được hỗ trợ. ${convertVideo.vi}`, `${name} video is not supported. ${convertVideo.en}`);
}
function unsupportedImage(format: string, name: string): SniffResult {
  return unsupported(format, `Ảnh ${name} chưa được hỗ trợ. ${convertImage.vi}`, `${name} images are not supported. ${convertImage.en}`);
}
function unsupportedAudio(format: string, name: string): SniffResult {
  return unsupported(format, `Âm thanh ${name} chưa được hỗ trợ. ${convertAudio.vi}`, `${name} audio is not supported. ${convertAudio.en}`);
}

/** ISO base media (MP4, M4A, MOV, HEIC, AVIF, 3GP): the major brand tells them apart. */
function sniffIsoBmff(bytes: Uint8Array): SniffResult {
  const brand = ascii(bytes, 8, 4);
  if (['M4A ', 'M4B ', 'M4P '].includes(brand)) return { supported: true, format: 'm4a' };
  if (brand === 'qt  ') return unsupportedVideo('mov', 'QuickTime (.mov)');
  if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return unsupportedImage('heic', 'HEIC/HEIF');
  if (brand === 'avif' || brand === 'avis') return unsupportedImage('avif', 'AVIF');
  if (brand.startsWith('3g')) return unsupportedVideo('3gp', '3GP');
  if (brand === 'crx ') return unsupportedImage('cr3', 'RAW (CR3)');
  return { supported: true, format: 'mp4' };
}

/** EBML (Matroska / WebM): the DocType element (id 0x4282) says which one. */
function sniffEbml(bytes: Uint8Array): SniffResult {
  const header = ascii(bytes, 0, Math.min(bytes.length, 64));
  if (header.includes('webm')) return { supported: true, format: 'webm' };
  return unsupportedVideo('mkv', 'Matroska (.mkv)');
}

function sniffOgg(bytes: Uint8Array): SniffResult {
  const firstPage = ascii(bytes, 0, Math.min(bytes.length, 128));
  if (firstPage.includes('OpusHead') || firstPage.includes('\x01vorbis')) return { supported: true, format: 'ogg' };
  if (firstPage.includes('\x7fFLAC')) return unsupportedAudio('ogg-flac', 'FLAC');
  if (firstPage.includes('theora')) return unsupportedVideo('ogg-theora', 'Ogg Theora');
  if (firstPage.includes('Speex')) return unsupportedAudio('ogg-speex', 'Speex');
  return { supported: true, format: 'ogg' };
}

function sniffRiff(bytes: Uint8Array): SniffResult {
  const kind = ascii(bytes, 8, 4);
  if (kind === 'WEBP') return { supported: true, format: 'webp' };
  if (kind === 'WAVE') return { supported: true, format: 'wav' };
  if (kind === 'AVI ') return unsupportedVideo('avi', 'AVI');
  return unsupported('riff', 'Tệp RIFF không rõ loại.', 'Unknown RIFF file.');
}

/** MPEG audio frame header: 11 sync bits, then version, layer. Layer bits 00 are ADTS (AAC). */
function sniffFrameSync(bytes: Uint8Array): SniffResult | undefined {
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const layer = (b1 >> 1) & 0x03;
  if ((b1 & 0xf6) === 0xf0) return { supported: true, format: 'aac' };
  if (layer === 0x01) return { supported: true, format: 'mp3' };
  if (layer === 0x02 || layer === 0x03) return unsupportedAudio('mp2', 'MPEG Layer I/II (MP2)');
  return undefined;
}

function sniffMpegTs(bytes: Uint8Array): boolean {
  return bytes.length >= 189 * 2 && bytes[0] === 0x47 && bytes[188] === 0x47 && bytes[376] === 0x47;
}

function sniffArchivesAndPrograms(bytes: Uint8Array): SniffResult | undefined {
  const archive = (format: string, name: string) =>
    unsupported(format, `Tệp nén ${name} không được chấp nhận: hãy tải lên từng tệp ảnh, video hoặc âm thanh.`,
      `${name} archives are not accepted: upload each image, video or audio file on its own.`);
  if (startsWith(bytes, [0x50, 0x4b]) && [0x0304, 0x0506, 0x0708].includes(((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))) {
    return archive('zip', 'ZIP');
  }
  if (ascii(bytes, 0, 6) === 'Rar!\x1a\x07') return archive('rar', 'RAR');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return archive('7z', '7z');
  if (startsWith(bytes, [0x1f, 0x8b])) return archive('gzip', 'gzip');
  if (ascii(bytes, 0, 2) === 'MZ' || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) {
    return unsupported('executable', 'Tệp chương trình không được chấp nhận.', 'Program files are not accepted.');
  }
  return undefined;
}

function sniffOthers(bytes: Uint8Array): SniffResult | undefined {
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return unsupportedImage('gif', 'GIF');
  if (head.startsWith('BM') && bytes.length > 26 && bytes[14] !== undefined && [12, 40, 52, 56, 108, 124].includes(bytes[14])) {
    return unsupportedImage('bmp', 'BMP');
  }
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return unsupportedImage('tiff', 'TIFF');
  if (head.startsWith('fLaC')) return unsupportedAudio('flac', 'FLAC');
  if (head.startsWith('#!AMR')) return unsupportedAudio('amr', 'AMR');
  if (head.startsWith('FORM') && ascii(bytes, 8, 4).startsWith('AIF')) return unsupportedAudio('aiff', 'AIFF');
  if (head.startsWith('FLV')) return unsupportedVideo('flv', 'FLV');
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return unsupportedVideo('asf', 'WMV/WMA (ASF)');
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]) || sniffMpegTs(bytes)) return unsupportedVideo('mpeg', 'MPEG-PS/TS');
  const text = ascii(bytes, 0, Math.min(bytes.length, 256)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return unsupportedImage('svg', 'SVG');
  return undefined;
}

/** Pure: classify the first bytes of a file (pass at least SNIFF_BYTES when the file is that long). */
export function sniffBytes(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { supported: true, format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { supported: true, format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && bytes.length >= 12) return sniffRiff(bytes);
  if (ascii(bytes, 4, 4) === 'ftyp') return sniffIsoBmff(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(bytes);
  if (ascii(bytes, 0, 4) === 'OggS') return sniffOgg(bytes);
  if (ascii(bytes, 0, 5) === '%PDF-') return { supported: true, format: 'pdf' };
  // ID3v2 tags precede MP3 frames (and, rarely, ADTS; the probe settles that case).
  if (ascii(bytes, 0, 3) === 'ID3') return { supported: true, format: 'mp3' };
  const known = sniffArchivesAndPrograms(bytes) ?? sniffOthers(bytes) ?? sniffFrameSync(bytes);
  if (known) return known;
  return unsupported(
    'unknown',
    'Không nhận ra loại tệp. Hãy tải lên ảnh (JPEG, PNG, WebP), video (MP4, WebM) hoặc âm thanh (MP3, M4A, Ogg, WAV).',
    'Unrecognised file type. Upload an image (JPEG, PNG, WebP), a video (MP4, WebM) or audio (MP3, M4A, Ogg, WAV).',
  );
}

/** Reads the first SNIFF_BYTES of a file. */
async function readHead(path: string, length = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function sniffFile(path: string): Promise<SniffResult> {
  return sniffBytes(await readHead(path));
}
