// Loudness for loudspeakers: measures integrated loudness (EBU R128, ffmpeg loudnorm first pass) and makes
// a normalised copy at a target (default −16 LUFS) with two-pass loudnorm. The original is never touched:
// the copy is a new file in the content store (the player fetches and verifies it by its own sha256), and
// <dataDir>/derived/<source sha>/loudness-<target>.json remembers it, so the work is done once per file.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IngestError } from '../errors';
import { safeInputArgs } from '../probe/ffprobe';
import type { SupportedFormat } from '../sniff/sniff';
import { createTempPath, derivedDirForSha, exists, pathForSha, storeTempFile } from '../store/content-store';
import { ffmpegPath, runTool } from '../tools/run-tool';

export const DEFAULT_TARGET_LUFS = -16;
const TRUE_PEAK_DB = -1.5;
const LOUDNESS_RANGE = 11;
const TIMEOUT_MS = 15 * 60_000;

interface LoudnessMeasurement {
  integratedLufs: number;
  truePeakDb: number;
  rangeLu: number;
  thresholdLufs: number;
  targetOffset: number;
}

export interface LoudnessResult {
  targetLufs: number;
  inputLufs: number;
  outputLufs: number;
  derivedSha256: string;
  derivedPath: string;
}

interface NormaliseOptions {
  dataDir: string;
  sourceSha256: string;
  format: SupportedFormat;
  targetLufs?: number;
  signal?: AbortSignal;
}

function silent(): IngestError {
  return new IngestError('silent_audio', 422, {
    vi: 'Âm thanh im lặng hoặc quá nhỏ để chuẩn hoá âm lượng cho loa.',
    en: 'The audio is silent or too quiet to normalise for loudspeakers.',
  });
}

/** loudnorm prints its JSON report as the last {...} block on stderr. */
function parseReport(stderr: string): Record<string, string> {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('loudnorm printed no report');
  return JSON.parse(stderr.slice(start, end + 1)) as Record<string, string>;
}

function loudnormFilter(targetLufs: number, extra = ''): string {
  return `loudnorm=I=${targetLufs}:TP=${TRUE_PEAK_DB}:LRA=${LOUDNESS_RANGE}${extra}:print_format=json`;
}

async function measureLoudness(
  path: string,
  format: SupportedFormat,
  options: { targetLufs?: number; signal?: AbortSignal } = {},
): Promise<LoudnessMeasurement> {
  const args = ['-hide_banner', '-nostdin', '-nostats', ...safeInputArgs(format, path)];
  args.push('-map', '0:a:0', '-af', loudnormFilter(options.targetLufs ?? DEFAULT_TARGET_LUFS), '-f', 'null', '-');
  const result = await runTool(ffmpegPath, args, { timeoutMs: TIMEOUT_MS, signal: options.signal });
  if (result.code !== 0) throw new Error(`loudness measurement failed: ${result.stderr.slice(-300)}`);
  const report = parseReport(result.stderr);
  const measurement = {
    integratedLufs: Number(report.input_i),
    truePeakDb: Number(report.input_tp),
    rangeLu: Number(report.input_lra),
    thresholdLufs: Number(report.input_thresh),
    targetOffset: Number(report.target_offset),
  };
  // Digital silence measures as -inf (and -70 LUFS is the gate): nothing to normalise.
  if (!Number.isFinite(measurement.integratedLufs) || measurement.integratedLufs <= -70) throw silent();
  return measurement;
}

async function encodeNormalised(path: string, format: SupportedFormat, targetLufs: number, m: LoudnessMeasurement, tempPath: string, signal?: AbortSignal) {
  const measured =
    `:measured_I=${m.integratedLufs}:measured_TP=${m.truePeakDb}:measured_LRA=${m.rangeLu}` +
    `:measured_thresh=${m.thresholdLufs}:offset=${m.targetOffset}:linear=true`;
  const args = ['-hide_banner', '-nostdin', '-nostats', ...safeInputArgs(format, path)];
  // loudnorm works at 192 kHz internally; 48 kHz AAC in M4A plays in every browser. bitexact: same input, same bytes.
  args.push('-map', '0:a:0', '-vn', '-sn', '-map_metadata', '-1', '-af', loudnormFilter(targetLufs, measured));
  args.push('-ar', '48000', '-c:a', 'aac', '-b:a', '192k', '-fflags', '+bitexact', '-flags:a', '+bitexact');
  args.push('-movflags', '+faststart', '-f', 'mp4', '-y', tempPath);
  const result = await runTool(ffmpegPath, args, { timeoutMs: TIMEOUT_MS, signal });
  if (result.code !== 0) throw new Error(`loudness normalisation failed: ${result.stderr.slice(-300)}`);
}

async function readCached(pointerPath: string, dataDir: string): Promise<LoudnessResult | null> {
  try {
    const cached = JSON.parse(await readFile(pointerPath, 'utf8')) as LoudnessResult;
    const derivedPath = pathForSha(dataDir, cached.derivedSha256);
    return (await exists(derivedPath)) ? { ...cached, derivedPath } : null;
  } catch {
    return null;
  }
}

export async function normaliseLoudness(path: string, options: NormaliseOptions): Promise<LoudnessResult> {
  const { dataDir, sourceSha256, format, targetLufs = DEFAULT_TARGET_LUFS, signal } = options;
  const pointerDir = derivedDirForSha(dataDir, sourceSha256);
  const pointerPath = join(pointerDir, `loudness${targetLufs}.json`);
  const cached = await readCached(pointerPath, dataDir);
  if (cached) return cached;

  const input = await measureLoudness(path, format, { targetLufs, signal });
  const tempPath = await createTempPath(dataDir, '.m4a');
  try {
    await encodeNormalised(path, format, targetLufs, input, tempPath, signal);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  const stored = await storeTempFile(dataDir, tempPath);
  try {
    const output = await measureLoudness(stored.path, 'm4a', { targetLufs, signal });
    const result: LoudnessResult = {
      targetLufs,
      inputLufs: input.integratedLufs,
      outputLufs: output.integratedLufs,
      derivedSha256: stored.sha256,
      derivedPath: stored.path,
    };
    await writePointer(dataDir, pointerPath, result);
    return result;
  } catch (error) {
    if (stored.created) await rm(stored.path, { force: true });
    throw error;
  }
}

async function writePointer(dataDir: string, pointerPath: string, result: LoudnessResult): Promise<void> {
  await mkdir(dirname(pointerPath), { recursive: true });
  const pointerTemp = await createTempPath(dataDir, '.json');
  // The path is not recorded: it follows from the sha and the data directory, which may move.
  const { targetLufs, inputLufs, outputLufs, derivedSha256 } = result;
  await writeFile(pointerTemp, JSON.stringify({ targetLufs, inputLufs, outputLufs, derivedSha256 }));
  await rename(pointerTemp, pointerPath);
}
