// "Phát ngay" (play now): an approved item played at once on groups and devices, typed from the server route.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders } from './api';

const route = client.api.schedules['play-now'];
export type PlayNowInput = InferRequestType<typeof route.$post>['json'];
export type PlayNowEntry = InferResponseType<typeof route.$post, 201>;

/** Creates the priority schedule entry that plays the item now; answers the entry. */
export async function playNow(input: PlayNowInput): Promise<PlayNowEntry> {
  return await answer(route.$post({ json: input }, { headers: csrfHeaders() }), 201);
}
