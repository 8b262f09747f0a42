// Runs ffmpeg / ffprobe as child processes: arguments as an array (never a shell), bounded output,
// a timeout and an optional abort signal, so one hostile file cannot hang or flood the server.
import { spawn } from 'node:child_process';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffprobeInstaller from '@ffprobe-installer/ffprobe';

// The binaries shipped in npm packages work everywhere with no system install, but they are old builds (the
// ffmpeg one dates from 2018-12) and they decode every uploaded clip. A deployment that can should point these at
// its distribution's maintained ones (Debian: apt-get install ffmpeg → /usr/bin/ffmpeg, /usr/bin/ffprobe).
export const ffmpegPath: string = process.env.BANTIN_FFMPEG_PATH || ffmpegInstaller.path;
export const ffprobePath: string = process.env.BANTIN_FFPROBE_PATH || ffprobeInstaller.path;

interface ToolResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** stdout beyond this is dropped (the caller only wants small outputs such as JSON or a PNG). */
  maxStdoutBytes?: number;
  /** Receives stdout lines as they come (ffmpeg `-progress pipe:1`). */
  onStdoutLine?: (line: string) => void;
}

const MAX_STDERR_CHARS = 256 * 1024;

export function runTool(bin: string, args: readonly string[], options: RunToolOptions = {}): Promise<ToolResult> {
  const { timeoutMs = 60_000, signal, maxStdoutBytes = 32 * 1024 * 1024, onStdoutLine } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let pendingLine = '';
    let timedOut = false;

    child.stdout.on('data', (chunk: Buffer) => {
      if (onStdoutLine) {
        const lines = (pendingLine + chunk.toString('utf8')).split('\n');
        pendingLine = lines.pop() ?? '';
        for (const line of lines) onStdoutLine(line);
        return;
      }
      if (stdoutBytes + chunk.length <= maxStdoutBytes) chunks.push(chunk);
      stdoutBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep the tail: ffmpeg prints its verdicts (JSON, "partial file") last.
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR_CHARS);
    });

    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });

    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      reject(error);
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (onStdoutLine && pendingLine) onStdoutLine(pendingLine);
      resolve({ code, signal: sig, stdout: Buffer.concat(chunks), stderr, timedOut });
    });
  });
}

/** Input URL for ffmpeg: the `file:` prefix stops a path from being read as another protocol or an option. */
export function fileUrl(path: string): string {
  return `file:${path}`;
}
