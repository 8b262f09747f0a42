// Renders Vietnamese text to a WAV file with espeak-ng, for loudspeaker broadcasts.
// The text is normalised first (dates, numbers, abbreviations → words). Synthesis runs in one worker
// thread per renderer, one job at a time (a queue), with a fresh espeak instance per job and a
// timeout that terminates the worker; the next job starts a new one. An idle worker is ended too: the
// compiled espeak module and its WebAssembly memory cost about a hundred megabytes, and speech is rare
// after the first start's seeding.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { normaliseForSpeech } from '../../domain/text';
import { ESPEAK_WORKER_SOURCE } from './espeak-worker-source';
import { espeakVoiceArgs, SpeechError, type SpeechSettings } from './voices';
import { parseWav } from './wav';

export interface SpeechRequest extends SpeechSettings {
  text: string;
}

export interface SpeechResult {
  wav: Buffer;
  durationMs: number;
  /** The words actually spoken, after normaliseForSpeech. */
  spokenText: string;
}

export interface SpeechRenderer {
  render(request: SpeechRequest): Promise<SpeechResult>;
  /** Ends the worker; pending jobs fail. */
  close(): Promise<void>;
  /** Ends the worker once the queued jobs are done, giving its memory back now; the renderer stays usable. */
  release(): Promise<void>;
  /** Whether a worker process is running now (it ends after idleMs without a job). */
  hasWorker(): boolean;
}

export interface SpeechRendererOptions {
  /** Longest time one synthesis may take. Default 60 s. */
  timeoutMs?: number;
  /** How long the worker may sit without a job before it is ended (the next job starts a new one). Default 10 s. */
  idleMs?: number;
}

/** Longest text accepted, in characters after normalisation (about 15 minutes of speech). */
const MAX_SPOKEN_CHARS = 20_000;

interface WorkerReply {
  id: number;
  exitCode: number;
  messages: string[];
  /** Whether the WAV was written to the job's hostOutputPath. */
  wav: boolean;
}

type Worker = ChildProcess;

/** Kills a worker process and waits until it is gone, so no zombie is left behind. */
function terminate(w: Worker): Promise<void> {
  if (w.exitCode !== null || w.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    w.once('exit', () => resolve());
    // Whoever waits for the end is kept alive until it comes.
    w.ref();
    w.kill('SIGKILL');
  });
}

function espeakPaths(): { jsUrl: string; wasmPath: string } {
  const jsPath = createRequire(import.meta.url).resolve('espeak-ng');
  return { jsUrl: pathToFileURL(jsPath).href, wasmPath: join(dirname(jsPath), 'espeak-ng.wasm') };
}

export function createSpeechRenderer(options: SpeechRendererOptions = {}): SpeechRenderer {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const idleMs = options.idleMs ?? 10_000;
  let worker: Worker | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let closed = false;
  let pending = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  /** Ends the worker once no job has come for idleMs, giving its memory back. */
  function armIdleStop(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      const w = worker;
      worker = null;
      if (w !== null) void terminate(w);
    }, idleMs);
    idleTimer.unref();
  }

  function startWorker(): Worker {
    const w = spawn(process.execPath, ['-e', ESPEAK_WORKER_SOURCE], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
      env: { PATH: process.env.PATH ?? '', BANTIN_ESPEAK_PATHS: JSON.stringify(espeakPaths()) },
    });
    // The worker's end is always noticed (runJob's listeners, or nobody's): never an unhandled 'error'.
    w.on('error', () => undefined);
    // An idle renderer must not keep the server's process alive.
    w.unref();
    w.channel?.unref();
    return w;
  }

  function runJob(args: string[], text: string, hostOutputPath: string): Promise<WorkerReply> {
    const w = (worker ??= startWorker());
    const id = nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      const stop = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const dropWorker = (): void => {
        if (worker === w) worker = null;
        void terminate(w);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        stop();
        resolve(reply);
      };
      const onError = (error: Error): void => {
        stop();
        dropWorker();
        reject(new SpeechError(`espeak-ng worker failed: ${error.message}`, 'synthesis_failed'));
      };
      const onExit = (code: number | null, signal: string | null): void => {
        stop();
        if (worker === w) worker = null;
        reject(new SpeechError(`espeak-ng worker exited (${signal ?? `code ${code}`})`, 'synthesis_failed'));
      };
      const timer = setTimeout(() => {
        stop();
        dropWorker();
        reject(new SpeechError(`speech synthesis timed out after ${timeoutMs} ms`, 'timeout'));
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.send({ id, args, text, inputPath: '/input.txt', outputPath: '/output.wav', hostOutputPath });
    });
  }

  async function synthesise(request: SpeechRequest): Promise<SpeechResult> {
    const voiceArgs = espeakVoiceArgs(request);
    const spokenText = normaliseForSpeech(request.text);
    if (!/[\p{L}\p{N}]/u.test(spokenText)) throw new SpeechError('nothing to say: the text has no words', 'invalid_request');
    if (spokenText.length > MAX_SPOKEN_CHARS) {
      throw new SpeechError(`text too long to speak: ${spokenText.length} > ${MAX_SPOKEN_CHARS} characters`, 'invalid_request');
    }
    // -b 1: the input file is UTF-8; -f: text from a file, so a leading "-" is never taken for an option.
    const args = [...voiceArgs, '-b', '1', '-w', '/output.wav', '-f', '/input.txt'];
    const dir = await mkdtemp(join(tmpdir(), 'bantin-speech-'));
    let wav: Buffer;
    try {
      const hostOutputPath = join(dir, 'output.wav');
      const reply = await runJob(args, spokenText, hostOutputPath);
      if (reply.exitCode !== 0 || !reply.wav) {
        const detail = reply.messages.join('; ') || `exit code ${reply.exitCode}`;
        throw new SpeechError(`espeak-ng failed: ${detail}`, 'synthesis_failed');
      }
      wav = await readFile(hostOutputPath);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    let durationMs: number;
    try {
      durationMs = parseWav(wav).durationMs;
    } catch (error) {
      throw new SpeechError(`espeak-ng wrote an unreadable WAV: ${(error as Error).message}`, 'synthesis_failed');
    }
    if (durationMs === 0) throw new SpeechError('espeak-ng produced no audio', 'synthesis_failed');
    return { wav, durationMs, spokenText };
  }

  return {
    render(request) {
      if (closed) return Promise.reject(new SpeechError('speech renderer is closed', 'invalid_request'));
      pending++;
      clearTimeout(idleTimer);
      const job = queue.then(() => synthesise(request));
      // The queue only orders jobs; one failure must not fail the ones after it.
      queue = job.catch(() => undefined);
      void queue.then(() => {
        if (--pending === 0 && !closed) armIdleStop();
      });
      return job;
    },
    hasWorker: () => worker !== null,
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      const w = worker;
      worker = null;
      if (w !== null) await terminate(w);
    },
    async release() {
      await queue;
      if (pending > 0) return; // a job came meanwhile: the idle timer ends the worker after it
      clearTimeout(idleTimer);
      const w = worker;
      worker = null;
      if (w !== null) await terminate(w);
    },
  };
}

/** One-off rendering with its own short-lived worker; prefer a shared createSpeechRenderer() for many. */
export async function renderSpeech(request: SpeechRequest, options: SpeechRendererOptions = {}): Promise<SpeechResult> {
  const renderer = createSpeechRenderer(options);
  try {
    return await renderer.render(request);
  } finally {
    await renderer.close();
  }
}
