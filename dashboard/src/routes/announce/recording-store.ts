// The recording waiting to be sent, and how far its sending got. Kept outside the components (the screen's
// chunk stays loaded), so leaving the screen and coming back, or a failed upload, never loses it: only "Bỏ và
// ghi lại" or a finished submission lets it go.
import { signal } from '@preact/signals';
import { IDLE, type SendState } from './RecordingReview/send';

export interface Recording {
  blob: Blob;
  /** An object URL of the blob, for the preview player and the download link. */
  url: string;
  mimeType: string;
  fileName: string;
  durationMs: number;
  /** Stopped by the ten-minute limit rather than by the announcer. */
  stoppedAtLimit: boolean;
}

export const recording = signal<Recording | null>(null);
export const sending = signal<SendState>(IDLE);
export const draftTitle = signal('');

/** Keeps a finished recording, replacing (and releasing) any earlier one. */
export function keepRecording(next: Omit<Recording, 'url'>): void {
  discardRecording();
  let url = '';
  try {
    url = URL.createObjectURL(next.blob);
  } catch {
    // A browser without object URLs can still upload the blob; only the preview is missing.
  }
  recording.value = { ...next, url };
}

export function discardRecording(): void {
  const old = recording.value;
  if (old?.url) {
    try {
      URL.revokeObjectURL(old.url);
    } catch {
      // Nothing to release.
    }
  }
  recording.value = null;
  sending.value = IDLE;
  draftTitle.value = '';
}
