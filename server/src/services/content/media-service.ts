// Uploads into the content-addressed store and the media registry; serves stored bytes to staff.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/sqlite';
import { mediaRepo, type MediaInsert, type MediaRow } from '../../repos/media-repo';
import { ingestUpload, type IngestProgress } from '../../media/ingest';
import { createTempPath, pathForSha, storeTempFile, isSha256 } from '../../media/store/content-store';
import type { UploadSource } from '../../media/store/stream-source';
import { isIngestError } from '../../media/errors';
import { nameMismatch, type NameWarning } from '../../media/file-name/name-mismatch';
import type { MediaKind } from '../../media/types';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';

export type MediaView = {
  sha256: string;
  size: number;
  mime: string;
  kind: MediaRow['kind'];
  width: number | null;
  height: number | null;
  durationMs: number | null;
  hasAudio: boolean;
  fileName: string | null;
  /** The upload that answered with this view (its own file name), when it came from an upload. */
  uploadId?: number;
  /** Upload answers only: the file's name says another type than its content (decided by content). */
  warning?: NameWarning | null;
  url: string;
  thumbnailUrl: string | null;
  info: Record<string, unknown>;
};

export const toMediaView = (r: MediaRow): MediaView => {
  const info = r.info;
  return {
    sha256: r.sha256,
    size: r.size,
    mime: r.mime,
    kind: r.kind,
    width: r.width,
    height: r.height,
    durationMs: r.duration_ms,
    hasAudio: r.has_audio === 1,
    fileName: r.original_name,
    url: `/api/media/${r.sha256}`,
    thumbnailUrl: info.thumbnail ? `/api/media/${r.sha256}/thumbnail` : null,
    info,
  };
};

export function createMediaService(deps: { db: Db; clock: () => number; audit: AuditService; dataDir: string; maxBytes: number; lufsTarget: number }) {
  const progress = new Map<string, IngestProgress & { at: number }>();

  return {
    async upload(
      actor: Actor,
      input: { stream: UploadSource; fileName: string | Uint8Array; expectedBytes?: number; accept?: MediaKind[]; uploadId?: string },
    ): Promise<MediaView> {
      const track = (p: IngestProgress) => {
        if (!input.uploadId) return;
        progress.set(input.uploadId, { ...p, at: deps.clock() });
        if (progress.size > 1000) progress.delete(progress.keys().next().value as string);
      };
      let r;
      try {
        r = await ingestUpload({
          stream: input.stream,
          fileName: input.fileName,
          dataDir: deps.dataDir,
          limits: { maxBytes: deps.maxBytes },
          accept: input.accept,
          loudness: { targetLufs: deps.lufsTarget },
          expectedBytes: input.expectedBytes,
          isReferenced: (sha) => mediaRepo.isReferenced(deps.db, sha),
          onProgress: track,
        });
      } catch (err) {
        if (isIngestError(err)) {
          track({ stage: 'done' });
          throw new AppError(err.status, 'media_rejected', { vi: err.messages.vi, en: err.messages.en }, { reason: err.code });
        }
        throw err;
      }
      const info: Record<string, unknown> = {
        format: r.format,
        videoCodec: r.videoCodec,
        audioCodec: r.audioCodec,
        thumbnail: r.thumbnail ? { path: path.relative(deps.dataDir, r.thumbnail.path), mime: r.thumbnail.mimeType } : null,
        loudness: r.loudness,
      };
      const row: MediaInsert = {
        sha256: r.sha256,
        size: r.size,
        mime: r.mimeType,
        kind: r.kind,
        width: r.width,
        height: r.height,
        duration_ms: r.durationSeconds === null ? null : Math.round(r.durationSeconds * 1000),
        has_audio: r.hasAudio ? 1 : 0,
        info: JSON.stringify(info),
        original_name: r.fileName,
        created_by: actor.id,
        created_at: deps.clock(),
      };
      const warning = nameMismatch(r.fileName, r);
      const uploadId = await deps.db.transaction(async (tx) => {
        await mediaRepo.insertIgnore(tx, row);
        const id = await mediaRepo.insertUpload(tx, {
          sha256: r.sha256,
          file_name: r.fileName,
          warning: warning ? JSON.stringify(warning) : null,
          created_by: actor.id,
          created_at: deps.clock(),
        });
        await deps.audit.append(tx, actor, { action: 'media.upload', target: `media:${r.sha256}`, summary: { fileName: r.fileName, kind: r.kind, size: r.size, deduplicated: r.deduplicated } });
        return id;
      });
      // The stored bytes may be shared with earlier uploads; the name in the answer is this upload's own.
      return { ...toMediaView((await mediaRepo.find(deps.db, r.sha256))!), fileName: r.fileName, uploadId, warning };
    },

    /** Stores bytes made by the server itself (rendered speech) and registers them. */
    async storeGenerated(bytes: Buffer, meta: { mime: string; kind: MediaRow['kind']; durationMs: number | null; name: string }) {
      const tmp = await createTempPath(deps.dataDir);
      await fs.writeFile(tmp, bytes);
      const blob = await storeTempFile(deps.dataDir, tmp);
      await mediaRepo.insertIgnore(deps.db, {
        sha256: blob.sha256,
        size: blob.size,
        mime: meta.mime,
        kind: meta.kind,
        width: null,
        height: null,
        duration_ms: meta.durationMs,
        has_audio: meta.kind === 'audio' ? 1 : 0,
        info: JSON.stringify({ generated: true }),
        original_name: meta.name,
        created_by: null,
        created_at: deps.clock(),
      });
      return blob.sha256;
    },

    progress: (uploadId: string) => progress.get(uploadId) ?? null,

    async get(sha: string): Promise<MediaView> {
      const row = isSha256(sha) ? await mediaRepo.find(deps.db, sha) : undefined;
      if (!row) throw new AppError(404, 'media_not_found');
      return toMediaView(row);
    },

    /** Where the bytes (or the thumbnail) of a registered file live on disk. */
    async fileOf(sha: string, variant: 'original' | 'thumbnail' = 'original') {
      const view = await this.get(sha);
      if (variant === 'original') return { path: pathForSha(deps.dataDir, sha), mime: view.mime, size: view.size, etag: sha };
      const thumb = view.info.thumbnail as { path: string; mime: string } | null;
      if (!thumb) throw new AppError(404, 'media_not_found');
      const file = path.resolve(deps.dataDir, thumb.path);
      const st = await fs.stat(file);
      return { path: file, mime: thumb.mime, size: st.size, etag: `${sha}-thumb` };
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
