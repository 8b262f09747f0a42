// Review decisions: approve (bound to the exact bytes), reject with a reason, revoke; expiry of approved content.
import type { Db } from '../../db/sqlite';
import { contentRepo, type ContentKind, type VersionRow } from '../../repos/content-repo';
import { mediaRepo } from '../../repos/media-repo';
import { versionHash } from '../../domain/content-version';
import type { Role } from '../../domain/roles';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';
import type { ContentService } from './content-service';

export type Decision = 'approve' | 'reject' | 'revoke';

/** Which content kinds a set of roles may decide on: ads → ad_reviewer, the rest (quiz questions too) → reviewer. */
export function decidableKinds(roles: readonly Role[]): ContentKind[] {
  const kinds: ContentKind[] = [];
  if (roles.includes('reviewer')) kinds.push('message', 'clip', 'quiz');
  if (roles.includes('ad_reviewer')) kinds.push('ad');
  return kinds;
}

const recomputeHash = (kind: ContentKind, v: VersionRow) =>
  versionHash({
    kind,
    title: v.title,
    body: v.body,
    fields: v.fields,
    tags: v.tags,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    durationMs: v.duration_ms,
    mediaSha256: v.media_sha256,
    speechSha256: v.speech_sha256,
    files: v.files,
  });

export function createReviewService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus; content: ContentService }) {
  return {
    async queue(roles: readonly Role[]) {
      const rows = await contentRepo.submittedQueue(deps.db, decidableKinds(roles));
      return Promise.all(rows.map(async (r) => ({ kind: r.kind, version: await deps.content.versionView(r) })));
    },

    async decide(actor: Actor & { roles: readonly Role[] }, input: { versionId: number; decision: Decision; reason?: string }) {
      const v = await contentRepo.version(deps.db, input.versionId);
      if (!v) throw new AppError(404, 'version_not_found');
      const c = (await contentRepo.find(deps.db, v.content_id))!;
      if (!decidableKinds(actor.roles).includes(c.kind)) throw new AppError(403, 'wrong_reviewer');
      if (actor.id !== null && (v.created_by === actor.id || v.submitted_by === actor.id)) throw new AppError(403, 'self_review');
      if (input.decision !== 'approve' && !input.reason?.trim()) throw new AppError(400, 'reason_required');
      const expected = input.decision === 'revoke' ? 'approved' : 'submitted';
      if (v.state !== expected) throw new AppError(409, 'bad_state', { state: v.state, action: input.decision === 'revoke' ? 'thu hồi / revoked' : 'quyết định / decided' });

      if (input.decision === 'approve') {
        // The approval binds to the exact bytes: the row must still hash to what was submitted, and every file must exist.
        const submitted = await contentRepo.lastReviewOf(deps.db, v.id, 'submitted');
        if (recomputeHash(c.kind, v) !== v.version_sha256 || submitted?.version_sha256 !== v.version_sha256) throw new AppError(409, 'integrity_failed');
        for (const sha of v.files) if (!(await mediaRepo.find(deps.db, sha))) throw new AppError(409, 'integrity_failed');
      }
      const now = deps.clock();
      await deps.db.transaction(async (tx) => {
        if (input.decision === 'approve') {
          await contentRepo.setState(tx, v.id, 'approved');
          // A newer approval supersedes; an older version is never put back in front of a newer one.
          const current = c.approved_version_id ? await contentRepo.version(tx, c.approved_version_id) : undefined;
          if (!current || current.number < v.number) await contentRepo.setApproved(tx, c.id, v.id, now);
        } else if (input.decision === 'reject') {
          await contentRepo.setState(tx, v.id, 'rejected');
        } else {
          await contentRepo.setState(tx, v.id, 'withdrawn');
          if (c.approved_version_id === v.id) await contentRepo.setApproved(tx, c.id, null, now);
        }
        const decision = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'revoked';
        await contentRepo.insertReview(tx, { version_id: v.id, decision, reason: input.reason?.trim() || null, version_sha256: v.version_sha256, files: v.files, actor_id: actor.id, decided_at: now });
        await deps.audit.append(tx, actor, { action: `review.${input.decision}`, target: `content:${c.id}`, summary: { version: v.number, versionSha256: v.version_sha256, reason: input.reason ?? null } });
      });
      void deps.bus.emit('content.changed', { contentId: c.id });
      return deps.content.version(c.id, v.number);
    },

    /** Marks approved versions whose validity ended as expired; they leave every schedule. Returns how many. */
    async expire(): Promise<number> {
      const now = deps.clock();
      const rows = await contentRepo.approvedEndingBefore(deps.db, now);
      for (const v of rows) {
        await deps.db.transaction(async (tx) => {
          await contentRepo.setState(tx, v.id, 'expired');
          const c = (await contentRepo.find(tx, v.content_id))!;
          if (c.approved_version_id === v.id) await contentRepo.setApproved(tx, c.id, null, now);
          await contentRepo.insertReview(tx, { version_id: v.id, decision: 'expired', reason: null, version_sha256: v.version_sha256, files: v.files, actor_id: null, decided_at: now });
          await deps.audit.append(tx, { id: null, name: 'system' }, { action: 'content.expire', target: `content:${v.content_id}`, summary: { version: v.number } });
        });
        void deps.bus.emit('content.changed', { contentId: v.content_id });
      }
      return rows.length;
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
