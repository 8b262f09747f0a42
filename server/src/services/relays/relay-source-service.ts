// Relay sources (nguồn tiếp âm): admins keep the list of external streams a ward may relay to its
// loudspeakers; a reviewer of the culture–social office approves each one, and again after its URL or its
// "allow private addresses" flag changes. Only the APPROVED URL is ever schedulable: a change waits for its
// own approval while the approved URL stays on air (see migration 0020 for the columns). Every save runs
// the SSRF guard (domain/relay-url.ts) first, so a refused URL writes nothing.
import type { Db, Queryable } from '../../db/sqlite';
import type { AddressKind, RelayUrlCheck } from '../../domain/relay-url';
import type { MessageCode } from '../../http/messages';
import { relaySourceRepo, type RelaySourceListRow, type RelaySourceState } from '../../repos/relay-source-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { RelayUrlGuard } from './relay-url-guard';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export type Person = { id: number; name: string };
export type RelaySourceView = {
  id: number;
  name: string;
  /** The current URL: what waits for review when `state` is submitted. */
  url: string;
  allowPrivate: boolean;
  state: RelaySourceState;
  /** The approved URL, the only one the scheduler may pull; null until a first approval. */
  approved: { url: string; allowPrivate: boolean; by: Person | null; at: string } | null;
  createdBy: Person | null;
  createdAt: string;
  submittedBy: Person | null;
  submittedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  reason: string | null;
  updatedAt: string;
};
export type RelaySourceInput = { name: string; url: string; allowPrivate?: boolean };
export type RelayDecision = { decision: 'approve' | 'reject'; reason?: string; url?: string };
/** What the scheduler and the puller may use: the approved URL, never a pending one. */
export type ApprovedRelaySource = { id: number; name: string; url: string; allowPrivate: boolean };

const person = (id: number | null, name: string | null): Person | null => (id === null ? null : { id, name: name ?? '' });

const view = (r: RelaySourceListRow): RelaySourceView => ({
  id: r.id,
  name: r.name,
  url: r.url,
  allowPrivate: r.allow_private === 1,
  state: r.state,
  approved:
    r.approved_url === null
      ? null
      : { url: r.approved_url, allowPrivate: r.approved_allow_private === 1, by: person(r.approved_by, r.approved_by_name), at: iso(r.approved_at)! },
  createdBy: person(r.created_by, r.created_by_name),
  createdAt: iso(r.created_at)!,
  submittedBy: person(r.submitted_by, r.submitted_by_name),
  submittedAt: iso(r.submitted_at)!,
  decidedBy: person(r.decided_by, r.decided_by_name),
  decidedAt: iso(r.decided_at),
  reason: r.reason,
  updatedAt: iso(r.updated_at)!,
});

const KIND_MESSAGES: Record<AddressKind, MessageCode> = {
  public: 'relay_addr_public',
  private: 'relay_addr_private',
  loopback: 'relay_addr_loopback',
  'link-local': 'relay_addr_link_local',
  unspecified: 'relay_addr_unspecified',
  multicast: 'relay_addr_multicast',
  reserved: 'relay_addr_reserved',
};

/** A refusal of the guard as the API's error: 422 with the code, and the address and its kind when known. */
export function relayUrlError(r: Extract<RelayUrlCheck, { ok: false }>): AppError {
  const extra = { ...(r.address ? { address: r.address } : {}), ...(r.kind ? { addressKind: r.kind } : {}) };
  return new AppError(422, r.code, { host: r.host ?? '', address: r.address ?? r.host ?? '' }, extra, r.kind ? { kind: { code: KIND_MESSAGES[r.kind] } } : {});
}

