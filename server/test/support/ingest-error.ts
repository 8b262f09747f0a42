// What a call into the media pipeline threw: its IngestError code, 'other' for any other error, or nothing.
import { IngestError } from '../../src/media/errors';

export function ingestCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof IngestError ? error.code : 'other';
  }
  return undefined;
}
