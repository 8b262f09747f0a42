// The one error type of the media pipeline: a machine code, the HTTP status a route should answer with,
// and a message for people in Vietnamese first, English second (the HTTP layer maps it to problem+json).

type IngestErrorCode =
  | 'file_name_invalid'
  | 'empty_file'
  | 'upload_aborted'
  | 'too_large'
  | 'unsupported_type'
  | 'kind_not_accepted'
  | 'unsupported_codec'
  | 'corrupt'
  | 'truncated'
  | 'too_many_pixels'
  | 'silent_audio'
  | 'invalid_sha';

type IngestErrorStatus = 400 | 413 | 415 | 422;

export interface BilingualMessage {
  vi: string;
  en: string;
}

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly status: IngestErrorStatus;
  readonly messages: BilingualMessage;

  constructor(code: IngestErrorCode, status: IngestErrorStatus, message: BilingualMessage, options?: ErrorOptions) {
    super(message.en, options);
    this.name = 'IngestError';
    this.code = code;
    this.status = status;
    this.messages = message;
  }

  /** Serialisable shape `{ code, status, message: { vi, en } }` for API answers and logs. */
  toJSON(): { code: IngestErrorCode; status: IngestErrorStatus; message: BilingualMessage } {
    return { code: this.code, status: this.status, message: this.messages };
  }
}

export function isIngestError(value: unknown): value is IngestError {
  return value instanceof IngestError;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
