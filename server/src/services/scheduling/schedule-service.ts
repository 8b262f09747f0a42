// Schedule entries (lịch phát): what (content or playlist), where (devices, groups, kinds), when (calendar
// windows or an RRULE) and class. Refuses entries that could never play or break the rules (ads only on LED,
// speaker slot fit, at most 10,000 occurrences a day); each change recompiles only the devices it reaches.
import type { Db, Queryable } from '../../db/sqlite';
import { validateSchedule, type CalendarWhen, type DeviceKind, type RruleWhen, type ScheduleInput, type ScheduleIssue, type ScheduleIssueCode } from '../../domain/schedule/index';
import type { MessageCode } from '../../http/messages';
import { groupRepo } from '../../repos/group-repo';
import { playlistRepo } from '../../repos/playlist-repo';
import { relayRepo } from '../../repos/relay-repo';
import { scheduleRepo, type ScheduleClass, type ScheduleFields, type ScheduleRow } from '../../repos/schedule-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { PlaylistItem } from './playlist-service';
import { loadCompileInputs, toTargetInput } from './timeline-input';
import type { EventBus } from '../event-bus';

export type ScheduleTarget = { deviceIds: number[]; groupIds: number[]; kinds: DeviceKind[] };
export type ScheduleWhen = CalendarWhen | RruleWhen;
export type ScheduleBody = {
  name?: string;
  class: ScheduleClass;
  contentId?: number | null;
  playlistId?: number | null;
  relaySourceId?: number | null;
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
  relaySourceId: number | null;
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
  relaySourceId: s.relay_source_id,
  target: s.target,
  when: s.recurrence,
  adShare: s.ad_share,
  adPlaysPerHour: s.ad_plays_per_hour,
  order: s.sort_order,
  createdAt: new Date(s.created_at).toISOString(),
  updatedAt: new Date(s.updated_at).toISOString(),
});

/** How the API words each refusal (http/messages.ts); the rest answer 422 schedule_invalid in the validator's words. */
const REFUSALS: Partial<Record<ScheduleIssueCode, { status: 400 | 404 | 422; code: MessageCode }>> = {
  end_before_start: { status: 400, code: 'schedule_end_before_start' },
  zero_length_window: { status: 400, code: 'schedule_zero_window' },
  rrule_no_dtstart: { status: 400, code: 'schedule_rrule_invalid' },
  rrule_invalid: { status: 400, code: 'schedule_rrule_invalid' },
  too_many_occurrences: { status: 400, code: 'schedule_too_many_occurrences' },
  target_empty: { status: 400, code: 'schedule_target_empty' },
  ad_fields_not_ads: { status: 400, code: 'schedule_ad_fields_not_ads' },
  unknown_playlist: { status: 404, code: 'playlist_not_found' },
  unknown_content: { status: 422, code: 'schedule_content_unknown' },
  ad_class_mismatch: { status: 422, code: 'schedule_ad_class_mismatch' },
  unknown_group: { status: 422, code: 'schedule_group_unknown' },
  unknown_device: { status: 422, code: 'schedule_device_unknown' },
  ad_not_led: { status: 422, code: 'schedule_ad_not_led' },
  quiz_not_kiosk: { status: 422, code: 'schedule_quiz_not_kiosk' },
  quiz_in_playlist: { status: 422, code: 'schedule_quiz_in_playlist' },
  speaker_overfull: { status: 422, code: 'schedule_speaker_too_long' },
  speaker_outside_slots: { status: 422, code: 'schedule_speaker_outside_slots' },
  speaker_window_outside_slot: { status: 422, code: 'schedule_speaker_window_outside_slot' },
  speaker_window_too_short: { status: 422, code: 'schedule_speaker_window_too_short' },
};

function refusal(i: ScheduleIssue): AppError {
  // An RRULE that never produces anything is malformed; one with nothing in the coming days (params.days) breaks a rule.
  if (i.code === 'rrule_empty') return i.params?.days === undefined ? new AppError(400, 'schedule_rrule_empty') : new AppError(422, 'schedule_invalid', { vi: i.vi, en: i.en });
  const r = REFUSALS[i.code];
  return r ? new AppError(r.status, r.code, i.params) : new AppError(422, 'schedule_invalid', { vi: i.vi, en: i.en });
}

