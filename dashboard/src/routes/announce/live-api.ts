// The live announcements API (phát trực tiếp): the groups one may speak to, and the log of past broadcasts.
// The server's routes for it are new (issue 14) and not yet in its exported AppType, so the shapes are
// declared here after the contract (notes/live-contract.md) and called untyped; once the routes land, these
// types should come from hono/client like lib/relays-api.ts.
import { toApiError } from '../../lib/api';
import { lang } from '../../lib/i18n';
import type { LiveClass } from './live-session';

export interface LiveTarget {
  id: number;
  name: string;
  /** Web-player loudspeakers in the group. */
  speakers: number;
  /** The group is also played as a stream (vùng phát). */
  zone: boolean;
  /** Someone is on air to this group now. */
  busy: null | { by: string; since: string };
}

export interface LiveAnnouncement {
  id: number;
  class: LiveClass;
  title: string;
  speaker: { id: number; name: string };
  groups: { id: number; name: string; zone: boolean }[];
  startedAt: string;
  onAirAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  durationMs: number | null;
  speakers: number;
  zones: number;
  onAir: boolean;
  recording: { sha256: string; url: string; size: number; mime: 'audio/mpeg' } | null;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': lang.value } });
  if (res.status === 200) return (await res.json()) as T;
  throw await toApiError(res);
}

/** GET /api/live-announcements/targets (live.announce). */
export async function listLiveTargets(): Promise<LiveTarget[]> {
  return (await getJson<{ groups: LiveTarget[] }>('/api/live-announcements/targets')).groups;
}

/** GET /api/live-announcements?from&to (local dates, both included), newest first. */
export async function listLiveAnnouncements(from: string, to: string): Promise<LiveAnnouncement[]> {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const query = q.toString();
  return (await getJson<{ items: LiveAnnouncement[] }>(`/api/live-announcements${query ? `?${query}` : ''}`)).items;
}
