import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logFileDay, purgeLogFiles } from './log-files';

const vn = (s: string) => Date.parse(`${s}+07:00`);
const TZ = 'Asia/Ho_Chi_Minh';

describe('purgeLogFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-logs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const touch = (name: string) => fs.writeFileSync(path.join(dir, name), '{"msg":"x"}\n');

  it('deletes only well-named files whose whole local day ended by the cutoff', () => {
    const dated = ['bantin-2025-01-01.jsonl', 'bantin-2025-02-28.jsonl', 'bantin-2025-03-01.jsonl', 'bantin-2025-03-02.jsonl'];
    const unrelated = [
      'bantin-2025-01-01.jsonl.gz', // compressed by an administrator
      'bantin-2025-01-01.log',
      'notes.txt',
      'bantin-2025-02-30.jsonl', // no such day
      'bantin-25-01-01.jsonl',
      'Bantin-2025-01-01.jsonl',
      'xbantin-2025-01-01.jsonl',
      'bantin-2025-01-01.jsonl.bak',
    ];
    [...dated, ...unrelated].forEach(touch);
    fs.mkdirSync(path.join(dir, 'bantin-2024-12-31.jsonl')); // a folder with a matching name
    fs.writeFileSync(path.join(dir, 'bantin-2024-12-31.jsonl', 'inside.txt'), 'keep');
    const target = path.join(os.tmpdir(), `bantin-symlink-target-${process.pid}`);
    fs.writeFileSync(target, 'keep');
    fs.symlinkSync(target, path.join(dir, 'bantin-2024-12-30.jsonl'));
    try {
      // 2025-03-01 ends at 2025-03-02T00:00 local: a cutoff exactly there removes it, one ms earlier keeps it.
      expect(purgeLogFiles(dir, vn('2025-03-02T00:00:00.000') - 1, TZ)).toEqual(['bantin-2025-01-01.jsonl', 'bantin-2025-02-28.jsonl']);
      expect(purgeLogFiles(dir, vn('2025-03-02T00:00:00.000'), TZ)).toEqual(['bantin-2025-03-01.jsonl']);
      expect(fs.readdirSync(dir).sort()).toEqual(
        ['bantin-2024-12-30.jsonl', 'bantin-2024-12-31.jsonl', 'bantin-2025-03-02.jsonl', ...unrelated].sort(),
      );
      expect(fs.readFileSync(target, 'utf8')).toBe('keep');
      expect(fs.readFileSync(path.join(dir, 'bantin-2024-12-31.jsonl', 'inside.txt'), 'utf8')).toBe('keep');
    } finally {
      fs.rmSync(target, { force: true });
    }
  });

  it('reads the day in the configured zone', () => {
    touch('bantin-2025-03-01.jsonl');
    // In UTC the day ends 7 hours later than in Hà Nội.
    expect(purgeLogFiles(dir, vn('2025-03-02T00:00:00.000'), 'UTC')).toEqual([]);
    expect(purgeLogFiles(dir, Date.parse('2025-03-02T00:00:00.000Z'), 'UTC')).toEqual(['bantin-2025-03-01.jsonl']);
  });

  it('does nothing when there is no log folder yet', () => {
    expect(purgeLogFiles(path.join(dir, 'missing'), Date.now(), TZ)).toEqual([]);
  });
});

describe('logFileDay', () => {
  it('reads real dates only', () => {
    expect(logFileDay('bantin-1970-01-02.jsonl')).toBe(1);
    expect(logFileDay('bantin-2024-02-29.jsonl')).not.toBeNull();
    expect(logFileDay('bantin-2025-02-29.jsonl')).toBeNull();
    expect(logFileDay('bantin-2025-13-01.jsonl')).toBeNull();
  });
});
