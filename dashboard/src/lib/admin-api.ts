// Users (admin) and audit log (admin, viewer) calls, typed from the server's routes.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

const users = client.api.users;

export type User = InferResponseType<typeof users.$get, 200>[number];
export type CreateUserInput = InferRequestType<typeof users.$post>['json'];
export type PatchUserInput = InferRequestType<(typeof users)[':id']['$patch']>['json'];
export type AuditRow = InferResponseType<typeof client.api.audit.$get, 200>['rows'][number];

export async function listUsers(): Promise<User[]> {
  const res = await users.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function createUser(input: CreateUserInput): Promise<User> {
  const res = await users.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

export async function patchUser(id: number, patch: PatchUserInput): Promise<User> {
  const res = await users[':id'].$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

/** One page of the audit log, newest first; pass the smallest seq seen as `before` for the next page. */
export async function auditPage(before: number | undefined, limit: number): Promise<AuditRow[]> {
  const query: Record<string, string> = { limit: String(limit) };
  if (before !== undefined) query.before = String(before);
  const res = await client.api.audit.$get({ query });
  if (res.status === 200) return (await res.json()).rows;
  throw await toApiError(res);
}
