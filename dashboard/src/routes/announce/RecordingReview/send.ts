// Sending a recording for review, the way the content screens do it: upload the bytes (POST /api/media, the
// server checks and loudness-normalises them), make a clip of the stored file (POST /api/content), then submit
// its first version. Each step that succeeded is remembered, so a retry after a failure resumes where it
// stopped: the same file is never uploaded twice nor made into a second clip.
import type { Content, ContentVersion, CreateContentInput, Media } from '../../../lib/content-api';

export type SendStep = 'idle' | 'uploading' | 'processing' | 'creating' | 'submitting' | 'done' | 'failed';

export interface SendState {
  step: SendStep;
  /** Upload progress 0–100 while uploading. */
  percent: number;
  /** The server's ingest stage while processing (stage.* of the upload screen), if told. */
  stage: string | null;
  media: Media | null;
  content: Content | null;
  error: unknown;
}

export const IDLE: SendState = { step: 'idle', percent: 0, stage: null, media: null, content: null, error: null };

export interface SendDeps {
  upload(file: File, on: { progress(sent: number, total: number): void; sent(): void; stage(stage: string): void }): Promise<Media>;
  create(input: CreateContentInput): Promise<Content>;
  submit(id: number, number: number): Promise<ContentVersion>;
}

/** The body that makes a clip of an uploaded recording; the upload id keeps the recording's own file name on it. */
export function clipInput(title: string, media: Media): CreateContentInput {
  return {
    kind: 'clip',
    title: title.trim(),
    mediaSha256: media.sha256,
    ...(media.uploadId !== undefined ? { mediaUploadId: media.uploadId } : {}),
  };
}

export const percentOf = (sent: number, total: number): number => (total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0);

/**
 * Runs the steps not yet done in `from`, telling `report` each new state; resolves with the final one
 * (step 'done', or 'failed' with the error and everything done so far kept).
 */
export async function sendRecording(
  file: File,
  title: string,
  from: SendState,
  deps: SendDeps,
  report: (s: SendState) => void,
): Promise<SendState> {
  let s: SendState = { ...from, error: null };
  const set = (patch: Partial<SendState>) => {
    s = { ...s, ...patch };
    report(s);
  };
  try {
    if (!s.media) {
      set({ step: 'uploading', percent: 0, stage: null });
      const media = await deps.upload(file, {
        progress: (sent, total) => set({ percent: percentOf(sent, total) }),
        sent: () => set({ step: 'processing', percent: 100 }),
        stage: (stage) => set({ stage }),
      });
      set({ media });
    }
    if (!s.content) {
      set({ step: 'creating' });
      set({ content: await deps.create(clipInput(title, s.media!)) });
    }
    set({ step: 'submitting' });
    await deps.submit(s.content!.id, s.content!.latest?.number ?? 1);
    set({ step: 'done' });
  } catch (error) {
    set({ step: 'failed', error });
  }
  return s;
}
