// The media ingest pipeline, start to end: file name → store (hash while streaming) → sniff → probe and
// validate → thumbnail → loudness (audio, on request). Bad input leaves no trace: when validation fails
// after the bytes were stored, the stored file and its derived files are deleted unless other content
// references the same sha256.
//
// The type is decided by the content, never by the name: a PNG named "clip.mp4" is ingested as a PNG image.
// A caller that needs a particular kind (a video slot) says so with `accept: ['video']`, and anything else
// is then refused with `kind_not_accepted` (415).
import { rm } from 'node:fs/promises';
import { IngestError } from './errors';
import { sanitiseFileName } from './file-name/sanitise-file-name';
import { normaliseLoudness, DEFAULT_TARGET_LUFS, type LoudnessResult } from './loudness/loudness';
import { probeMedia } from './probe/probe-media';
import { sniffFile } from './sniff/sniff';
import { detachStored, ingestStream, DEFAULT_MAX_BYTES, type StoredBlob } from './store/content-store';
import { discardSource, type UploadSource } from './store/stream-source';
import { createThumbnail, type Thumbnail } from './thumbnail/thumbnail';
import type { MediaInfo, MediaKind, MediaLimits } from './types';

export type IngestStage = 'receiving' | 'hashing' | 'probing' | 'thumbnail' | 'loudness' | 'done';

export interface IngestProgress {
  stage: IngestStage;
  bytes?: number;
  /** 0..1 when known (receiving needs `expectedBytes`). */
  fraction?: number;
}

export interface IngestUploadOptions {
  stream: UploadSource;
  /** As declared by the client; may be raw bytes (multipart headers are not guaranteed UTF-8). */
  fileName: string | Uint8Array;
  dataDir: string;
  limits?: MediaLimits;
  /** Kinds accepted here; default image, video and audio. PDFs only when 'document' is listed. */
  accept?: readonly MediaKind[];
  /** Make a loudness-normalised copy of audio for loudspeakers: true = −16 LUFS. */
  loudness?: boolean | { targetLufs?: number };
  /** Whether existing content already uses these bytes (then a failed ingest must not delete them). */
  isReferenced?: (sha256: string) => boolean | Promise<boolean>;
  onProgress?: (event: IngestProgress) => void;
  /** Content-Length if known, for the receiving fraction. */
  expectedBytes?: number;
  signal?: AbortSignal;
}

interface IngestResult extends MediaInfo {
  sha256: string;
  size: number;
  path: string;
  fileName: string;
  /** The same bytes were already stored. */
  deduplicated: boolean;
  thumbnail: Thumbnail | null;
  loudness: LoudnessResult | null;
}

const DEFAULT_ACCEPT: readonly MediaKind[] = ['image', 'video', 'audio'];
const PROGRESS_STEP_BYTES = 1024 * 1024;
const KIND_NAMES: Record<MediaKind, { vi: string; en: string }> = {
  image: { vi: 'ảnh', en: 'an image' },
  video: { vi: 'video', en: 'a video' },
  audio: { vi: 'âm thanh', en: 'audio' },
  document: { vi: 'tài liệu PDF', en: 'a PDF document' },
};

// Shas being ingested right now in this process, so a failing upload never deletes bytes that a
// concurrent, valid upload of the same file is about to reference. The store is process-wide, so is this.
const inFlight = new Map<string, number>();

function hold(key: string): () => void {
  inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
  };
}

function kindNotAccepted(kind: MediaKind, accept: readonly MediaKind[]): IngestError {
  const list = (lang: 'vi' | 'en') => accept.map((k) => KIND_NAMES[k][lang]).join(lang === 'vi' ? ', ' : ', or ');
  return new IngestError('kind_not_accepted', 415, {
    vi: `Nội dung tệp là ${KIND_NAMES[kind].vi}, ở đây cần ${list('vi')}.`,
    en: `The file's content is ${KIND_NAMES[kind].en}; ${list('en')} is needed here.`,
  });
}

