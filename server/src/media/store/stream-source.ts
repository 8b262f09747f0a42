// Uploads arrive as a Node Readable, a web ReadableStream (Hono's `c.req.raw.body`) or any async iterable
// of bytes; this turns each into one pull-based iterator, so reading waits for the disk (back-pressure).

export type UploadSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function isWebStream(source: UploadSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}

async function* readWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Leaving early (size limit, error) cancels the upload instead of leaving the socket half-read.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export function iterateSource(source: UploadSource): AsyncIterable<Uint8Array> {
  return isWebStream(source) ? readWebStream(source) : source;
}

/** Stops reading an upload we refuse before its first byte (bad name): frees the socket's buffers. */
export function discardSource(source: UploadSource): void {
  if (isWebStream(source)) {
    source.cancel().catch(() => undefined);
    return;
  }
  const destroyable = source as { destroy?: (error?: Error) => void };
  if (typeof destroyable.destroy === 'function') destroyable.destroy();
}
