// A process and its descendants, read from /proc (Linux): what runs under a started server, and how much
// memory all of it holds.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** The executable's short name (/proc/<pid>/comm), e.g. `node`, `sh`, `ffmpeg`. */
  comm: string;
  rssKb: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name sits in parentheses and may hold spaces: the fields after it start past the last ')'.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return { pid, ppid: Number(after[1]), comm: readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null; // ended while we looked
  }
}

/** `pid` first, then every descendant. */
export function processTree(pid: number): ProcInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is ProcInfo => p !== null);
  const root = all.find((p) => p.pid === pid);
  if (!root) return [];
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i]!.pid));
  return tree;
}

/** Resident memory of the whole tree, in MB. */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + p.rssKb, 0) / 1024;
}
