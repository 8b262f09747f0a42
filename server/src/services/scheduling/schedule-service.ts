// Schedule entries (lịch phát): what (content or playlist), where (devices, groups, kinds), when (calendar
// windows or an RRULE) and class. Refuses entries that could never play or break the rules (ads only on LED,
// speaker slot fit, at most 10,000 occurrences a day); each change recompiles only the devices it reaches.
import type { Db, Queryable } from '../../db/sqlite';
import { targetsDevice, validateSchedule, type CalendarWhen, type DeviceKind, type RruleWhen, type ScheduleIssueCode } from '../../domain/schedule/index';
import { deviceRepo } from '../../repos/device-repo';
import { groupRepo } from '../../repos/group-repo';
import { playlistRepo } from '../../repos/playlist-repo';
import { scheduleRepo, type ScheduleClass, type ScheduleFields, type ScheduleRow } from '../../repos/schedule-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { PlaylistItem } from './playlist-service';
import { checkSpeakerFit, checkWhen } from './schedule-rules';
import { loadCompileInputs, toTargetInput } from './timeline-input';
import type { TimelineChange } from './timeline-service';

export type ScheduleTarget = { deviceIds: number[]; groupIds: number[]; kinds: DeviceKind[] };
export type ScheduleWhen = CalendarWhen | RruleWhen;
export type ScheduleBody = {
  name?: string;
  class: ScheduleClass;
  contentId?: number | null;
  playlistId?: number | null;
  target: ScheduleTarget;
  when: ScheduleWhen;
  adShare?: number | null;
  adPlaysPerHour?: number | null;
  order?: number;
};
export type SchedulePatch = Partial<ScheduleBody>;
export type ScheduleView = {
  id: number;
  name: string;
  class: ScheduleClass;
  contentId: number | null;
  playlistId: number | null;
  target: ScheduleTarget;
  when: ScheduleWhen;
  adShare: number | null;
  adPlaysPerHour: number | null;
  order: number;
  createdAt: string;
  updatedAt: string;
};

export const toScheduleView = (s: ScheduleRow): ScheduleView => ({
  id: s.id,
  name: s.name,
  class: s.class,
  contentId: s.content_id,
  playlistId: s.playlist_id,
  target: s.target,
  when: s.recurrence,
  adShare: s.ad_share,
  adPlaysPerHour: s.ad_plays_per_hour,
  order: s.sort_order,
  createdAt: new Date(s.created_at).toISOString(),
  updatedAt: new Date(s.updated_at).toISOString(),
});

const list = (ids: readonly number[]) => ids.map((i) => `#${i}`).join(', ');

/** The refusals that need the database: existence, ads only on LED, speaker slot fit. */
async function validate(q: Queryable, b: ScheduleBody, now: number) {
  checkWhen(b.when);
  const t = b.target;
  if (t.deviceIds.length + t.groupIds.length + t.kinds.length === 0) throw new AppError(400, 'schedule_target_empty');
  if (b.class !== 'ads' && (b.adShare != null || b.adPlaysPerHour != null)) throw new AppError(400, 'schedule_ad_fields_not_ads');

  let items: PlaylistItem[];
  if (b.playlistId != null) {
    const p = await playlistRepo.findById(q, b.playlistId);
    if (!p) throw new AppError(404, 'playlist_not_found', { id: b.playlistId });
    items = p.items;
  } else items = [{ contentId: b.contentId! }];
  const ids = [...new Set(items.map((i) => i.contentId))];
  const kinds = await scheduleRepo.contentKinds(q, ids);
  const missing = ids.filter((id) => !kinds.some((k) => k.id === id));
  if (missing.length) throw new AppError(422, 'schedule_content_unknown', { ids: list(missing) });
  const isAd = kinds.some((k) => k.kind === 'ad');
  if (isAd !== (b.class === 'ads') || (isAd && kinds.some((k) => k.kind !== 'ad'))) throw new AppError(422, 'schedule_ad_class_mismatch');

  const liveGroups = await groupRepo.liveIds(q, t.groupIds);
  const unknownGroups = t.groupIds.filter((g) => !liveGroups.includes(g));
  if (unknownGroups.length) throw new AppError(422, 'schedule_group_unknown', { ids: list(unknownGroups) });
  const devices = await deviceRepo.findByIds(q, t.deviceIds);
  const unknownDevices = t.deviceIds.filter((d) => !devices.some((x) => x.id === d));
  if (unknownDevices.length) throw new AppError(422, 'schedule_device_unknown', { ids: list(unknownDevices) });

  if (b.class === 'ads') {
    const kind = t.kinds.find((k) => k !== 'led');
    if (kind) throw new AppError(422, 'schedule_ad_not_led', { target: kind, kind });
    const dev = devices.find((d) => d.kind !== 'led');
    if (dev) throw new AppError(422, 'schedule_ad_not_led', { target: dev.name, kind: dev.kind });
    if (t.kinds.length === 0) {
      const member = (await groupRepo.memberKinds(q, t.groupIds)).find((m) => m.kind !== 'led');
      if (member) throw new AppError(422, 'schedule_ad_not_led', { target: member.name, kind: member.kind });
    }
    return;
  }

  const inputs = await loadCompileInputs(q, now);
  // The compiler's own validation as a backstop, in its words (content not yet approved is allowed here).
  // A target with no device yet is allowed (reported as a conflict); speaker fit is checked below, naming the speaker.
  const skip: ScheduleIssueCode[] = ['unknown_content', 'speaker_overfull', 'no_target'];
  const when = b.when;
  const asInput = { id: 'new', target: toTargetInput(t), what: { contentId: String(items[0]!.contentId) }, class: b.class, when };
  const issue = validateSchedule(asInput, inputs.base.devices, inputs.base.contents, { now }).find((i) => !skip.includes(i.code));
  if (issue) throw new AppError(422, 'schedule_invalid', { vi: issue.vi, en: issue.en });
  const target = toTargetInput(t);
  const reached = inputs.base.devices.filter((d) => targetsDevice(target, d));
  const speakers = reached.filter((d) => d.kind === 'speaker');
  if (speakers.length === 0) return;
  const speech = new Map(inputs.byAudience.speaker.contents.map((c) => [c.contentId, c]));
  const audible = (id: string) => {
    const v = speech.get(id);
    return v && (v.kind === 'audio' || v.kind === 'speech') ? v : undefined;
  };
  let needed = 0;
  for (const i of items) needed += audible(String(i.contentId)) ? (i.durationMs ?? audible(String(i.contentId))!.durationMs) : 0;
  const jingle = inputs.base.jingleContentId ? audible(inputs.base.jingleContentId) : undefined;
  if (needed > 0 && jingle) needed += jingle.durationMs;
  if (needed > 0 || speakers.length === reached.length) checkSpeakerFit(speakers, b.when, needed);
}

