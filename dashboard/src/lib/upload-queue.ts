// The state of a batch of uploads, as a pure reducer: each file goes queued → uploading (bytes sent) →
// processing (the server's ingest stage) → done, or ends rejected (the server said why) or failed (the
// network did). A fixed number upload at once so one slow link is not split twenty ways.

export type UploadStatus = 'queued' | 'uploading' | 'processing' | 'done' | 'rejected' | 'failed';
/** Server-side ingest stages, as GET /api/media/uploads/{id} reports them. */
export type IngestStage = 'receiving' | 'hashing' | 'probing' | 'thumbnail' | 'loudness' | 'done';

export interface UploadItem<M = unknown> {
  id: string;
  name: string;
  size: number;
  status: UploadStatus;
  sent: number;
  stage: IngestStage | null;
  media: M | null;
  /** The reason shown to the person (problem detail, or a network message). */
  error: string | null;
}

export type UploadEvent<M = unknown> =
  | { type: 'add'; files: { id: string; name: string; size: number }[] }
  | { type: 'start'; id: string }
  | { type: 'progress'; id: string; sent: number }
  | { type: 'sent'; id: string }
  | { type: 'stage'; id: string; stage: string }
  | { type: 'done'; id: string; media: M }
  | { type: 'rejected'; id: string; reason: string }
  | { type: 'failed'; id: string; reason: string }
  | { type: 'retry'; id: string }
  | { type: 'remove'; id: string };

const STAGES = new Set<string>(['receiving', 'hashing', 'probing', 'thumbnail', 'loudness', 'done']);
const FINISHED = new Set<UploadStatus>(['done', 'rejected', 'failed']);

const isFinished = (item: UploadItem<unknown>) => FINISHED.has(item.status);

export function reduceUploads<M>(items: readonly UploadItem<M>[], event: UploadEvent<M>): UploadItem<M>[] {
  if (event.type === 'add') {
    const known = new Set(items.map((i) => i.id));
    const added = event.files
      .filter((f) => !known.has(f.id))
      .map((f): UploadItem<M> => ({ ...f, status: 'queued', sent: 0, stage: null, media: null, error: null }));
    return [...items, ...added];
  }
  if (event.type === 'remove') return items.filter((i) => i.id !== event.id);
  return items.map((item) => (item.id === event.id ? apply(item, event) : item));
}

function apply<M>(item: UploadItem<M>, event: Exclude<UploadEvent<M>, { type: 'add' | 'remove' }>): UploadItem<M> {
  switch (event.type) {
    case 'start':
      return item.status === 'queued' ? { ...item, status: 'uploading', sent: 0, error: null } : item;
    case 'progress':
      // Progress never goes backwards, and a late progress event cannot reopen a finished upload.
      return item.status === 'uploading' ? { ...item, sent: Math.min(item.size, Math.max(item.sent, event.sent)) } : item;
    case 'sent':
      return item.status === 'uploading' ? { ...item, status: 'processing', sent: item.size } : item;
    case 'stage':
      if (isFinished(item) || !STAGES.has(event.stage)) return item;
      return { ...item, stage: event.stage as IngestStage };
    case 'done':
      return { ...item, status: 'done', sent: item.size, stage: 'done', media: event.media, error: null };
    case 'rejected':
      return { ...item, status: 'rejected', error: event.reason };
    case 'failed':
      return { ...item, status: 'failed', error: event.reason };
    case 'retry':
      return item.status === 'failed' || item.status === 'rejected'
        ? { ...item, status: 'queued', sent: 0, stage: null, error: null }
        : item;
  }
}

/** Ids of queued items to start now so that at most `parallel` are uploading or processing. */
export function nextToStart(items: readonly UploadItem<unknown>[], parallel: number): string[] {
  const busy = items.filter((i) => i.status === 'uploading' || i.status === 'processing').length;
  const free = Math.max(0, parallel - busy);
  return items
    .filter((i) => i.status === 'queued')
    .slice(0, free)
    .map((i) => i.id);
}

/** Upload progress as a whole percentage (0–100) of the bytes sent. */
export function percentSent(item: UploadItem<unknown>): number {
  if (item.status === 'done' || item.status === 'processing') return 100;
  if (item.size <= 0) return 0;
  return Math.floor((item.sent / item.size) * 100);
}

/** Counts per status, for the summary line above the list. */
export function summarize(items: readonly UploadItem<unknown>[]): Record<UploadStatus, number> {
  const counts: Record<UploadStatus, number> = { queued: 0, uploading: 0, processing: 0, done: 0, rejected: 0, failed: 0 };
  for (const i of items) counts[i.status] += 1;
  return counts;
}
