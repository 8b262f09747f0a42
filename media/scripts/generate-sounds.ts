// Generates the starter-pack sounds with the installed ffmpeg: a short jingle that opens a broadcast slot
// and a two-tone attention signal that precedes announcements (tín hiệu chú ý). Run from the repo root:
//   npx tsx media/scripts/generate-sounds.ts
// Output is deterministic (same ffmpeg build, same bytes): every sound is synthesised from formulas, rendered
// to PCM, measured, then gain-corrected to −16 LUFS (the loudspeaker target) and encoded to Ogg/Opus with
// bit-exact flags, so no timestamps, versions or random stream serials end up in the files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

const TARGET_LUFS = -16;
const RATE = 48000;
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'sounds');

/** A soft bell-like note: fundamental plus a quiet octave, both decaying, starting at `start` seconds. */
function bell(frequency: number, start: number, length: number): string {
  const t = `(t-${start})`;
  // A 15 ms attack: an instant onset clicks on loudspeaker horns.
  const gate = `between(t,${start},${start + length})*min(1,${t}/0.015)`;
  return `${gate}*(0.5*sin(2*PI*${frequency}*${t})*exp(-3.2*${t})+0.12*sin(4*PI*${frequency}*${t})*exp(-5*${t}))`;
}

/** Jingle, ~3 s: C5 E5 G5 rising, then a held C6 over G5 (a bright major arpeggio). */
function jingleExpression(): string {
  const notes = [
    bell(523.25, 0.0, 3.0),
    bell(659.25, 0.38, 2.62),
    bell(783.99, 0.76, 2.24),
    bell(1046.5, 1.14, 1.86),
  ];
  return notes.join('+');
}

/** Attention, 2 s: hi–lo two-tone (B5/G5) twice, rounded edges so it is firm but not harsh. */
function attentionExpression(): string {
  const tone = (frequency: number, start: number) => {
    const t = `(t-${start})`;
    const envelope = `min(1,${t}/0.02)*min(1,(${start + 0.42}-t)/0.04)`;
    return `between(t,${start},${start + 0.42})*${envelope}*(0.45*sin(2*PI*${frequency}*${t})+0.1*sin(6*PI*${frequency}*${t}))`;
  };
  return [tone(987.77, 0.0), tone(783.99, 0.5), tone(987.77, 1.0), tone(783.99, 1.5)].join('+');
}

function ffmpeg(args: string[]): string {
  const result = spawnSync(ffmpegInstaller.path, ['-hide_banner', '-nostdin', '-nostats', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ffmpeg failed:\n${result.stderr}`);
  return result.stderr;
}

function measureLufs(path: string): number {
  const stderr = ffmpeg(['-i', path, '-af', `loudnorm=I=${TARGET_LUFS}:print_format=json`, '-f', 'null', '-']);
  const report = JSON.parse(stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1)) as { input_i: string };
  return Number(report.input_i);
}

function render(name: string, expression: string, seconds: number, workDir: string): void {
  const pcm = join(workDir, `${name}.wav`);
  ffmpeg(['-y', '-f', 'lavfi', '-i', `aevalsrc=exprs='${expression}':s=${RATE}:d=${seconds}`,
    '-af', `afade=t=in:d=0.01,afade=t=out:st=${seconds - 0.3}:d=0.3`, '-c:a', 'pcm_s16le', pcm]);
  const gain = TARGET_LUFS - measureLufs(pcm);
  const out = join(outDir, `${name}.ogg`);
  ffmpeg(['-y', '-i', pcm, '-af', `volume=${gain.toFixed(2)}dB`, '-ac', '1', '-c:a', 'libopus', '-b:a', '64k',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', out]);
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
  console.log(`${out}: ${readFileSync(out).length} bytes, ${measureLufs(out).toFixed(1)} LUFS, sha256 ${sha}`);
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'bantin-sounds-'));
  try {
    render('jingle', jingleExpression(), 3, workDir);
    render('attention', attentionExpression(), 2, workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
