// Memory bench for the media store: streams a generated upload (1 GiB by default, no disk input) through
// ingestStream and prints how much the process's RSS grew. The store must stay flat (well under ~50 MB)
// however large the upload. Run: npx tsx bench/ingest-stream.ts [MiB]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestStream } from '../server/src/media/store/content-store';

const MIB = 1024 * 1024;
const totalMiB = Number(process.argv[2] ?? 1024);
const chunkSize = 64 * 1024; // what an HTTP body stream typically delivers

/** Pull-based source: the next chunk is made only when the store asks for it, as a socket would. */
async function* generated(totalBytes: number): AsyncGenerator<Uint8Array> {
  let sent = 0;
  let seed = 0x9e3779b9;
  while (sent < totalBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkSize, totalBytes - sent));
    for (let i = 0; i + 4 <= chunk.length; i += 4) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      chunk.writeUInt32LE(seed, i);
    }
    sent += chunk.length;
    yield chunk;
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(process.env.BANTIN_BENCH_DIR ?? tmpdir(), 'bantin-bench-'));
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const blob = await ingestStream(generated(totalMiB * MIB), { dataDir, maxBytes: (totalMiB + 1) * MIB });
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = (performance.now() - started) / 1000;
    console.log(`streamed ${totalMiB} MiB in ${seconds.toFixed(1)} s (${(totalMiB / seconds).toFixed(0)} MiB/s), sha256 ${blob.sha256}`);
    console.log(`RSS baseline ${(baseline / MIB).toFixed(1)} MiB, peak ${(peak / MIB).toFixed(1)} MiB, delta ${((peak - baseline) / MIB).toFixed(1)} MiB`);
  } finally {
    clearInterval(sampler);
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main();
