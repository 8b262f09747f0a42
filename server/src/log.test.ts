import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDailyLogFile, createLogger } from './log';

describe('createLogger', () => {
  it('writes one JSON object per line, with the child fields (request id) on every line', () => {
    const lines: string[] = [];
    const log = createLogger('info', { svc: 'bantin' }, (l) => lines.push(l)).child({ reqId: 'r-1' });
    log.info('request', { status: 200 });
    log.debug('hidden');
    log.error('boom', { err: new Error('x') });
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ level: 'info', msg: 'request', svc: 'bantin', reqId: 'r-1', status: 200 });
    expect(b).toMatchObject({ level: 'error', reqId: 'r-1', err: { message: 'x' } });
  });
});

describe('createDailyLogFile', () => {
  const vn = (s: string) => Date.parse(`${s}+07:00`);

  it('appends each line to the file of its local day, creating the folder and files lazily', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-log-'));
    const dir = path.join(root, 'logs');
    try {
      let now = vn('2025-03-09T23:59:59.999');
      const file = createDailyLogFile({ dir, tz: 'Asia/Ho_Chi_Minh', clock: () => now });
      const log = createLogger('info', {}, (l) => file.write(l));
      expect(fs.existsSync(dir)).toBe(false);
      log.info('late evening');
      now += 1; // local midnight: 2025-03-09T17:00:00Z
      log.info('first of the day');
      log.info('second of the day');
      file.close();
      // A restart on the same day appends instead of truncating.
      const again = createDailyLogFile({ dir, tz: 'Asia/Ho_Chi_Minh', clock: () => now });
      again.write('{"msg":"after restart"}');
      again.close();
      expect(fs.readdirSync(dir).sort()).toEqual(['bantin-2025-03-09.jsonl', 'bantin-2025-03-10.jsonl']);
      const read = (n: string) =>
        fs
          .readFileSync(path.join(dir, n), 'utf8')
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).msg);
      expect(read('bantin-2025-03-09.jsonl')).toEqual(['late evening']);
      expect(read('bantin-2025-03-10.jsonl')).toEqual(['first of the day', 'second of the day', 'after restart']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps the server running when the folder cannot be written', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-log-'));
    const blocker = path.join(root, 'logs');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    try {
      const warnings: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => warnings.push(String(chunk)) > 0);
      const file = createDailyLogFile({ dir: blocker, tz: 'UTC' });
      try {
        expect(() => file.write('{"msg":"x"}')).not.toThrow();
        expect(() => file.write('{"msg":"y"}')).not.toThrow();
      } finally {
        spy.mockRestore();
      }
      expect(warnings).toHaveLength(1); // said once, not once per line
      expect(warnings[0]).toMatch(/Không ghi được tệp nhật ký \/ Cannot write the log file/);
      expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the folder should be');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
