// Loads the timeline compiler's inputs from SQLite and maps rows to its plain-data types.
//
// A content version can be two things at once: a text slide on screens and Vietnamese speech on speakers.
// The compiler takes one media kind per version, so screens and speakers are compiled from two inputs that
// differ only in how versions are mapped (and in the fallback each kind uses).
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/sqlite';
import type {
  AlertInput,
  AnnouncementInput,
  CompileInput,
  ContentVersionInput,
  DeviceInput,
  DeviceKind,
  PlaylistInput,
  ScheduleInput,
  TargetInput,
} from '../../domain/schedule/index';
import type { LayoutBody, MediaRef } from '../../domain/schedule/protocol';
import type { QuizVersionInput } from '../../domain/schedule/quiz';
import { deviceRepo } from '../../repos/device-repo';
import { groupRepo } from '../../repos/group-repo';
import { layoutRepo } from '../../repos/layout-repo';
import { playlistRepo } from '../../repos/playlist-repo';
import { scheduleRepo, type ScheduleRow } from '../../repos/schedule-repo';
import { timelineRepo, type AlertRow, type PlayableVersionRow } from '../../repos/timeline-repo';
import { relayRepo, type ApprovedRelayRow } from '../../repos/relay-repo';
import { liveSha256 } from '@bantin/protocol/core';

export type Audience = 'screen' | 'speaker';

export interface LoadedInputs {
  /** All devices, screen mapping of contents, every fallback: for targeting and affected-device questions. */
  base: CompileInput;
  byAudience: Record<Audience, CompileInput>;
  versions: PlayableVersionRow[];
  scheduleRows: ScheduleRow[];
  /**
   * Quiz questions for kiosks: their schedules (kept out of `byAudience`, so nothing plays them as slides;
   * still in `base`, so a change to them finds the kiosks it affects) and their approved versions.
   */
  quiz: { schedules: ScheduleInput[]; versions: QuizVersionInput[] };
  /** Screens with an approved layout, by device id. */
  layouts: Map<string, { layoutId: number; versionId: number; body: LayoutBody }>;
}

export const mediaUrl = (sha256: string) => `/api/device/media/${sha256}`;
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const ref = (sha256: string, mime: string | null, size: number | null): MediaRef => ({
  sha256,
  mime: mime ?? 'application/octet-stream',
  size: size ?? 0,
  url: mediaUrl(sha256),
});

type StoredTarget = { deviceIds?: number[]; groupIds?: number[]; kinds?: DeviceKind[]; all?: boolean };

export function toTargetInput(t: StoredTarget): TargetInput {
  if (t.all) return { deviceIds: [], groupIds: [], kinds: ['led', 'kiosk', 'speaker'] };
  return { deviceIds: (t.deviceIds ?? []).map(String), groupIds: (t.groupIds ?? []).map(String), kinds: t.kinds ?? [] };
}

/** The content id a relay entry plays: its live item (one per entry, so each relay is its own feed). */
export const relayContentId = (scheduleId: number) => `relay:${scheduleId}`;

export function toScheduleInput(s: ScheduleRow): ScheduleInput {
  const what: ScheduleInput['what'] =
    s.relay_source_id !== null
      ? { contentId: relayContentId(s.id) }
      : s.content_id !== null
        ? { contentId: String(s.content_id) }
        : { playlistId: String(s.playlist_id) };
  const out: ScheduleInput = { id: String(s.id), target: toTargetInput(s.target), what, class: s.class, when: s.recurrence, order: s.sort_order };
  if (s.relay_source_id !== null) out.live = true;
  if (s.ad_share !== null) out.adShare = s.ad_share;
  if (s.ad_plays_per_hour !== null) out.adPlaysPerHour = s.ad_plays_per_hour;
  return out;
}

const STYLES = ['led', 'kiosk', 'ticker'] as const;
const textStyle = (fields: Record<string, unknown>): (typeof STYLES)[number] => STYLES.find((s) => s === fields.style) ?? 'led';

/** One approved version as the compiler sees it for screens or for speakers. */
export function toVersionInput(v: PlayableVersionRow, audience: Audience): ContentVersionInput {
  const base = {
    contentId: String(v.content_id),
    versionId: String(v.version_id),
    state: 'approved' as const,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    isAd: v.content_kind === 'ad',
  };
  if (audience === 'speaker' && v.speech_sha256) {
    const durationMs = v.speech_duration_ms ?? v.duration_ms;
    return { ...base, sha256: v.speech_sha256, kind: 'speech', durationMs, media: [ref(v.speech_sha256, v.speech_mime, v.speech_size)] };
  }
  if (v.media_sha256 && v.media_kind && v.media_kind !== 'document') {
    const durationMs = v.media_kind === 'image' ? v.duration_ms : (v.media_duration_ms ?? v.duration_ms);
    return { ...base, sha256: v.media_sha256, kind: v.media_kind, durationMs, media: [ref(v.media_sha256, v.media_mime, v.media_size)] };
  }
  const text = { title: v.title, body: v.body, style: textStyle(v.fields) };
  return { ...base, sha256: sha256Hex(JSON.stringify(text)), kind: 'text', durationMs: v.duration_ms, media: [], text };
}

