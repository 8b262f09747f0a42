import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from './errors';
import { ingestUpload, type IngestProgress, type IngestUploadOptions } from './ingest';
import { makeFixtures } from '../../test/factories/media';

let fixtureDir: string;
let fixtures: Record<string, string>;
let dataDir: string;

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'bantin-fixtures-'));
  fixtures = await makeFixtures(fixtureDir);
  const mp4 = await readFile(fixtures['h264-aac.mp4']!);
  const faststart = await readFile(fixtures['h264-faststart.mp4']!);
  const webm = await readFile(fixtures['vp9-opus.webm']!);
  fixtures['cut.mp4'] = join(fixtureDir, 'cut.mp4');
  fixtures['cut-faststart.mp4'] = join(fixtureDir, 'cut-faststart.mp4');
  fixtures['cut.webm'] = join(fixtureDir, 'cut.webm');
  await writeFile(fixtures['cut.mp4'], mp4.subarray(0, Math.floor(mp4.length * 0.6)));
  await writeFile(fixtures['cut-faststart.mp4'], faststart.subarray(0, Math.floor(faststart.length * 0.6)));
  await writeFile(fixtures['cut.webm'], webm.subarray(0, Math.floor(webm.length * 0.4)));
});

afterAll(async () => {
  await rm(fixtureDir, { recursive: true, force: true });
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bantin-data-'));
  return () => rm(dataDir, { recursive: true, force: true });
});

