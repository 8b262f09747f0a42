// Reads server → device frames without zod (kept out of the player's 40 KB budget): the JSON is parsed and
// the few fields the player acts on are checked by hand. Anything else is dropped, never thrown.
import type { ServerToDevice } from '../lib/protocol';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

const CHECKS: Record<ServerToDevice['type'], (m: Record<string, unknown>) => boolean> = {
  'time.v1': (m) => isNum(m.serverTime),
  'timeline.v1': (m) =>
    isObj(m.timeline) &&
    isNum(m.timeline.from) &&
    isNum(m.timeline.to) &&
    isStr(m.timeline.version) &&
    Array.isArray(m.timeline.segments) &&
    Array.isArray(m.timeline.media),
  'alert.v1': (m) => isStr(m.id) && isStr(m.text) && ['start', 'update', 'cancel'].includes(m.action as string) && isNum(m.expiresAt),
  'command.v1': (m) => isStr(m.id) && isObj(m.command) && isStr(m.command.name),
  'error.v1': (m) => isStr(m.code),
  'plays.ack.v1': (m) => Array.isArray(m.eventIds) && m.eventIds.every(isStr),
  'feedback.ack.v1': (m) => isStr(m.eventId),
};

export function parseInbound(raw: unknown): ServerToDevice | null {
  if (!isStr(raw)) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(data) || !isStr(data.type) || !Object.hasOwn(CHECKS, data.type)) return null;
  return CHECKS[data.type as ServerToDevice['type']](data) ? (data as unknown as ServerToDevice) : null;
}
