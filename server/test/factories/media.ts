// Test fixtures made on the spot with the installed ffmpeg and sharp (no binary files in the repo):
// real encoders, real containers, so the tests exercise what uploads will really look like.
import { crc32, deflateSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ffmpegPath, runTool } from '../../src/media/tools/run-tool';

export async function ffmpeg(args: readonly string[]): Promise<void> {
  const result = await runTool(ffmpegPath, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${result.stderr}`);
}

/** Makes a mono 44.1 kHz WAV with ffmpeg (`input` = its input arguments) and stores it as an audio file. */
export async function storeGeneratedTone(
  media: { storeGenerated(b: Buffer, m: { mime: string; kind: 'audio'; durationMs: number; name: string }): Promise<string> },
  dir: string,
  name: string,
  input: string[],
  durationMs: number,
): Promise<string> {
  const file = join(dir, name);
  await ffmpeg([...input, '-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', file]);
  return media.storeGenerated(await readFile(file), { mime: 'audio/wav', kind: 'audio', durationMs, name });
}

const TEST_VIDEO = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=3'];
const TEST_TONE = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];

/** Every fixture by name: how to make it. */
export const FIXTURES: Record<string, (out: string) => Promise<void>> = {
  'h264-aac.mp4': (out) => ffmpeg([...TEST_VIDEO, ...TEST_TONE, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out]),
  'h264-silent.mp4': (out) => ffmpeg([...TEST_VIDEO, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', out]),
  'h264-faststart.mp4': (out) =>
    ffmpeg([...TEST_VIDEO, ...TEST_TONE, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', out]),
  'vp9-opus.webm': (out) => ffmpeg([...TEST_VIDEO, ...TEST_TONE, '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-b:v', '200k', '-c:a', 'libopus', '-shortest', out]),
  'vp8-vorbis.webm': (out) => ffmpeg([...TEST_VIDEO, ...TEST_TONE, '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libvorbis', '-shortest', out]),
  'hevc.mp4': (out) => ffmpeg([...TEST_VIDEO, '-c:v', 'libx265', '-pix_fmt', 'yuv420p', '-x265-params', 'log-level=error', out]),
  'mpeg4-part2.mp4': (out) => ffmpeg([...TEST_VIDEO, '-c:v', 'mpeg4', out]),
  'h264-444.mp4': (out) => ffmpeg([...TEST_VIDEO, '-c:v', 'libx264', '-pix_fmt', 'yuv444p', out]),
  'tone.mp3': (out) => ffmpeg([...TEST_TONE, '-c:a', 'libmp3lame', out]),
  'tone.m4a': (out) => ffmpeg([...TEST_TONE, '-c:a', 'aac', out]),
  'tone.opus.ogg': (out) => ffmpeg([...TEST_TONE, '-c:a', 'libopus', out]),
  'tone.vorbis.ogg': (out) => ffmpeg([...TEST_TONE, '-c:a', 'libvorbis', out]),
  'tone.wav': (out) => ffmpeg([...TEST_TONE, '-c:a', 'pcm_s16le', out]),
  'tone-adpcm.wav': (out) => ffmpeg([...TEST_TONE, '-c:a', 'adpcm_ms', out]),
  'loud.wav': (out) => ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=6', '-af', 'volume=15dB', out]),
  'quiet.mp3': (out) => ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=6', '-af', 'volume=-20dB', '-c:a', 'libmp3lame', out]),
  'silence.wav': (out) => ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '3', out]),
  'photo.jpg': (out) => sharp({ create: { width: 640, height: 480, channels: 3, background: '#c0392b' } }).jpeg().toFile(out).then(() => undefined),
  'poster.png': (out) => sharp({ create: { width: 800, height: 600, channels: 4, background: '#2980b9' } }).png().toFile(out).then(() => undefined),
  'banner.webp': (out) => sharp({ create: { width: 1200, height: 300, channels: 3, background: '#27ae60' } }).webp().toFile(out).then(() => undefined),
  'anim.gif': (out) => sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).gif().toFile(out).then(() => undefined),
  'huge-30000.png': (out) => writeFile(out, pngHeaderOnly(30000, 30000)),
  'archive.zip': (out) => writeFile(out, storedZip('hello.txt', Buffer.from('xin chào'))),
  'empty.bin': (out) => writeFile(out, Buffer.alloc(0)),
};

export async function makeFixtures(dir: string, names: readonly string[] = Object.keys(FIXTURES)): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  await Promise.all(
    names.map(async (name) => {
      const make = FIXTURES[name];
      if (!make) throw new Error(`no fixture ${name}`);
      paths[name] = join(dir, name);
      await make(paths[name]);
    }),
  );
  return paths;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header declaring width×height 1-bit greyscale, with a token IDAT: cheap to make, huge to decode. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(64))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A real one-entry ZIP archive (method 0, stored). */
export function storedZip(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(content) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}