function upload(fixture: string, extra: Partial<IngestUploadOptions> = {}) {
  const path = fixtures[fixture];
  if (!path) throw new Error(`unknown fixture ${fixture}`);
  return ingestUpload({ stream: createReadStream(path), fileName: fixture, dataDir, ...extra });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(dataDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function expectNoTrace(): Promise<void> {
  expect(await filesUnder('media')).toEqual([]);
  expect(await filesUnder('derived')).toEqual([]);
  expect(await filesUnder('tmp')).toEqual([]);
}

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('ingestUpload with playable media', () => {
  it.each([
    ['photo.jpg', { kind: 'image', format: 'jpeg', mimeType: 'image/jpeg', width: 640, height: 480 }],
    ['poster.png', { kind: 'image', format: 'png', mimeType: 'image/png', width: 800, height: 600 }],
    ['banner.webp', { kind: 'image', format: 'webp', mimeType: 'image/webp', width: 1200, height: 300 }],
  ])('ingests the image %s with its size and a WebP thumbnail', async (fixture, expected) => {
    const result = await upload(fixture);
    expect(result).toMatchObject({ ...expected, durationSeconds: null, hasAudio: false, deduplicated: false });
    expect(result.thumbnail).toMatchObject({ mimeType: 'image/webp', width: Math.min(320, expected.width) });
    expect((await sharp(result.thumbnail!.path).metadata()).format).toBe('webp');
  });

  it.each([
    ['h264-aac.mp4', { format: 'mp4', mimeType: 'video/mp4', videoCodec: 'h264', audioCodec: 'aac', hasAudio: true }],
    ['h264-silent.mp4', { format: 'mp4', mimeType: 'video/mp4', videoCodec: 'h264', audioCodec: null, hasAudio: false }],
    ['h264-faststart.mp4', { format: 'mp4', mimeType: 'video/mp4', videoCodec: 'h264', audioCodec: 'aac', hasAudio: true }],
    ['vp9-opus.webm', { format: 'webm', mimeType: 'video/webm', videoCodec: 'vp9', audioCodec: 'opus', hasAudio: true }],
    ['vp8-vorbis.webm', { format: 'webm', mimeType: 'video/webm', videoCodec: 'vp8', audioCodec: 'vorbis', hasAudio: true }],
  ])('ingests the video %s with probe data and a frame thumbnail', async (fixture, expected) => {
    const result = await upload(fixture);
    expect(result).toMatchObject({ kind: 'video', width: 320, height: 240, ...expected });
    expect(result.durationSeconds).toBeGreaterThan(2.9);
    expect(result.durationSeconds).toBeLessThan(3.2);
    const thumb = await sharp(result.thumbnail!.path).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 320, height: 240 });
  });

  it.each([
    ['tone.mp3', { format: 'mp3', mimeType: 'audio/mpeg', audioCodec: 'mp3' }],
    ['tone.m4a', { format: 'm4a', mimeType: 'audio/mp4', audioCodec: 'aac', extension: '.m4a' }],
    ['tone.opus.ogg', { format: 'ogg', mimeType: 'audio/ogg', audioCodec: 'opus' }],
    ['tone.vorbis.ogg', { format: 'ogg', mimeType: 'audio/ogg', audioCodec: 'vorbis' }],
    ['tone.wav', { format: 'wav', mimeType: 'audio/wav', audioCodec: 'pcm_s16le' }],
  ])('ingests the audio %s with its duration and a waveform picture', async (fixture, expected) => {
    const result = await upload(fixture);
    expect(result).toMatchObject({ kind: 'audio', hasAudio: true, videoCodec: null, width: null, ...expected });
    expect(result.durationSeconds).toBeGreaterThan(2.9);
    expect(result.durationSeconds).toBeLessThan(3.2);
    expect(result.thumbnail).toMatchObject({ mimeType: 'image/png', width: 640, height: 120 });
    expect(await sharp(result.thumbnail!.path).metadata()).toMatchObject({ format: 'png', width: 640, height: 120 });
  });

  it('stores the bytes under their sha256, unchanged', async () => {
    const original = await readFile(fixtures['tone.mp3']!);
    const result = await upload('tone.mp3');
    expect(result.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(await readFile(result.path)).toEqual(original);
  });

  it('stores the same bytes once, whatever names they were uploaded under', async () => {
    const first = await upload('poster.png', { fileName: 'áp phích.png' });
    const second = await upload('poster.png', { fileName: 'copy of poster.png' });
    expect(second).toMatchObject({ sha256: first.sha256, deduplicated: true, fileName: 'copy of poster.png' });
    expect(await filesUnder('media')).toEqual([first.sha256]);
    expect(await filesUnder('tmp')).toEqual([]);
  });

  it('decides the type by content: a PNG named .mp4 is ingested as a PNG image', async () => {
    const result = await upload('poster.png', { fileName: 'clip.mp4' });
    expect(result).toMatchObject({ kind: 'image', format: 'png', extension: '.png', fileName: 'clip.mp4' });
  });

  it('accepts a PDF only where documents are accepted', async () => {
    const pdfPath = join(fixtureDir, 'proof.pdf');
    await writeFile(pdfPath, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const refused = await rejection(ingestUpload({ stream: createReadStream(pdfPath), fileName: 'proof.pdf', dataDir }));
    expect(refused).toMatchObject({ code: 'kind_not_accepted', status: 415 });
    await expectNoTrace();
    const accepted = await ingestUpload({ stream: createReadStream(pdfPath), fileName: 'proof.pdf', dataDir, accept: ['document'] });
    expect(accepted).toMatchObject({ kind: 'document', mimeType: 'application/pdf', thumbnail: null });
  });

  it('reports progress through every stage in order', async () => {
    const events: IngestProgress[] = [];
    await upload('tone.wav', { loudness: true, onProgress: (e) => events.push(e) });
    const stages = events.map((e) => e.stage).filter((s, i, all) => s !== all[i - 1]);
    expect(stages).toEqual(['receiving', 'hashing', 'probing', 'thumbnail', 'loudness', 'done']);
    expect(events.at(-1)).toMatchObject({ stage: 'done', fraction: 1 });
  });
});

describe('ingestUpload with bad input', () => {
  it.each([
    ['poster.png', 'clip.mp4', 'kind_not_accepted', 415, { accept: ['video'] }],
    ['archive.zip', 'song.mp3', 'unsupported_type', 415, {}],
    ['anim.gif', 'anim.gif', 'unsupported_type', 415, {}],
    ['empty.bin', 'empty.mp4', 'empty_file', 400, {}],
    ['cut.mp4', 'cut.mp4', 'corrupt', 422, {}],
    ['cut-faststart.mp4', 'cut.mp4', 'truncated', 422, {}],
    ['cut.webm', 'cut.webm', 'truncated', 422, {}],
    ['h264-aac.mp4', 'big.mp4', 'too_large', 413, { limits: { maxBytes: 10_000 } }],
    ['huge-30000.png', 'huge.png', 'too_many_pixels', 422, {}],
    ['hevc.mp4', 'iphone.mp4', 'unsupported_codec', 422, {}],
    ['mpeg4-part2.mp4', 'divx.mp4', 'unsupported_codec', 422, {}],
    ['h264-444.mp4', '444.mp4', 'unsupported_codec', 422, {}],
    ['tone-adpcm.wav', 'adpcm.wav', 'unsupported_codec', 422, {}],
    ['tone.mp3', '../../etc/passwd', 'file_name_invalid', 400, {}],
  ] as const)('refuses %s (named %s) with %s %i and leaves no trace', async (fixture, fileName, code, status, extra) => {
    const error = await rejection(upload(fixture, { fileName, ...extra }));
    expect(error).toMatchObject({ code, status });
    expect(error.messages.vi).toMatch(/\S/);
    expect(error.messages.en).toMatch(/\S/);
    await expectNoTrace();
  });

  it('names HEVC and the fix in both languages', async () => {
    const error = await rejection(upload('hevc.mp4'));
    expect(error.messages.vi).toBe('Video dùng mã hoá HEVC (H.265), trình duyệt không phát được. Hãy chuyển sang H.264.');
    expect(error.messages.en).toContain('HEVC (H.265)');
  });

  it('refuses the 30000×30000 PNG from its header, without decoding it', async () => {
    const started = performance.now();
    const error = await rejection(upload('huge-30000.png'));
    expect(error.messages.en).toContain('30000×30000');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file name that is not valid UTF-8', async () => {
    const error = await rejection(upload('tone.mp3', { fileName: Uint8Array.from([0x62, 0xe0, 0x69, 0x2e, 0x6d, 0x70, 0x33]) }));
    expect(error).toMatchObject({ code: 'file_name_invalid', status: 400 });
    await expectNoTrace();
  });

  it('keeps a stored file that other content references when a later upload of it is refused', async () => {
    const first = await upload('poster.png');
    const error = await rejection(upload('poster.png', { accept: ['video'], isReferenced: (sha) => sha === first.sha256 }));
    expect(error.code).toBe('kind_not_accepted');
    expect((await stat(first.path)).isFile()).toBe(true);
    expect(await filesUnder('derived')).toEqual(['thumb.webp']);
  });

  it('never deletes bytes that a concurrent valid upload of the same file is ingesting', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [valid, refused] = await Promise.allSettled([upload('poster.png'), upload('poster.png', { accept: ['video'] })]);
      expect(refused.status).toBe('rejected');
      if (valid.status !== 'fulfilled') throw valid.reason;
      expect((await stat(valid.value.path)).isFile()).toBe(true);
      expect((await stat(valid.value.thumbnail!.path)).isFile()).toBe(true);
      await rm(join(dataDir, 'media'), { recursive: true, force: true });
      await rm(join(dataDir, 'derived'), { recursive: true, force: true });
    }
  });

  it('deletes an unreferenced earlier copy when the same bytes are refused', async () => {
    await upload('poster.png');
    await rejection(upload('poster.png', { accept: ['audio'], isReferenced: () => false }));
    await expectNoTrace();
  });
});

