// Content library and review calls, typed from the server's routes (hono/client): versions, their
// findings, the review queue and the library counts all come with the server's own types.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

const content = client.api.content;
const byId = content[':id'];

export type Content = InferResponseType<typeof content.$get, 200>[number];
export type ContentVersion = InferResponseType<typeof byId.versions.$get, 200>[number];
export type ContentKind = Content['kind'];
export type ContentState = ContentVersion['state'];
export type Media = NonNullable<ContentVersion['media']>;
export type Finding = ContentVersion['findings'][number];
/** The file's name says another type than its content; content decided how it was stored. */
export type NameWarning = NonNullable<ContentVersion['mediaWarning']>;
export type ContentStats = InferResponseType<typeof content.stats.$get, 200>;
export type HistoryEntry = InferResponseType<typeof byId.history.$get, 200>[number];
export type CreateContentInput = InferRequestType<typeof content.$post>['json'];
export type EditContentInput = InferRequestType<typeof byId.versions.$post>['json'];

export interface ContentQuery {
  kind?: ContentKind;
  tag?: string;
  state?: ContentState;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Only the filters that are set: an empty string would fail the server's enum validation. */
function queryOf(q: ContentQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

export async function listContent(q: ContentQuery = {}): Promise<Content[]> {
  const res = await content.$get({ query: queryOf(q) });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function getContent(id: number): Promise<Content> {
  const res = await byId.$get({ param: { id: String(id) } });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function listVersions(id: number): Promise<ContentVersion[]> {
  const res = await byId.versions.$get({ param: { id: String(id) } });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function contentHistory(id: number): Promise<HistoryEntry[]> {
  const res = await byId.history.$get({ param: { id: String(id) } });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function createContent(input: CreateContentInput): Promise<Content> {
  const res = await content.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

/** Editing makes a new draft version; the approved one keeps playing until the new one is approved. */
export async function editContent(id: number, patch: EditContentInput): Promise<Content> {
  const res = await byId.versions.$post({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

export async function submitVersion(id: number, number: number): Promise<ContentVersion> {
  const res = await byId.versions[':number'].submit.$post(
    { param: { id: String(id), number: String(number) } },
    { headers: csrfHeaders() },
  );
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export type SubmitManyResult = InferResponseType<typeof content.submit.$post, 200>;

/** Submits several drafts at once (no number = the latest version); answers which were submitted and which refused, and why. */
export async function submitMany(items: { id: number; number?: number }[]): Promise<SubmitManyResult> {
  const res = await content.submit.$post({ json: { items } }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export type PrecheckDraft = InferRequestType<typeof content.precheck.$post>['json'];

/** The pre-check findings a draft would get on submission (nothing is stored), for a form to show as it is written. */
export async function precheckDraft(draft: PrecheckDraft): Promise<Finding[]> {
  const res = await content.precheck.$post({ json: draft }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function withdrawVersion(id: number, number: number, reason?: string): Promise<Content> {
  const res = await byId.versions[':number'].withdraw.$post(
    { param: { id: String(id), number: String(number) }, json: reason ? { reason } : {} },
    { headers: csrfHeaders() },
  );
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

/** One submission waiting for a decision: its kind and the exact version submitted. */
export type QueueEntry = InferResponseType<typeof client.api.reviews.$get, 200>[number];

export async function reviewQueue(): Promise<QueueEntry[]> {
  const res = await client.api.reviews.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export type Decision = InferRequestType<typeof client.api.reviews.$post>['json']['decision'];

/** Approve, reject (reason required) or revoke (reason required) one version; answers the version as it now is. */
export async function decide(versionId: number, decision: Decision, reason?: string): Promise<ContentVersion> {
  const res = await client.api.reviews.$post({ json: { versionId, decision, ...(reason ? { reason } : {}) } }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

/** How much content there is by the state of its latest version and kind, and how much plays. */
export async function contentStats(): Promise<ContentStats> {
  const res = await content.stats.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}
