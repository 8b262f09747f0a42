// A WebM/Opus recording as the browser's MediaRecorder writes it (the dashboard's "Ghi âm"): streamed out while
// recording, so its header declares no duration. ffmpeg writing to a pipe cannot seek back either, which makes the
// same kind of file here. It must be ingested as an audio clip and loudness-normalised like any other upload.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToPcm, dominantTones } from '../../../test/support/tones';
import { IngestError } from '../errors';
import { ingestUpload } from '../ingest';
import { ffmpegPath, runTool } from '../tools/run-tool';
import { declaredDuration } from './av-rules';
import { runFfprobe } from './ffprobe';

let dir: string;
let live: string;

/** Encodes a 3 s 1 kHz tone as WebM/Opus into a pipe, the way a live recorder writes it. */
async function liveWebm(out: string): Promise<void> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=1000:duration=3'];
  args.push('-c:a', 'libopus', '-f', 'webm', 'pipe:1');
  const result = await runTool(ffmpegPath, args, { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
  await writeFile(out, result.stdout);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bantin-live-webm-'));
  live = join(dir, 'ghi-am.webm');
  await liveWebm(live);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function ingest(path: string, name: string) {
  const dataDir = await mkdtemp(join(dir, 'data-'));
  return ingestUpload({ stream: createReadStream(path), fileName: name, dataDir, loudness: true });
}

describe('ingestUpload of a WebM/Opus recording written live', () => {
  it('is a file that declares no duration (as MediaRecorder writes it)', async () => {
    expect(declaredDuration(await runFfprobe(live, 'webm'))).toBeNull();
  });

  it('accepts it as audio with the length read from its packets', async () => {
    const result = await ingest(live, 'ghi-am.webm');
    expect(result).toMatchObject({ kind: 'audio', format: 'webm', mimeType: 'audio/webm', audioCodec: 'opus', videoCodec: null });
    expect(result.durationSeconds).toBeGreaterThan(2.8);
    expect(result.durationSeconds).toBeLessThan(3.2);
  });

  it('makes the loudness-normalised copy for loudspeakers, and the tone survives it', async () => {
    const { loudness } = await ingest(live, 'ghi-am.webm');
    expect(loudness!.outputLufs).toBeGreaterThanOrEqual(-17);
    expect(loudness!.outputLufs).toBeLessThanOrEqual(-15);
    const pcm = await decodeToPcm(await readFile(loudness!.derivedPath), 'mp4');
    const tones = dominantTones(pcm, [250, 440, 1000, 2000], 500);
    expect(tones.length).toBeGreaterThanOrEqual(4);
    expect(tones.every((hz) => hz === 1000)).toBe(true);
  });

  it('refuses a recording with nothing readable after its header', async () => {
    const cut = join(dir, 'header-only.webm');
    const bytes = await readFile(live);
    await writeFile(cut, bytes.subarray(0, 300));
    const error = await ingest(cut, 'header-only.webm').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(['truncated', 'corrupt']).toContain((error as IngestError).code);
  });
});
