// Relay sources (nguồn tiếp âm), typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, noContent } from './api';

const sources = client.api['relay-sources'];
const sourceById = sources[':id'];

export type RelaySource = InferResponseType<typeof sources.$get, 200>[number];
export type RelaySourceState = RelaySource['state'];
export type RelaySourceInput = InferRequestType<typeof sources.$post>['json'];
export type RelayDecision = InferRequestType<typeof sourceById.decision.$post>['json'];

export async function listRelaySources(): Promise<RelaySource[]> {
  return await answer(sources.$get(), 200);
}

export async function createRelaySource(input: RelaySourceInput): Promise<RelaySource> {
  return await answer(sources.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function updateRelaySource(id: number, input: RelaySourceInput): Promise<RelaySource> {
  return await answer(sourceById.$put({ param: { id: String(id) }, json: input }, { headers: csrfHeaders() }), 200);
}

export async function deleteRelaySource(id: number): Promise<void> {
  await noContent(sourceById.$delete({ param: { id: String(id) } }, { headers: csrfHeaders() }));
}

export async function decideRelaySource(id: number, body: RelayDecision): Promise<RelaySource> {
  return await answer(sourceById.decision.$post({ param: { id: String(id) }, json: body }, { headers: csrfHeaders() }), 200);
}

const onAir = client.api.relays['on-air'];
export type RelaysOnAir = InferResponseType<typeof onAir.$get, 200>;

/** The relays in their window now (on air or in dead air) and the incidents of the last 7 days. */
export async function relaysOnAir(): Promise<RelaysOnAir> {
  return await answer(onAir.$get(), 200);
}
