// Content library and review calls, typed from the server's routes (hono/client): versions, their
// findings, the review queue and the library counts all come with the server's own types.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders } from './api';

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
  return await answer(content.$get({ query: queryOf(q) }), 200);
}

export async function getContent(id: number): Promise<Content> {
  return await answer(byId.$get({ param: { id: String(id) } }), 200);
}

export async function listVersions(id: number): Promise<ContentVersion[]> {
  return await answer(byId.versions.$get({ param: { id: String(id) } }), 200);
}

export async function contentHistory(id: number): Promise<HistoryEntry[]> {
  return await answer(byId.history.$get({ param: { id: String(id) } }), 200);
}

export async function createContent(input: CreateContentInput): Promise<Content> {
  return await answer(content.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

/** Editing makes a new draft version; the approved one keeps playing until the new one is approved. */
export async function editContent(id: number, patch: EditContentInput): Promise<Content> {
  return await answer(byId.versions.$post({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() }), 201);
}

export async function submitVersion(id: number, number: number): Promise<ContentVersion> {
  return await answer(
    byId.versions[':number'].submit.$post({ param: { id: String(id), number: String(number) } }, { headers: csrfHeaders() }),
    200,
  );
}

export type SubmitManyResult = InferResponseType<typeof content.submit.$post, 200>;

/** Submits several drafts at once (no number = the latest version); answers which were submitted and which refused, and why. */
export async function submitMany(items: { id: number; number?: number }[]): Promise<SubmitManyResult> {
  return await answer(content.submit.$post({ json: { items } }, { headers: csrfHeaders() }), 200);
}

export type PrecheckDraft = InferRequestType<typeof content.precheck.$post>['json'];

/** The pre-check findings a draft would get on submission (nothing is stored), for a form to show as it is written. */
export async function precheckDraft(draft: PrecheckDraft): Promise<Finding[]> {
  return await answer(content.precheck.$post({ json: draft }, { headers: csrfHeaders() }), 200);
}

export async function withdrawVersion(id: number, number: number, reason?: string): Promise<Content> {
  return await answer(
    byId.versions[':number'].withdraw.$post(
      { param: { id: String(id), number: String(number) }, json: reason ? { reason } : {} },
      { headers: csrfHeaders() },
    ),
    200,
  );
}

/** One submission waiting for a decision: its kind and the exact version submitted. */
export type QueueEntry = InferResponseType<typeof client.api.reviews.$get, 200>[number];

export async function reviewQueue(): Promise<QueueEntry[]> {
  return await answer(client.api.reviews.$get(), 200);
}

export type Decision = InferRequestType<typeof client.api.reviews.$post>['json']['decision'];

/** Approve, reject (reason required) or revoke (reason required) one version; answers the version as it now is. */
export async function decide(versionId: number, decision: Decision, reason?: string): Promise<ContentVersion> {
  return await answer(
    client.api.reviews.$post({ json: { versionId, decision, ...(reason ? { reason } : {}) } }, { headers: csrfHeaders() }),
    200,
  );
}

/** How much content there is by the state of its latest version and kind, and how much plays. */
export async function contentStats(): Promise<ContentStats> {
  return await answer(content.stats.$get(), 200);
}
