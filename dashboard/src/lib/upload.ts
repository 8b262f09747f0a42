// One file upload to POST /api/media through XMLHttpRequest: hono/client (fetch) cannot report upload
// progress, and a 200 MB clip over the ward's link needs a live bar. While the bytes are on their way
// and afterwards, the server's ingest stage is polled from GET /api/media/uploads/{id}.
import type { Media } from './content-api';
import { csrfHeaders } from './api';
import { lang } from './i18n';
import { ApiError, parseProblem } from './problem';

/** What the server accepts for this upload: media = picture/video/audio; proof = a PDF or a picture. */
export type AcceptKind = 'media' | 'image' | 'video' | 'audio' | 'document' | 'proof';

interface UploadCallbacks {
  onProgress(sent: number, total: number): void;
  /** All bytes sent; the server is now hashing, probing, making the thumbnail… */
  onSent(): void;
  onStage(stage: string): void;
}

interface UploadHandle {
  done: Promise<Media>;
  abort(): void;
}

/** A random id the server accepts (/^[\w-]{8,64}$/) so progress can be asked for by id. */
export function newUploadId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function uploadUrl(name: string, accept: AcceptKind, uploadId: string): string {
  const q = new URLSearchParams({ name, accept, uploadId });
  return `/api/media?${q.toString()}`;
}

/** Polls the ingest stage until stopped; errors are ignored (the upload's own answer is what counts). */
function pollStage(uploadId: string, onStage: (stage: string) => void, everyMs = 400): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const res = await fetch(`/api/media/uploads/${uploadId}`, { credentials: 'same-origin' });
      if (res.ok && !stopped) {
        const body = (await res.json()) as { stage?: unknown };
        if (typeof body.stage === 'string') onStage(body.stage);
      }
    } catch {
      // Network hiccup while polling: the next tick tries again.
    }
    if (!stopped) setTimeout(tick, everyMs);
  };
  setTimeout(tick, everyMs);
  return () => (stopped = true);
}

/**
 * Starts uploading `file`. `done` resolves with the stored Media, or rejects with an ApiError whose
 * problem detail is the server's reason (in the UI language), or a plain Error for a network failure.
 */
export function uploadFile(file: File, accept: AcceptKind, cb: UploadCallbacks): UploadHandle {
  const uploadId = newUploadId();
  const xhr = new XMLHttpRequest();
  let stopPolling = () => {};
  const done = new Promise<Media>((resolve, reject) => {
    xhr.open('POST', uploadUrl(file.name, accept, uploadId));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', lang.value);
    xhr.setRequestHeader('X-CSRF-Token', csrfHeaders()['X-CSRF-Token']);
    xhr.upload.onprogress = (e) => cb.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => cb.onSent();
    xhr.onload = () => {
      stopPolling();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) resolve(body as Media);
      else reject(new ApiError(xhr.status, parseProblem(body)));
    };
    xhr.onerror = () => {
      stopPolling();
      reject(new Error('network'));
    };
    xhr.onabort = () => {
      stopPolling();
      reject(new Error('aborted'));
    };
    stopPolling = pollStage(uploadId, cb.onStage);
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
