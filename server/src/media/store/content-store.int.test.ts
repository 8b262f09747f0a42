import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from '../errors';
import { cleanTempDir, ingestStream, pathForSha, removeStored } from './content-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bantin-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function chunks(total: number, onPull: (bytes: number) => void = () => undefined): Readable {
  let sent = 0;
  return new Readable({
    highWaterMark: 64 * 1024,
    read() {
      if (sent >= total) return this.push(null);
      const size = Math.min(64 * 1024, total - sent);
      this.push(Buffer.alloc(size, sent % 251));
      sent += size;
      onPull(sent);
    },
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('ingestStream', () => {
  it('stores bytes under their sha256 with a two-level fan-out', async () => {
    const bytes = Buffer.from('xin chào phường');
    const blob = await ingestStream(Readable.from([bytes]), { dataDir });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(blob).toMatchObject({ sha256: sha, size: bytes.length, created: true });
    expect(blob.path).toBe(join(dataDir, 'media', sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(await readFile(blob.path)).toEqual(bytes);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('accepts a web ReadableStream such as Hono request bodies', async () => {
    const body = new Response('nội dung').body!;
    const blob = await ingestStream(body, { dataDir });
    expect(await readFile(blob.path, 'utf8')).toBe('nội dung');
  });

  it('stores the same bytes once and reports the second copy as deduplicated', async () => {
    const first = await ingestStream(chunks(300_000), { dataDir });
    const second = await ingestStream(chunks(300_000), { dataDir });
    expect(second).toMatchObject({ sha256: first.sha256, created: false });
    expect(await listFiles(join(dataDir, 'media'))).toHaveLength(1);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('aborts with too_large as soon as the limit is passed and leaves no file', async () => {
    let pulled = 0;
    const source = chunks(10 * 1024 * 1024, (bytes) => (pulled = bytes));
    const error = await ingestStream(source, { dataDir, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'too_large', status: 413 });
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it('rejects an empty upload with empty_file and leaves no file', async () => {
    await expect(ingestStream(Readable.from([]), { dataDir })).rejects.toMatchObject({ code: 'empty_file' });
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it('turns a stream that errors mid-way into upload_aborted and removes the temp file', async () => {
    async function* broken() {
      yield Buffer.alloc(1000, 1);
      throw new Error('socket hang up');
    }
    await expect(ingestStream(broken(), { dataDir })).rejects.toMatchObject({ code: 'upload_aborted', status: 400 });
    expect(await listFiles(dataDir)).toEqual([]);
  });
});

describe('pathForSha', () => {
  it('refuses anything but 64 lowercase hex characters', () => {
    expect(() => pathForSha(dataDir, '../../etc/passwd')).toThrow(IngestError);
    expect(() => pathForSha(dataDir, 'A'.repeat(64))).toThrow(IngestError);
    expect(() => pathForSha(dataDir, 'a'.repeat(63))).toThrow(IngestError);
    expect(pathForSha(dataDir, 'a'.repeat(64))).toContain(join('media', 'aa', 'aa'));
  });
});

describe('cleanTempDir', () => {
  it('removes leftovers of interrupted uploads', async () => {
    await mkdir(join(dataDir, 'tmp', 'sub'), { recursive: true });
    await writeFile(join(dataDir, 'tmp', 'x.part'), 'half');
    expect(await cleanTempDir(dataDir)).toBe(2);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });
});

describe('removeStored', () => {
  it('deletes the stored file and its derived folder', async () => {
    const blob = await ingestStream(Readable.from([Buffer.from('a')]), { dataDir });
    await mkdir(join(dataDir, 'derived', blob.sha256), { recursive: true });
    await writeFile(join(dataDir, 'derived', blob.sha256, 'thumb.webp'), 'x');
    await removeStored(dataDir, blob.sha256);
    expect(await listFiles(dataDir)).toEqual([]);
  });
});