export function createRelaySourceService(deps: { db: Db; clock: () => number; audit: AuditService; guard: RelayUrlGuard }) {
  /** The normalised URL, or the guard's refusal thrown before anything is written. */
  const checked = async (url: string, allowPrivate: boolean) => {
    const r = await deps.guard(url, { allowPrivate });
    if (!r.ok) throw relayUrlError(r);
    return r.url.href;
  };
  const find = async (q: Queryable, id: number) => {
    const r = await relaySourceRepo.findNamed(q, id);
    if (!r) throw new AppError(404, 'relay_source_not_found', { id });
    return r;
  };
  const nameFree = async (q: Queryable, name: string, exceptId?: number) => {
    if (await relaySourceRepo.findByName(q, name, exceptId)) throw new AppError(409, 'relay_source_name_taken', { name });
  };
  const reread = async (q: Queryable, id: number) => view((await relaySourceRepo.findNamed(q, id))!);
  const approvedSource = async (id: number): Promise<ApprovedRelaySource | undefined> => {
    const s = await relaySourceRepo.findById(deps.db, id);
    if (!s || s.approved_url === null) return undefined;
    return { id: s.id, name: s.name, url: s.approved_url, allowPrivate: s.approved_allow_private === 1 };
  };

  return {
    async list(): Promise<RelaySourceView[]> {
      return (await relaySourceRepo.list(deps.db)).map(view);
    },
    async get(id: number): Promise<RelaySourceView> {
      return view(await find(deps.db, id));
    },

    /** A new source: it waits for a reviewer before it can be scheduled. */
    async create(actor: Actor, input: RelaySourceInput): Promise<RelaySourceView> {
      const allowPrivate = input.allowPrivate ?? false;
      const url = await checked(input.url, allowPrivate);
      return deps.db.transaction(async (tx) => {
        await nameFree(tx, input.name);
        const id = await relaySourceRepo.insert(tx, { name: input.name, url, allowPrivate, actorId: actor.id, now: deps.clock() });
        await deps.audit.append(tx, actor, { action: 'relay_source.create', target: `relay_source:${id}`, summary: { name: input.name, url, allowPrivate } });
        return reread(tx, id);
      });
    },

    /**
     * An edit. A new URL or flag waits for review again (the approved URL stays on air); a change back to the
     * approved pair is approved again; a rename alone needs no review, except that saving a rejected source
     * submits it again (as a rejected layout saved again is a new version). An omitted allowPrivate keeps its value.
     */
    async update(actor: Actor, id: number, input: RelaySourceInput): Promise<RelaySourceView> {
      const before = await find(deps.db, id);
      const allowPrivate = input.allowPrivate ?? before.allow_private === 1;
      const unchanged = input.url === before.url && allowPrivate === (before.allow_private === 1) && before.state !== 'rejected';
      const url = unchanged ? before.url : await checked(input.url, allowPrivate);
      return deps.db.transaction(async (tx) => {
        const current = await find(tx, id);
        // Another admin changed the URL while this one was being checked: the check was of the wrong change.
        if (current.url !== before.url || current.allow_private !== before.allow_private) throw new AppError(409, 'relay_source_changed');
        await nameFree(tx, input.name, id);
        const now = deps.clock();
        if (input.name !== current.name) await relaySourceRepo.rename(tx, id, input.name, now);
        const changed = url !== current.url || allowPrivate !== (current.allow_private === 1);
        const backToApproved = changed && url === current.approved_url && (allowPrivate ? 1 : 0) === current.approved_allow_private;
        const resubmitted = !backToApproved && (changed || current.state === 'rejected');
        if (backToApproved) await relaySourceRepo.restoreApproved(tx, id, now);
        else if (resubmitted) await relaySourceRepo.resubmit(tx, { id, url, allowPrivate, actorId: actor.id, now });
        await deps.audit.append(tx, actor, {
          action: 'relay_source.update',
          target: `relay_source:${id}`,
          summary: {
            name: input.name,
            url,
            allowPrivate,
            resubmitted,
            ...(changed ? { previousUrl: current.url, previousAllowPrivate: current.allow_private === 1 } : {}),
          },
        });
        return reread(tx, id);
      });
    },

    /**
     * A reviewer approves or rejects the waiting URL; approving makes it the one on air. Nobody decides on a
     * source they added or last changed. `url`, when given, must be the URL the reviewer saw.
     */
    async decide(actor: Actor, id: number, d: RelayDecision): Promise<RelaySourceView> {
      return deps.db.transaction(async (tx) => {
        const s = await find(tx, id);
        if (actor.id !== null && (s.created_by === actor.id || s.submitted_by === actor.id)) throw new AppError(403, 'relay_source_self_review');
        if (s.state !== 'submitted') throw new AppError(409, 'relay_source_not_waiting', { state: s.state });
        if (d.url !== undefined && d.url !== s.url) throw new AppError(409, 'relay_source_changed');
        const reason = d.reason?.trim() || null;
        const now = deps.clock();
        if (d.decision === 'approve') await relaySourceRepo.approve(tx, { id, actorId: actor.id, reason, now });
        else {
          if (!reason) throw new AppError(422, 'relay_reject_reason');
          await relaySourceRepo.reject(tx, { id, actorId: actor.id, reason, now });
        }
        await deps.audit.append(tx, actor, {
          action: d.decision === 'approve' ? 'relay_source.approve' : 'relay_source.reject',
          target: `relay_source:${id}`,
          summary: { name: s.name, url: s.url, allowPrivate: s.allow_private === 1, ...(reason ? { reason } : {}) },
        });
        return reread(tx, id);
      });
    },

    /** Soft delete: the row stays for history, the name is free again, nothing can schedule it. */
    async remove(actor: Actor, id: number): Promise<void> {
      await deps.db.transaction(async (tx) => {
        const s = await find(tx, id);
        await relaySourceRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'relay_source.delete', target: `relay_source:${id}`, summary: { name: s.name, url: s.url } });
      });
    },

    /** The approved URL of a source not deleted (not a pending one), or undefined: for the scheduler. */
    approvedSource,

    /**
     * For the puller, right before it connects: the approved source checked again (names may resolve
     * elsewhere now), with the addresses to connect to. undefined when nothing is approved.
     */
    async checkApproved(id: number): Promise<(RelayUrlCheck & { source: ApprovedRelaySource }) | undefined> {
      const source = await approvedSource(id);
      if (!source) return undefined;
      return { ...(await deps.guard(source.url, { allowPrivate: source.allowPrivate })), source };
    },
  };
}
export type RelaySourceService = ReturnType<typeof createRelaySourceService>;
