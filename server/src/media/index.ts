// Public face of the media ingest pipeline, for services and routes; main.ts calls cleanTempDir at start.
export { ingestUpload } from './ingest';
export type { IngestProgress, IngestResult, IngestStage, IngestUploadOptions } from './ingest';
export { IngestError, isIngestError } from './errors';
export type { BilingualMessage, IngestErrorCode, IngestErrorStatus } from './errors';
export {
  DEFAULT_MAX_BYTES,
  cleanTempDir,
  derivedDirForSha,
  ingestStream,
  isSha256,
  pathForSha,
  removeStored,
} from './store/content-store';
export type { StoredBlob } from './store/content-store';
export type { UploadSource } from './store/stream-source';
export { sanitiseFileName } from './file-name/sanitise-file-name';
export { sniffBytes, sniffFile } from './sniff/sniff';
export type { SniffResult, SupportedFormat } from './sniff/sniff';
export { probeMedia } from './probe/probe-media';
export { createThumbnail } from './thumbnail/thumbnail';
export type { Thumbnail } from './thumbnail/thumbnail';
export { DEFAULT_TARGET_LUFS, measureLoudness, normaliseLoudness } from './loudness/loudness';
export type { LoudnessMeasurement, LoudnessResult } from './loudness/loudness';
export { DEFAULT_MAX_PIXELS } from './types';
export type { MediaInfo, MediaKind, MediaLimits } from './types';
