// Screen layouts (bố cục màn hình): editors draw them, a reviewer of the culture–social office approves each
// version, and staff assign them to devices or groups. What a device receives is the APPROVED version of its
// layout: an edit waits for its own approval while the approved version stays on air.
import { createHash } from 'node:crypto';
import { canonicalJson, layoutProblems, normalizeLayout, type LayoutBody, type LayoutProblem } from '@bantin/protocol/core';
import type { Db, Queryable } from '../../db/sqlite';
import { layoutRepo, type LayoutRow, type LayoutVersionRow } from '../../repos/layout-repo';
import { contentRepo } from '../../repos/content-repo';
import { deviceRepo } from '../../repos/device-repo';
import { groupRepo } from '../../repos/group-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export type LayoutVersionView = {
  id: number;
  number: number;
  state: LayoutVersionRow['state'];
  body: LayoutBody;
  sha256: string;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
};
export type LayoutView = {
  id: number;
  name: string;
  system: boolean;
  /** The version devices receive, or null until one is approved. */
  approved: LayoutVersionView | null;
  /** The newest version (equal to `approved` when nothing waits). */
  latest: LayoutVersionView | null;
  assigned: { devices: number; groups: number };
};
export type LayoutInput = { name: string } & LayoutBody;
export type LayoutTarget = { deviceId: number } | { groupId: number };

const versionView = (v: LayoutVersionRow): LayoutVersionView => ({
  id: v.id,
  number: v.number,
  state: v.state,
  body: v.body,
  sha256: v.body_sha256,
  createdAt: iso(v.created_at)!,
  decidedAt: iso(v.decided_at),
  reason: v.reason,
});

/** The layout's problems as one readable list for the error message ("main_count; region_outside (ticker)"). */
const describe = (problems: LayoutProblem[]) => problems.map((p) => (p.region ? `${p.code} (${p.region})` : p.code)).join('; ');

