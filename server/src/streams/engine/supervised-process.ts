// One long-lived ffmpeg child that is started again when it dies (killed, crashed, its output gone), after a
// short pause so a process that cannot start does not spin. stdin writes go to whichever process is running;
// while none is, they are dropped (the zone's clock goes on regardless).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../log';

/** Writes beyond this much unread stdin are dropped: a stalled process must not grow our memory. */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

const FIRST_RESTART_MS = 200;
const MAX_RESTART_MS = 10_000;
/** A process that lived this long counts as having worked. */
const STABLE_MS = 10_000;

export type SupervisedProcess = {
  write(chunk: Buffer): void;
  /** Process id of the running child, or null between a death and its restart. */
  pid(): number | null;
  /** Kills the child for good and resolves when it has exited. */
  stop(): Promise<void>;
};

export function superviseProcess(opts: {
  bin: string;
  args: () => string[];
  onStdout: (chunk: Buffer) => void;
  /** Called before each start after the first (the process died). */
  onRestart?: () => void;
  restartDelayMs?: number;
  log?: Logger;
  name: string;
}): SupervisedProcess {
  let child: ChildProcessByStdio<Writable, Readable, Readable> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stderrTail = '';
  let startedAt = 0;
  let delay = opts.restartDelayMs ?? FIRST_RESTART_MS;

  const start = () => {
    timer = null;
    if (stopped) return;
    startedAt = Date.now();
    const c = spawn(opts.bin, opts.args(), { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    child = c;
    stderrTail = '';
    c.stdout.on('data', (chunk: Buffer) => opts.onStdout(chunk));
    c.stderr.on('data', (chunk: Buffer) => void (stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000)));
    // A write to a process that just died fails with EPIPE: the restart takes care of it.
    c.stdin.on('error', () => undefined);
    exited = new Promise((resolve) => {
      c.on('close', (code, signal) => {
        if (child === c) child = null;
        resolve();
        if (stopped) return;
        opts.log?.warn('stream encoder exited, restarting', { name: opts.name, code, signal, stderr: stderrTail.trim() });
        opts.onRestart?.();
        // A process that ran a while is restarted at once; one that keeps dying young waits longer each time.
        delay = Date.now() - startedAt > STABLE_MS ? (opts.restartDelayMs ?? FIRST_RESTART_MS) : Math.min(delay * 2, MAX_RESTART_MS);
        timer = setTimeout(start, delay);
      });
      c.on('error', (err) => opts.log?.error('stream encoder failed to start', { name: opts.name, err }));
    });
  };
  start();

  return {
    write(chunk) {
      const c = child;
      if (!c || !c.stdin.writable || c.stdin.writableLength > MAX_BACKLOG_BYTES) return;
      c.stdin.write(chunk);
    },
    pid: () => child?.pid ?? null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (c) {
        c.stdin.destroy();
        c.kill('SIGKILL');
      }
      await exited;
    },
  };
}
