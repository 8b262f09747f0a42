// Scheduling area for main.ts: timelines (recompiled on the bus events of the other services), groups,
// playlists, schedules (and play-now entries), the groups' calendar feeds and the screen layouts.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { createTimelineService } from '../services/scheduling/timeline-service';
import { createGroupService } from '../services/scheduling/group-service';
import { createPlaylistService } from '../services/scheduling/playlist-service';
import { createScheduleService } from '../services/scheduling/schedule-service';
import { createPlayNowService } from '../services/scheduling/play-now';
import { createGroupCalendar } from '../services/scheduling/group-calendar';
import { createCalendarLinkService } from '../services/scheduling/calendar-link-service';
import { createLayoutService } from '../services/layouts/layout-service';
import { createRelayAir } from '../services/relays/relay-air';
import { createAnnouncementAir } from '../services/live/announcement-air';

export function composeScheduling({ config, db, clock, log, bus }: Base, { audit }: { audit: AuditService }) {
  // Relays in dead air: an input of every compile (their windows play the fallback).
  const relayAir = createRelayAir(bus);
  // Live announcements on air: an input of every compile too (they cut into their loudspeakers' programme).
  const announcementAir = createAnnouncementAir(bus);
  const timeline = createTimelineService({
    db,
    clock,
    tz: config.tz,
    horizonDays: config.horizonDays,
    bus,
    log,
    offAir: relayAir.offAir,
    announcements: announcementAir.inputs,
  });
  const groups = createGroupService({ db, clock, audit, bus });
  const playlists = createPlaylistService({ db, clock, audit, bus });
  const schedules = createScheduleService({ db, clock, audit, bus });
  const playNow = createPlayNowService({ db, clock, tz: config.tz, schedules });
  const groupCalendar = createGroupCalendar({ db, clock, tz: config.tz });
  const calendarLinks = createCalendarLinkService({ db, calendar: groupCalendar });
  const layouts = createLayoutService({ db, clock, audit, bus });
  return { timeline, groups, playlists, schedules, playNow, groupCalendar, calendarLinks, layouts, relayAir, announcementAir };
}
