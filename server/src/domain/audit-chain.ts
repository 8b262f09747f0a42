// Pure hashing rules of the audit chain: each row hashes its own content and the previous row's hash.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = {
  seq: number;
  at: number;
  actorId: number | null;
  actor: string;
  action: string;
  target: string;
  summary: string;
  prevHash: string;
};

export function hashAuditRecord(r: AuditRecord): string {
  const canonical = JSON.stringify([r.seq, r.at, r.actorId, r.actor, r.action, r.target, r.summary, r.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainProblem = { seq: number; problem: 'edited' | 'broken_link' | 'gap' | 'head_mismatch' };

/** Walks rows in seq order and reports every row that was edited, inserted or deleted. */
export function verifyChain(
  rows: (AuditRecord & { hash: string })[],
  head: { seq: number; hash: string } | null,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  for (const row of rows) {
    if (row.seq !== prevSeq + 1) problems.push({ seq: row.seq, problem: 'gap' });
    if (row.prevHash !== prevHash) problems.push({ seq: row.seq, problem: 'broken_link' });
    if (hashAuditRecord(row) !== row.hash) problems.push({ seq: row.seq, problem: 'edited' });
    prevHash = row.hash;
    prevSeq = row.seq;
  }
  const last = rows.at(-1);
  if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
    problems.push({ seq: head.seq, problem: 'head_mismatch' });
  }
  if (!head && last) problems.push({ seq: last.seq, problem: 'head_mismatch' });
  return problems;
}
