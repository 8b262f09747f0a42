// Appends audit rows inside the caller's transaction and verifies the whole chain.
import type { Db, Queryable } from '../../db/sqlite';
import { GENESIS_HASH, hashAuditRecord, verifyChain, type ChainProblem } from '../../domain/audit-chain';
import { auditRepo, toRecord } from '../../repos/audit-repo';

export type Actor = { id: number | null; name: string };
export type AuditEntry = { action: string; target: string; summary: Record<string, unknown> };

export function createAuditService(deps: { db: Db; clock: () => number }) {
  const append = async (tx: Queryable, actor: Actor, e: AuditEntry) => {
    const head = await auditRepo.head(tx);
    const rec = {
      seq: (head?.seq ?? 0) + 1,
      at: deps.clock(),
      actorId: actor.id,
      actor: actor.name,
      action: e.action,
      target: e.target,
      summary: JSON.stringify(e.summary),
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    await auditRepo.insert(tx, { ...rec, hash: hashAuditRecord(rec) });
  };
  return {
    /** Must be called inside the transaction that makes the change, so both land or neither. */
    append,
    async verify(): Promise<{ rows: number; problems: ChainProblem[] }> {
      const rows = (await auditRepo.all(deps.db)).map(toRecord);
      const head = (await auditRepo.head(deps.db)) ?? null;
      return { rows: rows.length, problems: verifyChain(rows, head) };
    },
    async page(beforeSeq: number | undefined, limit: number) {
      const rows = await auditRepo.page(deps.db, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit);
      return rows.map((r) => ({
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        target: r.target,
        summary: r.summary,
        hash: r.hash,
      }));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
