// SQL for the append-only, hash-chained audit log.
import type { Queryable } from '../db/sqlite';
import type { AuditRecord } from '../domain/audit-chain';
import { decodeJson, isRecord } from './json-column';

export type AuditRow = {
  seq: number;
  at: number;
  actor_id: number | null;
  actor: string;
  action: string;
  target: string;
  /** JSON text exactly as hashed into the chain. */
  summary: string;
  prev_hash: string;
  hash: string;
};

/** A row to show: the summary decoded (the chain is verified from AuditRow's text). */
export type AuditEntryRow = Omit<AuditRow, 'summary'> & { summary: Record<string, unknown> };

export const toRecord = (r: AuditRow): AuditRecord & { hash: string } => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  target: r.target,
  summary: r.summary,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const auditRepo = {
  head: (q: Queryable) => q.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1'),
  insert: async (q: Queryable, r: AuditRecord & { hash: string }) => {
    await q.run(
      'INSERT INTO audit_log (seq, at, actor_id, actor, action, target, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.seq, r.at, r.actorId, r.actor, r.action, r.target, r.summary, r.prevHash, r.hash],
    );
    await q.run(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
      [r.seq, r.hash],
    );
  },
  all: (q: Queryable) => q.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq'),
  page: async (q: Queryable, beforeSeq: number, limit: number): Promise<AuditEntryRow[]> =>
    (await q.all<AuditRow>('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?', [beforeSeq, limit])).map((r) => ({
      ...r,
      summary: decodeJson(r.summary, { table: 'audit_log', id: r.seq, column: 'summary' }, isRecord),
    })),
};