/** An approved quiz version as the quiz compiler takes it (its question is the version's body). */
export function toQuizVersionInput(v: PlayableVersionRow): QuizVersionInput {
  const f = v.fields;
  return {
    contentId: String(v.content_id),
    versionId: String(v.version_id),
    title: v.title,
    question: v.body,
    answers: Array.isArray(f.answers) ? f.answers.filter((a): a is string => typeof a === 'string') : [],
    correctIndex: typeof f.correctIndex === 'number' ? f.correctIndex : -1,
    explanation: typeof f.explanation === 'string' ? f.explanation : '',
    articleUrl: typeof f.articleUrl === 'string' ? f.articleUrl : '',
    state: 'approved',
    validFrom: v.valid_from,
    validTo: v.valid_to,
  };
}

function toAlertInput(a: AlertRow): AlertInput {
  const id = `alert:${a.id}`;
  const text = { title: 'CẢNH BÁO KHẨN CẤP', body: a.text, style: 'led' as const };
  const common = { contentId: id, versionId: id, state: 'approved' as const, validFrom: null, validTo: null, isAd: false };
  const item: ContentVersionInput = { ...common, sha256: sha256Hex(JSON.stringify(text)), kind: 'text', durationMs: 15_000, media: [], text };
  const audio = a.speech_sha256
    ? { sha: a.speech_sha256, mime: a.speech_mime, size: a.speech_size, ms: a.speech_duration_ms, kind: 'speech' as const }
    : a.audio_sha256
      ? { sha: a.audio_sha256, mime: a.audio_mime, size: a.audio_size, ms: a.audio_duration_ms, kind: 'audio' as const }
      : null;
  const out: AlertInput = { id: String(a.id), target: toTargetInput(a.target), from: a.starts_at, to: a.expires_at, item };
  if (audio) {
    out.speechItem = { ...common, versionId: `${id}:audio`, sha256: audio.sha, kind: audio.kind, durationMs: audio.ms ?? 30_000, media: [ref(audio.sha, audio.mime, audio.size)] };
  }
  return out;
}

const SCREEN_KINDS = new Set(['image', 'video', 'text']);

/**
 * A relay's live item lasts the whole of its window, however long: the segment ends it. Windows of whole days
 * on consecutive days merge into one slot, so it outlasts any horizon (BANTIN_HORIZON_DAYS ≤ 31).
 */
const RELAY_ITEM_MS = 32 * 86_400_000;

/**
 * The live "content" of a relay entry, as speakers play it: approved while its source's approved URL exists and
 * the relay is on air; `offAir` (dead air: the source failed or fell silent) withdraws it, so the compiler puts
 * the fallback in its window until the relay resumes.
 */
function relayVersion(s: ScheduleRow, source: ApprovedRelayRow | undefined, offAir: ReadonlySet<number>): ContentVersionInput {
  const id = relayContentId(s.id);
  return {
    contentId: id,
    versionId: `${id}:${s.relay_source_id}:${source?.approved_at ?? 0}`,
    sha256: liveSha256(id),
    kind: 'audio',
    durationMs: RELAY_ITEM_MS,
    state: source && !offAir.has(s.id) ? 'approved' : 'withdrawn',
    validFrom: null,
    validTo: null,
    isAd: false,
    media: [],
    live: { id, title: source?.name ?? '' },
  };
}

/** What is on air live, from memory (not the database): relays in dead air and live announcements. */
export type AirState = {
  /** Relay entries (schedule ids) in dead air now, whose windows play the fallback (see relayVersion). */
  offAir?: ReadonlySet<number>;
  /** Live announcements on air now (speakers only). */
  announcements?: readonly AnnouncementInput[];
};

