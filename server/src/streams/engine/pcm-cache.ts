// Decoded audio for the zone encoders: each media file (by sha256) decoded once with ffmpeg to raw PCM (s16le,
// the engine's rate and a zone's channel count) under <dataDir>/streams/.pcm/, read back in small slices from
// any offset. Bounded: past `maxBytes` the files used longest ago are deleted (a later use decodes again).
import fs from 'node:fs';
import path from 'node:path';
import { fileUrl, runTool } from '../../media/tools/run-tool';

export type PcmFormat = { rate: number; channels: 1 | 2 };
const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
const DECODE_TIMEOUT_MS = 10 * 60_000;

export function createPcmCache(opts: { dir: string; ffmpeg: string; maxBytes?: number; onError?: (sha: string, err: unknown) => void }) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  fs.mkdirSync(opts.dir, { recursive: true });
  const ready = new Map<string, { file: string; bytes: number; fd: number | null; usedAt: number }>();
  const decoding = new Map<string, Promise<boolean>>();
  const failed = new Set<string>();
  const keyOf = (sha: string, f: PcmFormat) => `${sha}-${f.rate}-${f.channels}`;

  // What a previous run left is still good: it is named by content and format, and written by rename.
  for (const name of fs.readdirSync(opts.dir)) {
    const m = /^([0-9a-f]{64}-\d+-[12])\.pcm$/.exec(name);
    if (!m) {
      fs.rmSync(path.join(opts.dir, name), { force: true });
      continue;
    }
    const file = path.join(opts.dir, name);
    const st = fs.statSync(file);
    ready.set(m[1]!, { file, bytes: st.size, fd: null, usedAt: st.mtimeMs });
  }

  const evict = (keep: string) => {
    let total = 0;
    for (const e of ready.values()) total += e.bytes;
    const byAge = [...ready.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key, e] of byAge) {
      if (total <= maxBytes) break;
      if (key === keep) continue;
      if (e.fd !== null) fs.closeSync(e.fd);
      fs.rmSync(e.file, { force: true });
      ready.delete(key);
      total -= e.bytes;
    }
  };

  const decode = async (key: string, source: string, f: PcmFormat): Promise<boolean> => {
    const file = path.join(opts.dir, `${key}.pcm`);
    const tmp = `${file}.${process.pid}.part`;
    const args = ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-i', fileUrl(source), '-vn', '-ac', String(f.channels), '-ar', String(f.rate), '-f', 's16le', '-c:a', 'pcm_s16le', fileUrl(tmp)];
    const r = await runTool(opts.ffmpeg, args, { timeoutMs: DECODE_TIMEOUT_MS });
    if (r.code !== 0) {
      fs.rmSync(tmp, { force: true });
      throw new Error(`ffmpeg decode failed: ${r.stderr.slice(-500)}`);
    }
    fs.renameSync(tmp, file);
    ready.set(key, { file, bytes: fs.statSync(file).size, fd: null, usedAt: Date.now() });
    evict(key);
    return true;
  };

  return {
    /** Starts decoding `source` (the file of `sha`) unless it is ready; resolves true when it is. */
    ensure(sha: string, source: string, f: PcmFormat): Promise<boolean> {
      const key = keyOf(sha, f);
      if (ready.has(key)) return Promise.resolve(true);
      if (failed.has(key)) return Promise.resolve(false);
      let p = decoding.get(key);
      if (!p) {
        p = decode(key, source, f)
          .catch((err: unknown) => {
            failed.add(key);
            opts.onError?.(sha, err);
            return false;
          })
          .finally(() => decoding.delete(key));
        decoding.set(key, p);
      }
      return p;
    },
    /** Duration in ms of a decoded file, or null when it is not ready. */
    durationMs(sha: string, f: PcmFormat): number | null {
      const e = ready.get(keyOf(sha, f));
      return e ? (e.bytes / (2 * f.channels) / f.rate) * 1000 : null;
    },
    /**
     * Copies PCM of `sha` from byte `offset` into `out` (a whole number of samples); returns how many bytes were
     * copied: fewer than asked past the end, 0 when the file is not decoded yet.
     */
    read(sha: string, f: PcmFormat, offset: number, out: Buffer): number {
      const e = ready.get(keyOf(sha, f));
      if (!e || offset >= e.bytes) return 0;
      e.usedAt = Date.now();
      if (e.fd === null) e.fd = fs.openSync(e.file, 'r');
      return fs.readSync(e.fd, out, 0, Math.min(out.length, e.bytes - offset), offset);
    },
    close() {
      for (const e of ready.values()) {
        if (e.fd !== null) fs.closeSync(e.fd);
        e.fd = null;
      }
    },
  };
}
export type PcmCache = ReturnType<typeof createPcmCache>;
