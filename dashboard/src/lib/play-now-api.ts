// "Phát ngay" (play now): an approved item played at once on groups and devices, typed from the server route.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

const route = client.api.schedules['play-now'];
export type PlayNowInput = InferRequestType<typeof route.$post>['json'];
export type PlayNowEntry = InferResponseType<typeof route.$post, 201>;

/** Creates the priority schedule entry that plays the item now; answers the entry. */
export async function playNow(input: PlayNowInput): Promise<PlayNowEntry> {
  const res = await route.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}