const fieldsOf = (b: ScheduleBody): ScheduleFields => ({
  name: b.name ?? '',
  class: b.class,
  content_id: b.playlistId != null ? null : (b.contentId ?? null),
  playlist_id: b.playlistId ?? null,
  target: JSON.stringify({ deviceIds: [...new Set(b.target.deviceIds)], groupIds: [...new Set(b.target.groupIds)], kinds: [...new Set(b.target.kinds)] }),
  recurrence: JSON.stringify(b.when),
  ad_share: b.adShare ?? null,
  ad_plays_per_hour: b.adPlaysPerHour ?? null,
  sort_order: b.order ?? 0,
});

export function createScheduleService(deps: { db: Db; clock: () => number; audit: AuditService; recompile: (c: TimelineChange) => Promise<void> }) {
  const view = async (q: Queryable, id: number) => {
    const s = await scheduleRepo.findById(q, id);
    if (!s) throw new AppError(404, 'schedule_not_found', { id });
    return toScheduleView(s);
  };

  return {
    async list(): Promise<ScheduleView[]> {
      return (await scheduleRepo.listActive(deps.db)).map(toScheduleView);
    },
    get: (id: number) => view(deps.db, id),

    async create(actor: Actor, body: ScheduleBody) {
      const out = await deps.db.transaction(async (tx) => {
        await validate(tx, body, deps.clock());
        const id = await scheduleRepo.insert(tx, fieldsOf(body), actor.id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'schedule.create', target: `schedule:${id}`, summary: { class: body.class, target: body.target } });
        return view(tx, id);
      });
      await deps.recompile({ type: 'schedule', scheduleId: out.id });
      return out;
    },

    async update(actor: Actor, id: number, patch: SchedulePatch) {
      let beforeTarget: ScheduleTarget | undefined;
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        beforeTarget = before.target;
        const switched = patch.contentId != null || patch.playlistId != null;
        const merged: ScheduleBody = {
          name: patch.name ?? before.name,
          class: patch.class ?? before.class,
          contentId: switched ? (patch.contentId ?? null) : before.contentId,
          playlistId: switched ? (patch.playlistId ?? null) : before.playlistId,
          target: patch.target ?? before.target,
          when: patch.when ?? before.when,
          adShare: patch.adShare !== undefined ? patch.adShare : before.adShare,
          adPlaysPerHour: patch.adPlaysPerHour !== undefined ? patch.adPlaysPerHour : before.adPlaysPerHour,
          order: patch.order ?? before.order,
        };
        await validate(tx, merged, deps.clock());
        await scheduleRepo.update(tx, id, fieldsOf(merged), deps.clock());
        await deps.audit.append(tx, actor, { action: 'schedule.update', target: `schedule:${id}`, summary: { changed: Object.keys(patch) } });
        return view(tx, id);
      });
      await deps.recompile({ type: 'schedule', scheduleId: id, beforeTarget });
      return out;
    },

    async remove(actor: Actor, id: number) {
      const before = await deps.db.transaction(async (tx) => {
        const b = await view(tx, id);
        await scheduleRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'schedule.delete', target: `schedule:${id}`, summary: { name: b.name, class: b.class } });
        return b;
      });
      await deps.recompile({ type: 'schedule', scheduleId: id, beforeTarget: before.target });
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