export async function loadCompileInputs(q: Queryable, now: number, air: AirState = {}): Promise<LoadedInputs> {
  const offAir = air.offAir ?? new Set<number>();
  const [deviceRows, members, groups, playlists, scheduleRows, versions, alerts, quizIds, layoutRows] = await Promise.all([
    timelineRepo.compileDevices(q),
    deviceRepo.memberships(q),
    groupRepo.list(q),
    playlistRepo.list(q),
    scheduleRepo.listActive(q),
    timelineRepo.playableVersions(q),
    timelineRepo.activeAlerts(q, now),
    timelineRepo.quizContentIds(q),
    layoutRepo.approvedForScreens(q),
  ]);
  const relaySources = new Map((await relayRepo.listApproved(q)).map((r) => [r.id, r]));
  const relayVersions = scheduleRows.flatMap((s) => (s.relay_source_id !== null ? [relayVersion(s, relaySources.get(s.relay_source_id), offAir)] : []));
  const layouts = new Map(layoutRows.map((l) => [String(l.deviceId), { layoutId: l.layoutId, versionId: l.versionId, body: l.body }]));
  const groupSlots = new Map(groups.map((g) => [g.id, g.broadcast_slots]));
  const groupsOf = new Map<number, number[]>();
  for (const m of members) groupsOf.set(m.device_id, [...(groupsOf.get(m.device_id) ?? []), m.group_id]);

  const devices: DeviceInput[] = deviceRows.map((d) => {
    const gids = groupsOf.get(d.id) ?? [];
    const out: DeviceInput = { id: String(d.id), kind: d.kind, name: d.name, groupIds: gids.map(String), operatingHours: null };
    if (d.kind === 'speaker') {
      out.quietHours = d.quiet_hours;
      // Own slots, else the first group (by id) that sets some, else the compiler's defaults.
      const own = d.broadcast_slots;
      const inherited = gids.map((g) => groupSlots.get(g)).find((s) => s && s.length > 0);
      const slots = own ?? inherited;
      if (slots) out.broadcastSlots = slots;
    } else {
      if (d.operating_hours) out.operatingHours = d.operating_hours;
      // An override that has ended changes nothing any more (the hours alone hold again).
      const p = d.power_override;
      if (p && p.until > now) out.power = { state: p.state, from: p.since, until: p.until };
      if (layouts.get(out.id)?.body.regions.some((r) => r.kind === 'ticker')) out.ticker = true;
    }
    return out;
  });

  const playlistInputs: PlaylistInput[] = playlists.map((p) => ({
    id: String(p.id),
    items: p.items.map((i) =>
      i.durationMs !== undefined ? { contentId: String(i.contentId), durationMs: i.durationMs } : { contentId: String(i.contentId) },
    ),
  }));
  const quizContent = new Set(quizIds);
  const live = versions.filter((v) => (v.valid_to === null || v.valid_to > now) && v.content_kind !== 'quiz');
  const liveQuiz = versions.filter((v) => (v.valid_to === null || v.valid_to > now) && v.content_kind === 'quiz');
  const allSchedules = scheduleRows.map(toScheduleInput);
  const isQuiz = (s: ScheduleInput) => 'contentId' in s.what && quizContent.has(Number(s.what.contentId));
  // A malformed stored quiz version (it cannot be approved so, but rows can be edited by hand) is left out.
  const quizVersions = liveQuiz.map(toQuizVersionInput).filter((v) => v.answers.length >= 2 && v.correctIndex >= 0 && v.correctIndex < v.answers.length);
  const screenContents = live.map((v) => toVersionInput(v, 'screen'));
  const speakerContents = [...live.map((v) => toVersionInput(v, 'speaker')), ...relayVersions];

  const system = live.filter((v) => v.system === 1);
  const jingle = system.find((v) => v.tags.includes('jingle'));
  const loop = system.filter((v) => v !== jingle && v.content_kind !== 'ad');
  const screenLoop = loop.filter((v) => SCREEN_KINDS.has(toVersionInput(v, 'screen').kind)).map((v) => String(v.content_id));
  const speakerLoop = loop.filter((v) => !SCREEN_KINDS.has(toVersionInput(v, 'speaker').kind)).map((v) => String(v.content_id));
  const fallback = { led: screenLoop, kiosk: screenLoop, speaker: speakerLoop };

  const common = {
    playlists: playlistInputs,
    schedules: allSchedules.filter((s) => !isQuiz(s)),
    alerts: alerts.map(toAlertInput),
    fallback,
    ...(jingle ? { jingleContentId: String(jingle.content_id) } : {}),
  };
  return {
    base: { ...common, schedules: allSchedules, devices, contents: screenContents },
    byAudience: {
      screen: { ...common, devices: devices.filter((d) => d.kind !== 'speaker'), contents: screenContents },
      speaker: { ...common, devices: devices.filter((d) => d.kind === 'speaker'), contents: speakerContents, announcements: [...(air.announcements ?? [])] },
    },
    versions,
    scheduleRows,
    quiz: { schedules: allSchedules.filter(isQuiz), versions: quizVersions },
    layouts,
  };
}
