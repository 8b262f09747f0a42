// Stream zone calls, typed from the server's routes (hono/client): which groups are played as live audio
// streams for IP receivers, their encoding and where receivers tune in.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, noContent } from './api';

const zones = client.api['stream-zones'];
const zoneOfGroup = client.api.groups[':id']['stream-zone'];

export type StreamZone = InferResponseType<typeof zones.$get, 200>[number];
export type StreamZoneInput = InferRequestType<typeof zoneOfGroup.$put>['json'];

export const ZONE_BITRATES = [32, 48, 64, 96, 128, 192] as const;

export async function listStreamZones(): Promise<StreamZone[]> {
  return await answer(zones.$get(), 200);
}

export async function putStreamZone(groupId: number, input: StreamZoneInput): Promise<StreamZone> {
  return await answer(zoneOfGroup.$put({ param: { id: String(groupId) }, json: input }, { headers: csrfHeaders() }), 200);
}

export async function deleteStreamZone(groupId: number): Promise<void> {
  await noContent(zoneOfGroup.$delete({ param: { id: String(groupId) } }, { headers: csrfHeaders() }));
}

/** A stream name suggested from a group's name: "Tổ dân phố 5" → "to-dan-pho-5". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