export function createLayoutService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus }) {
  const view = async (q: Queryable, l: LayoutRow): Promise<LayoutView> => {
    const versions = await layoutRepo.versions(q, l.id);
    const byId = (id: number | null) => versions.find((v) => v.id === id);
    const assignments = (await layoutRepo.assignments(q)).filter((a) => a.layout_id === l.id);
    const approved = byId(l.approved_version_id);
    const latest = byId(l.latest_version_id);
    return {
      id: l.id,
      name: l.name,
      system: l.system_key !== null,
      approved: approved ? versionView(approved) : null,
      latest: latest ? versionView(latest) : null,
      assigned: { devices: assignments.filter((a) => a.device_id !== null).length, groups: assignments.filter((a) => a.group_id !== null).length },
    };
  };
  const find = async (q: Queryable, id: number) => {
    const l = await layoutRepo.findById(q, id);
    if (!l) throw new AppError(404, 'layout_not_found', { id });
    return l;
  };
  /** Checks the rules and that banner / image regions name existing content; returns the canonical text and its hash. */
  const prepare = async (q: Queryable, input: LayoutBody) => {
    const body = normalizeLayout(input);
    const problems = layoutProblems(body);
    if (problems.length) throw new AppError(422, 'layout_invalid', { problems: describe(problems) }, { problems });
    for (const r of body.regions) {
      if (r.contentId === undefined) continue;
      const c = await contentRepo.find(q, r.contentId);
      if (!c || (c.kind !== 'message' && c.kind !== 'clip')) throw new AppError(422, 'layout_content_unknown', { id: r.contentId, region: r.id });
    }
    const text = canonicalJson(body);
    return { text, sha256: createHash('sha256').update(text).digest('hex') };
  };
  /** Devices whose layout may have changed when this layout changes: its own devices and its groups' members. */
  const reached = async (q: Queryable, layoutId: number) => {
    const ids = new Set<number>();
    for (const a of await layoutRepo.assignments(q)) {
      if (a.layout_id !== layoutId) continue;
      if (a.device_id !== null) ids.add(a.device_id);
      if (a.group_id !== null) for (const d of await groupRepo.memberIds(q, a.group_id)) ids.add(d);
    }
    return [...ids];
  };
  const changed = async (layoutId: number) => {
    await deps.bus.emit('layout.changed', { layoutId, deviceIds: await reached(deps.db, layoutId) });
  };

  return {
    async list(): Promise<LayoutView[]> {
      const out: LayoutView[] = [];
      for (const l of await layoutRepo.list(deps.db)) out.push(await view(deps.db, l));
      return out;
    },
    async get(id: number): Promise<LayoutView & { versions: LayoutVersionView[] }> {
      const l = await find(deps.db, id);
      return { ...(await view(deps.db, l)), versions: (await layoutRepo.versions(deps.db, id)).map(versionView) };
    },

    /** A new layout: its first version waits for a reviewer. */
    async create(actor: Actor, input: LayoutInput): Promise<LayoutView> {
      const { name, ...body } = input;
      return deps.db.transaction(async (tx) => {
        const prepared = await prepare(tx, body);
        const now = deps.clock();
        const id = await layoutRepo.insert(tx, { name, createdBy: actor.id!, now });
        await layoutRepo.addVersion(tx, { layoutId: id, body: prepared.text, sha256: prepared.sha256, createdBy: actor.id!, now });
        await deps.audit.append(tx, actor, { action: 'layout.create', target: `layout:${id}`, summary: { name, regions: body.regions.length, sha256: prepared.sha256 } });
        return view(tx, (await layoutRepo.findById(tx, id))!);
      });
    },

    /** An edit: a new version submitted for review (the approved one stays on air); a rename alone needs none. */
    async update(actor: Actor, id: number, input: LayoutInput): Promise<LayoutView> {
      const { name, ...body } = input;
      return deps.db.transaction(async (tx) => {
        const l = await find(tx, id);
        if (l.system_key !== null) throw new AppError(409, 'layout_system', { id });
        const prepared = await prepare(tx, body);
        const latest = l.latest_version_id === null ? undefined : await layoutRepo.versionById(tx, l.latest_version_id);
        const now = deps.clock();
        if (name !== l.name) await layoutRepo.rename(tx, id, name, now);
        const newVersion = latest?.body_sha256 !== prepared.sha256 || latest.state === 'rejected';
        if (newVersion) await layoutRepo.addVersion(tx, { layoutId: id, body: prepared.text, sha256: prepared.sha256, createdBy: actor.id!, now });
        await deps.audit.append(tx, actor, {
          action: 'layout.update',
          target: `layout:${id}`,
          summary: { name, newVersion, sha256: prepared.sha256 },
        });
        return view(tx, (await layoutRepo.findById(tx, id))!);
      });
    },

    /** A reviewer approves or rejects one waiting version; approving puts it on air. */
    async decide(actor: Actor, id: number, versionId: number, d: { decision: 'approve' | 'reject'; reason?: string }): Promise<LayoutView> {
      const out = await deps.db.transaction(async (tx) => {
        await find(tx, id);
        const v = await layoutRepo.versionById(tx, versionId);
        if (!v || v.layout_id !== id) throw new AppError(404, 'layout_version_not_found', { id, versionId });
        if (v.state !== 'submitted') throw new AppError(409, 'layout_not_waiting', { number: v.number, state: v.state });
        if (d.decision === 'reject' && !d.reason?.trim()) throw new AppError(422, 'layout_reject_reason');
        const approve = d.decision === 'approve';
        await layoutRepo.decide(tx, { versionId, layoutId: id, approve, reason: d.reason?.trim() || null, actorId: actor.id!, now: deps.clock() });
        await deps.audit.append(tx, actor, {
          action: approve ? 'layout.approve' : 'layout.reject',
          target: `layout:${id}`,
          summary: { version: v.number, sha256: v.body_sha256, ...(d.reason ? { reason: d.reason } : {}) },
        });
        return view(tx, (await layoutRepo.findById(tx, id))!);
      });
      if (d.decision === 'approve') await changed(id);
      return out;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await deps.db.transaction(async (tx) => {
        const l = await find(tx, id);
        if (l.system_key !== null) throw new AppError(409, 'layout_system', { id });
        const count = await layoutRepo.countAssigned(tx, id);
        if (count > 0) throw new AppError(409, 'layout_in_use', { count });
        await layoutRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'layout.delete', target: `layout:${id}`, summary: { name: l.name } });
      });
    },

    /** Sets or clears (null) the layout of a device or a group. */
    async assign(actor: Actor, target: LayoutTarget, layoutId: number | null): Promise<void> {
      const deviceIds = await deps.db.transaction(async (tx) => {
        if (layoutId !== null) await find(tx, layoutId);
        let members: number[];
        if ('deviceId' in target) {
          const d = await deviceRepo.findById(tx, target.deviceId);
          if (!d) throw new AppError(404, 'device_not_found', { id: target.deviceId });
          if (d.kind !== 'led' && d.kind !== 'kiosk') throw new AppError(422, 'layout_not_for_kind', { kind: d.kind });
          members = [d.id];
        } else {
          if (!(await groupRepo.findById(tx, target.groupId))) throw new AppError(404, 'group_not_found', { id: target.groupId });
          members = await groupRepo.memberIds(tx, target.groupId);
        }
        await layoutRepo.assign(tx, { target, layoutId, actorId: actor.id!, now: deps.clock() });
        await deps.audit.append(tx, actor, {
          action: 'layout.assign',
          target: 'deviceId' in target ? `device:${target.deviceId}` : `group:${target.groupId}`,
          summary: { layoutId },
        });
        return members;
      });
      if (layoutId !== null || deviceIds.length) await deps.bus.emit('layout.changed', { layoutId, deviceIds });
    },

    async assignments() {
      return (await layoutRepo.assignments(deps.db)).map((a) => ({
        layoutId: a.layout_id,
        deviceId: a.device_id,
        groupId: a.group_id,
        assignedAt: iso(a.assigned_at)!,
      }));
    },

    /** The approved layout a device shows, or null (full screen). */
    async forDevice(deviceId: number): Promise<{ layoutId: number; versionId: number; body: LayoutBody } | null> {
      const layoutId = await layoutRepo.layoutIdForDevice(deps.db, deviceId);
      if (layoutId === null) return null;
      const l = await layoutRepo.findById(deps.db, layoutId);
      if (!l || l.approved_version_id === null) return null;
      const v = await layoutRepo.versionById(deps.db, l.approved_version_id);
      return v ? { layoutId, versionId: v.id, body: v.body } : null;
    },
  };
}
export type LayoutService = ReturnType<typeof createLayoutService>;
