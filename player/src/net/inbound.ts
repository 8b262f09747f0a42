// Reads server → device frames without zod (kept out of the player's 40 KB budget): the JSON is parsed and
// the few fields the player acts on are checked by hand. Anything else is dropped, never thrown.
import { unpackTimeline, type DeviceTimeline, type ServerToDevice } from '@bantin/protocol/core';

/** A server message as the player uses it: a `timeline.v2` arrives packed and is handed on unpacked. */
export type Inbound =
  | Exclude<ServerToDevice, { type: 'timeline.v2' | 'timeline.v3' }>
  | { type: 'timeline.v2'; timeline: DeviceTimeline }
  | { type: 'timeline.v3'; timeline: DeviceTimeline };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function unpackInPlace(m: Record<string, unknown>, deviceId: string): boolean {
  const tl = unpackTimeline(m.timeline, deviceId);
  if (!tl) return false;
  m.timeline = tl;
  return true;
}

const CHECKS: Record<ServerToDevice['type'], (m: Record<string, unknown>, deviceId: string) => boolean> = {
  'time.v1': (m) => isNum(m.serverTime),
  // Unpacked in place: the check is the unpacking (every index and shape), see protocol/src/core/packed.ts.
  'timeline.v2': (m, deviceId) => unpackInPlace(m, deviceId),
  // The same packed form, with the layout and the ticker track (checked by the same unpacking).
  'timeline.v3': (m, deviceId) => unpackInPlace(m, deviceId),
  'alert.v1': (m) => isStr(m.id) && isStr(m.text) && ['start', 'update', 'cancel'].includes(m.action as string) && isNum(m.expiresAt),
  'command.v1': (m) => isStr(m.id) && isObj(m.command) && isStr(m.command.name),
  'error.v1': (m) => isStr(m.code),
  'plays.ack.v1': (m) => Array.isArray(m.eventIds) && m.eventIds.every(isStr),
  'feedback.ack.v1': (m) => isStr(m.eventId),
  'quiz-answer.ack.v1': (m) => Array.isArray(m.eventIds) && m.eventIds.every(isStr),
  'citizen-report.ack.v1': (m) => isStr(m.eventId),
};

/** `deviceId`: this player's own id, which a timeline is unpacked for (it is not on the wire). */
export function parseInbound(raw: unknown, deviceId = ''): Inbound | null {
  if (!isStr(raw)) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(data) || !isStr(data.type) || !Object.prototype.hasOwnProperty.call(CHECKS, data.type)) return null;
  return CHECKS[data.type as ServerToDevice['type']](data, deviceId) ? (data as unknown as Inbound) : null;
}
