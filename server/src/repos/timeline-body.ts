// How a compiled timeline is stored: what every device on one version shares (segments and media) is one
// blob per version in timeline_blobs (migration 0006), written in the packed form of timeline.v2.
import { packBody, unpackBody, type DeviceTimeline } from '@bantin/protocol';
import { isRecord } from './json-column';

/** What every device on one version shares, stored once as a blob (kiosks: with their quiz questions; screens: when they are on). */
export type SharedPart = Pick<DeviceTimeline, 'segments' | 'media' | 'quiz' | 'ticker' | 'layout' | 'awake'>;

/**
 * The blob's JSON: the packed body {"items":[…],"sequences":[…],"segments":[…],"media":[…]} (see
 * protocol/src/core/packed.ts; ~30× smaller than writing each segment's items out). Blobs written before
 * timeline.v2 hold {"segments":[…],"media":[…]} with the items inline; both are read.
 */
export const timelineBody = (tl: SharedPart): string => JSON.stringify(packBody(tl));

/** Reads a stored body or a whole stored timeline (either form). Throws on a body that does not unpack. */
export function decodeStored<T extends object>(json: string): T & SharedPart {
  const parsed: unknown = JSON.parse(json);
  if (!isRecord(parsed) || !Array.isArray(parsed.segments) || !Array.isArray(parsed.media)) {
    throw new Error('stored timeline has no segments or media');
  }
  if (!('sequences' in parsed)) return parsed as T & SharedPart;
  const body = unpackBody(parsed);
  if (!body) throw new Error('stored timeline does not unpack');
  const { items: _i, sequences: _s, quiz: _q, ticker: _t, layout: _l, awake: _a, ...rest } = parsed;
  return { ...rest, ...body } as T & SharedPart;
}