function receive(options: IngestUploadOptions, onHashed: (sha: string) => void): Promise<StoredBlob> {
  const { onProgress, expectedBytes } = options;
  let reported = 0;
  onProgress?.({ stage: 'receiving', bytes: 0, fraction: expectedBytes ? 0 : undefined });
  return ingestStream(options.stream, {
    dataDir: options.dataDir,
    maxBytes: options.limits?.maxBytes ?? DEFAULT_MAX_BYTES,
    signal: options.signal,
    onHashed,
    onBytes: (bytes) => {
      if (!onProgress || bytes - reported < PROGRESS_STEP_BYTES) return;
      reported = bytes;
      onProgress({ stage: 'receiving', bytes, fraction: expectedBytes ? Math.min(1, bytes / expectedBytes) : undefined });
    },
  });
}

async function validate(blob: StoredBlob, options: IngestUploadOptions): Promise<MediaInfo> {
  const sniffed = await sniffFile(blob.path);
  if (!sniffed.supported) throw new IngestError('unsupported_type', 415, sniffed.reason);
  options.onProgress?.({ stage: 'probing' });
  const info = await probeMedia(blob.path, sniffed.format, { maxPixels: options.limits?.maxPixels, signal: options.signal });
  const accept = options.accept ?? DEFAULT_ACCEPT;
  if (!accept.includes(info.kind)) throw kindNotAccepted(info.kind, accept);
  return info;
}

async function derive(blob: StoredBlob, info: MediaInfo, options: IngestUploadOptions, made: { loudness?: LoudnessResult }) {
  options.onProgress?.({ stage: 'thumbnail' });
  const common = { dataDir: options.dataDir, sha256: blob.sha256, maxPixels: options.limits?.maxPixels, signal: options.signal };
  const thumbnail = await createThumbnail(blob.path, info, common);
  if (!options.loudness || info.kind !== 'audio') return { thumbnail, loudness: null };
  options.onProgress?.({ stage: 'loudness' });
  const targetLufs = typeof options.loudness === 'object' ? options.loudness.targetLufs ?? DEFAULT_TARGET_LUFS : DEFAULT_TARGET_LUFS;
  made.loudness = await normaliseLoudness(blob.path, {
    dataDir: options.dataDir,
    sourceSha256: blob.sha256,
    format: info.format,
    targetLufs,
    signal: options.signal,
  });
  return { thumbnail, loudness: made.loudness };
}

async function forget(sha: string, options: IngestUploadOptions, key: string | null): Promise<void> {
  if (await options.isReferenced?.(sha)) return;
  // Checked and detached in the same synchronous step: see detachStored.
  if (key !== null && (inFlight.get(key) ?? 0) > 0) return;
  await rm(detachStored(options.dataDir, sha), { recursive: true, force: true });
}

export async function ingestUpload(options: IngestUploadOptions): Promise<IngestResult> {
  let fileName: string;
  try {
    fileName = sanitiseFileName(options.fileName);
  } catch (error) {
    discardSource(options.stream);
    throw error;
  }
  let release = () => {};
  let key = '';
  const blob = await receive(options, (sha) => {
    // Held before the store looks for an existing copy, so a concurrent failing upload cannot delete it.
    key = `${options.dataDir}\0${sha}`;
    release = hold(key);
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  options.onProgress?.({ stage: 'hashing', bytes: blob.size, fraction: 1 });
  const made: { loudness?: LoudnessResult } = {};
  try {
    const info = await validate(blob, options);
    const { thumbnail, loudness } = await derive(blob, info, options, made);
    options.onProgress?.({ stage: 'done', bytes: blob.size, fraction: 1 });
    return { ...info, sha256: blob.sha256, size: blob.size, path: blob.path, fileName, deduplicated: !blob.created, thumbnail, loudness };
  } catch (error) {
    release();
    // A failed clean-up must not hide why the upload was refused; anything detached into tmp/ goes at next start.
    await forget(blob.sha256, options, key).catch(() => undefined);
    if (made.loudness) await forget(made.loudness.derivedSha256, options, null).catch(() => undefined);
    throw error;
  } finally {
    release();
  }
}