describe('ingestUpload loudness', () => {
  it.each(['loud.wav', 'quiet.mp3'])('normalises %s to −16 ± 1 LUFS in a derived file, leaving the original', async (fixture) => {
    const original = await readFile(fixtures[fixture]!);
    const result = await upload(fixture, { loudness: true });
    const loudness = result.loudness!;
    expect(Math.abs(loudness.inputLufs + 16)).toBeGreaterThan(5);
    expect(loudness.outputLufs).toBeGreaterThanOrEqual(-17);
    expect(loudness.outputLufs).toBeLessThanOrEqual(-15);
    expect(loudness.derivedSha256).not.toBe(result.sha256);
    const derived = await readFile(loudness.derivedPath);
    expect(createHash('sha256').update(derived).digest('hex')).toBe(loudness.derivedSha256);
    expect(await readFile(result.path)).toEqual(original);
  });

  it('honours a configured target', async () => {
    const result = await upload('loud.wav', { loudness: { targetLufs: -23 } });
    expect(result.loudness!.outputLufs).toBeGreaterThanOrEqual(-24);
    expect(result.loudness!.outputLufs).toBeLessThanOrEqual(-22);
  });

  it('refuses silent audio destined for loudspeakers, leaving no trace', async () => {
    const error = await rejection(upload('silence.wav', { loudness: true }));
    expect(error).toMatchObject({ code: 'silent_audio', status: 422 });
    await expectNoTrace();
  });

  it('skips loudness for images even when asked', async () => {
    expect((await upload('photo.jpg', { loudness: true })).loudness).toBeNull();
  });
});