/** Loads what the entry names and the devices it may reach, then refuses it with the validator's first reason. */
async function validate(q: Queryable, b: ScheduleBody, now: number) {
  if (b.relaySourceId != null) return validateRelay(q, b, now);
  const p = b.playlistId != null ? await playlistRepo.findById(q, b.playlistId) : undefined;
  const items: PlaylistItem[] = b.playlistId != null ? (p?.items ?? []) : [{ contentId: b.contentId! }];
  const [kinds, liveGroups, inputs] = await Promise.all([
    scheduleRepo.contentKinds(q, [...new Set(items.map((i) => i.contentId))]),
    groupRepo.liveIds(q, b.target.groupIds),
    loadCompileInputs(q, now),
  ]);
  const speech = inputs.byAudience.speaker.contents;
  const jingle = speech.find((c) => c.contentId === inputs.base.jingleContentId && (c.kind === 'audio' || c.kind === 'speech'));
  const entry: ScheduleInput = {
    id: 'new',
    target: toTargetInput(b.target),
    what: b.playlistId != null ? { playlistId: String(b.playlistId) } : { contentId: String(b.contentId) },
    class: b.class,
    when: b.when,
    ...(b.adShare != null ? { adShare: b.adShare } : {}),
    ...(b.adPlaysPerHour != null ? { adPlaysPerHour: b.adPlaysPerHour } : {}),
  };
  const playlists = p ? [{ id: String(p.id), items: items.map((i) => ({ ...i, contentId: String(i.contentId) })) }] : [];
  const store = { contentKinds: new Map(kinds.map((k) => [String(k.id), k.kind])), liveGroupIds: new Set(liveGroups.map(String)) };
  const [first] = validateSchedule(entry, inputs.base.devices, speech, { now, playlists, jingleDurationMs: jingle?.durationMs, store });
  if (first) throw refusal(first);
}

/** A relay plays in its own windows (they are its broadcast slots), so the loudspeaker slot rules do not apply. */
const RELAY_EXEMPT: ReadonlySet<ScheduleIssueCode> = new Set(['speaker_overfull', 'speaker_outside_slots', 'speaker_window_outside_slot', 'speaker_window_too_short']);

/**
 * A relay entry: its source approved (the approved URL is what will be pulled), class normal or priority (a relay
 * is neither an ad nor a fallback), and the form, target and dates checked like any entry.
 */
async function validateRelay(q: Queryable, b: ScheduleBody, now: number) {
  if (b.class !== 'normal' && b.class !== 'priority') throw new AppError(422, 'schedule_relay_class');
  const source = await relayRepo.findApproved(q, b.relaySourceId!);
  if (!source) throw new AppError(422, 'schedule_relay_not_approved', { id: b.relaySourceId! });
  const [liveGroups, inputs] = await Promise.all([groupRepo.liveIds(q, b.target.groupIds), loadCompileInputs(q, now)]);
  const entry: ScheduleInput = { id: 'new', target: toTargetInput(b.target), what: { contentId: 'relay:new' }, class: b.class, when: b.when };
  const store = { contentKinds: new Map([['relay:new', 'clip' as const]]), liveGroupIds: new Set(liveGroups.map(String)) };
  const issues = validateSchedule(entry, inputs.base.devices, inputs.byAudience.speaker.contents, { now, playlists: [], store });
  const first = issues.find((i) => !RELAY_EXEMPT.has(i.code));
  if (first) throw refusal(first);
}

const fieldsOf = (b: ScheduleBody): ScheduleFields => ({
  name: b.name ?? '',
  class: b.class,
  content_id: b.playlistId != null || b.relaySourceId != null ? null : (b.contentId ?? null),
  playlist_id: b.relaySourceId != null ? null : (b.playlistId ?? null),
  relay_source_id: b.relaySourceId ?? null,
  target: JSON.stringify({ deviceIds: [...new Set(b.target.deviceIds)], groupIds: [...new Set(b.target.groupIds)], kinds: [...new Set(b.target.kinds)] }),
  recurrence: JSON.stringify(b.when),
  ad_share: b.adShare ?? null,
  ad_plays_per_hour: b.adPlaysPerHour ?? null,
  sort_order: b.order ?? 0,
});

export function createScheduleService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus }) {
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
      await deps.bus.emit('schedule.changed', { scheduleId: out.id });
      return out;
    },

    async update(actor: Actor, id: number, patch: SchedulePatch) {
      let beforeTarget: ScheduleTarget | undefined;
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        beforeTarget = before.target;
        const switched = patch.contentId != null || patch.playlistId != null || patch.relaySourceId != null;
        const merged: ScheduleBody = {
          name: patch.name ?? before.name,
          class: patch.class ?? before.class,
          contentId: switched ? (patch.contentId ?? null) : before.contentId,
          playlistId: switched ? (patch.playlistId ?? null) : before.playlistId,
          relaySourceId: switched ? (patch.relaySourceId ?? null) : before.relaySourceId,
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
      await deps.bus.emit('schedule.changed', { scheduleId: id, beforeTarget });
      return out;
    },

    async remove(actor: Actor, id: number) {
      const before = await deps.db.transaction(async (tx) => {
        const b = await view(tx, id);
        await scheduleRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'schedule.delete', target: `schedule:${id}`, summary: { name: b.name, class: b.class } });
        return b;
      });
      await deps.bus.emit('schedule.changed', { scheduleId: id, beforeTarget: before.target });
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
