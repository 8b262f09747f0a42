// Input types of the timeline compiler (trình biên dịch lịch phát). Plain data, as the services load it.
import type { DeviceKind, LiveRef, MediaKind, MediaRef, TextBody } from './protocol';

// led | kiosk | speaker: màn hình LED ngoài trời | ki-ốt | cụm loa truyền thanh
export type { DeviceKind };
export type ScheduleClass = 'priority' | 'normal' | 'ads' | 'fallback';

/** Wall-clock window 'HH:MM'–'HH:MM' in the configured zone; end '24:00' allowed; end < start crosses midnight. */
export interface ClockWindow {
  start: string;
  end: string;
}

export interface DeviceInput {
  id: string;
  kind: DeviceKind;
  name: string;
  groupIds: string[];
  /** Screens only; null = always on. */
  operatingHours: ClockWindow | null;
  /** Speakers only (giờ yên tĩnh); undefined = default 21:00–06:00, null = none. */
  quietHours?: ClockWindow | null;
  /** Speakers only (khung giờ phát thanh); undefined = default 06:00–06:30 and 17:00–17:30. */
  broadcastSlots?: ClockWindow[];
  /** Screens only: its layout has a ticker region, so a ticker track is compiled beside the main one. */
  ticker?: boolean;
  /** Screens only: turned on or off from the dashboard over [from, until), whatever the operating hours say. */
  power?: PowerOverride;
}

/**
 * A staff override of a screen's operating hours (bật/tắt màn hình): `awake` adds [from, until) to the hours
 * (the normal programme, fallback included, plays), `asleep` takes it out (black; emergencies still show).
 */
export interface PowerOverride {
  state: 'awake' | 'asleep';
  /** Epoch ms: when it was set, and when it ends (exclusive). */
  from: number;
  until: number;
}

export type ContentState = 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired';

export interface ContentVersionInput {
  contentId: string;
  versionId: string;
  sha256: string;
  kind: MediaKind;
  durationMs: number;
  /** Checked again by the compiler: only 'approved' ever reaches a device. */
  state: ContentState;
  /** Epoch ms; null = no bound. validTo is exclusive. */
  validFrom: number | null;
  validTo: number | null;
  isAd: boolean;
  media: MediaRef[];
  text?: TextBody;
  /** A live feed (a relay): no file; the item carries it to the player (TimelineItem.live). */
  live?: LiveRef;
}

export interface PlaylistInput {
  id: string;
  items: { contentId: string; durationMs?: number }[];
}

export interface TargetInput {
  deviceIds: string[];
  groupIds: string[];
  kinds: DeviceKind[];
}

export interface CalendarWhen {
  /** 'YYYY-MM-DD', inclusive, local dates. */
  dateFrom: string;
  dateTo: string;
  /** 1 = Monday … 7 = Sunday. */
  daysOfWeek: number[];
  windows: ClockWindow[];
}

export interface RruleWhen {
  /** RFC 5545 text with DTSTART; its times are wall clock in the configured zone (TZID is ignored). */
  rrule: string;
  durationMin: number;
}

export interface ScheduleInput {
  id: string;
  target: TargetInput;
  what: { contentId: string } | { playlistId: string };
  class: ScheduleClass;
  when: CalendarWhen | RruleWhen;
  /** Merge order among entries of one class: lower first, then id. Default 0. */
  order?: number;
  /** Ads only: at most this share of airtime in each hour (0..1). Default: options.defaultAdShare. */
  adShare?: number;
  /** Ads only: at most this many ad plays an hour (to within one item). */
  adPlaysPerHour?: number;
  /**
   * A relay (tiếp âm): `what` names its live item (a content whose version carries `live`). On speakers its
   * windows are broadcast slots of their own (minus quiet hours): a relay plays when it is scheduled.
   */
  live?: boolean;
}

/** An emergency alert (cảnh báo khẩn cấp): takes over every targeted device, quiet hours included. */
export interface AlertInput {
  id: string;
  target: TargetInput;
  from: number;
  to: number;
  /** What screens show. */
  item: ContentVersionInput;
  /** What speakers play (Vietnamese speech); when absent speakers play `item` if it is audio or speech. */
  speechItem?: ContentVersionInput;
}

/**
 * A live announcement on air (phát trực tiếp): the loudspeakers it targets play its live item from `from` to
 * `to`, cutting into whatever plays (which resumes at its own position after). `priority` keeps quiet hours;
 * `emergency` plays through them, and over an alert. Speakers only: screens never get it.
 */
export interface AnnouncementInput {
  id: string;
  target: TargetInput;
  from: number;
  to: number;
  class: 'priority' | 'emergency';
  /** Its live item (a version whose `live` names the feed). */
  item: ContentVersionInput;
}

export interface CompileInput {
  devices: DeviceInput[];
  contents: ContentVersionInput[];
  playlists: PlaylistInput[];
  schedules: ScheduleInput[];
  alerts: AlertInput[];
  /** Live announcements on air now (speakers only). */
  announcements?: AnnouncementInput[];
  /** The built-in default loop per device kind (content ids, in order). */
  fallback: Partial<Record<DeviceKind, string[]>>;
  /** The jingle played first in every speaker slot (nhạc hiệu). */
  jingleContentId?: string;
}

export interface CompileOptions {
  from: number;
  to: number;
  /** IANA zone, default 'Asia/Ho_Chi_Minh'. */
  tz?: string;
  /** Ad share when a schedule gives none; default 0.2. */
  defaultAdShare?: number;
}

export interface Interval {
  start: number;
  end: number;
}

/** One occurrence of a schedule: when it is active, and how to explain it. */
export interface Occurrence extends Interval {
  label: string;
}
