// Content-addressed store under <dataDir>/media/ab/cd/<sha256>. Uploads stream to <dataDir>/tmp/ while
// being hashed and counted (memory stays flat), are fsynced, then renamed into place: a file in media/
// is always complete, and the same bytes are stored once. Derived files live in <dataDir>/derived/<sha>/.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IngestError, formatBytes } from '../errors';
import { iterateSource, type UploadSource } from './stream-source';

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  size: number;
  path: string;
  /** false when the same bytes were already in the store (deduplicated). */
  created: boolean;
}

interface IngestStreamOptions {
  dataDir: string;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Called after each chunk is written, with the running byte count. */
  onBytes?: (bytes: number) => void;
  /** Called synchronously once the hash is known, before the file is committed (lets the caller hold the sha). */
  onHashed?: (sha256: string) => void;
}

export function isSha256(value: string): boolean {
  return SHA256_PATTERN.test(value);
}

function assertSha(sha: string): void {
  // The sha becomes a path: only 64 lowercase hex characters, so no name can leave the store.
  if (!isSha256(sha)) {
    throw new IngestError('invalid_sha', 400, {
      vi: 'Mã băm SHA-256 không hợp lệ.',
      en: 'Invalid SHA-256 hash.',
    });
  }
}

export function pathForSha(dataDir: string, sha: string): string {
  assertSha(sha);
  return join(dataDir, 'media', sha.slice(0, 2), sha.slice(2, 4), sha);
}

export function derivedDirForSha(dataDir: string, sha: string): string {
  assertSha(sha);
  return join(dataDir, 'derived', sha);
}

function tempDir(dataDir: string): string {
  return join(dataDir, 'tmp');
}

/** A fresh, unused path in <dataDir>/tmp/ (same file system as the store, so rename is atomic). */
export async function createTempPath(dataDir: string, suffix = '.part'): Promise<string> {
  await mkdir(tempDir(dataDir), { recursive: true });
  return join(tempDir(dataDir), `${randomBytes(12).toString('hex')}${suffix}`);
}

/** Removes every leftover of interrupted uploads; call once at start, before accepting uploads. */
export async function cleanTempDir(dataDir: string): Promise<number> {
  const dir = tempDir(dataDir);
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  await Promise.all(entries.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return entries.length;
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tooLarge(maxBytes: number): IngestError {
  return new IngestError('too_large', 413, {
    vi: `Tệp quá lớn: giới hạn là ${formatBytes(maxBytes)}.`,
    en: `File too large: the limit is ${formatBytes(maxBytes)}.`,
  });
}

function emptyFile(): IngestError {
  return new IngestError('empty_file', 400, { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' });
}

/** Streams an upload into the store. On any failure the temp file is gone before the promise rejects. */
export async function ingestStream(source: UploadSource, options: IngestStreamOptions): Promise<StoredBlob> {
  const { dataDir, maxBytes = DEFAULT_MAX_BYTES, signal, onBytes, onHashed } = options;
  const tempPath = await createTempPath(dataDir);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(tempPath, 'wx', 0o644);
  let closed = false;
  try {
    try {
      for await (const chunk of iterateSource(source)) {
        signal?.throwIfAborted();
        size += chunk.byteLength;
        // Checked before writing: an oversized upload is cut off without one byte over the limit on disk.
        if (size > maxBytes) throw tooLarge(maxBytes);
        hash.update(chunk);
        await handle.write(chunk);
        onBytes?.(size);
      }
    } catch (error) {
      if (error instanceof IngestError || isFsError(error)) throw error;
      throw new IngestError(
        'upload_aborted',
        400,
        { vi: 'Tải lên bị gián đoạn, hãy thử lại.', en: 'The upload was interrupted, please try again.' },
        { cause: error },
      );
    }
    if (size === 0) throw emptyFile();
    await handle.sync();
    closed = true;
    await handle.close();
    const sha = hash.digest('hex');
    onHashed?.(sha);
    return await commitTempFile(dataDir, tempPath, sha, size);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  }
}

function isFsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Moves a complete, fsynced temp file to its content address (or drops it if the bytes are already there). */
async function commitTempFile(dataDir: string, tempPath: string, sha: string, size: number): Promise<StoredBlob> {
  const finalPath = pathForSha(dataDir, sha);
  if (await exists(finalPath)) {
    await unlink(tempPath);
    return { sha256: sha, size, path: finalPath, created: false };
  }
  const leafDir = dirname(finalPath);
  const firstCreated = await mkdir(leafDir, { recursive: true });
  await rename(tempPath, finalPath);
  // Make the rename (and any new fan-out directories) durable, not only the file's bytes.
  await fsyncDir(leafDir);
  if (firstCreated !== undefined) {
    await fsyncDir(dirname(leafDir));
    await fsyncDir(join(dataDir, 'media'));
  }
  return { sha256: sha, size, path: finalPath, created: true };
}

/** Hashes a finished file in <dataDir>/tmp/ (a derived file made by ffmpeg) and commits it to the store. */
export async function storeTempFile(dataDir: string, tempPath: string): Promise<StoredBlob> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(tempPath)) hash.update(chunk as Buffer);
    const handle = await open(tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const { size } = await stat(tempPath);
    return await commitTempFile(dataDir, tempPath, hash.digest('hex'), size);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Deletes a stored file and everything derived from it. Callers check references first. */
export async function removeStored(dataDir: string, sha: string): Promise<void> {
  await rm(detachStored(dataDir, sha), { recursive: true, force: true });
}

/**
 * Synchronously moves a stored file and its derived folder out of the store into <dataDir>/tmp/ and
 * returns where they went (the caller deletes that at leisure). Being synchronous, the decision to delete
 * and the disappearance happen in one turn of the event loop: an upload committing the same bytes either
 * finds the old file (before) or stores its own copy (after), never a file that vanishes under it.
 */
export function detachStored(dataDir: string, sha: string): string {
  const trash = join(tempDir(dataDir), `removed-${sha}-${randomBytes(6).toString('hex')}`);
  mkdirSync(trash, { recursive: true });
  for (const [from, name] of [[pathForSha(dataDir, sha), 'content'], [derivedDirForSha(dataDir, sha), 'derived']] as const) {
    try {
      renameSync(from, join(trash, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return trash;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
