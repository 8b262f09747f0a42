// Users (admin) and audit log (admin, viewer) calls, typed from the server's routes.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders } from './api';

const users = client.api.users;

export type User = InferResponseType<typeof users.$get, 200>[number];
export type CreateUserInput = InferRequestType<typeof users.$post>['json'];
export type PatchUserInput = InferRequestType<(typeof users)[':id']['$patch']>['json'];
export type AuditRow = InferResponseType<typeof client.api.audit.$get, 200>['rows'][number];

export async function listUsers(): Promise<User[]> {
  return await answer(users.$get(), 200);
}

export async function createUser(input: CreateUserInput): Promise<User> {
  return await answer(users.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function patchUser(id: number, patch: PatchUserInput): Promise<User> {
  return await answer(users[':id'].$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() }), 200);
}

/** One page of the audit log, newest first; pass the smallest seq seen as `before` for the next page. */
export async function auditPage(before: number | undefined, limit: number): Promise<AuditRow[]> {
  const query: Record<string, string> = { limit: String(limit) };
  if (before !== undefined) query.before = String(before);
  return (await answer(client.api.audit.$get({ query }), 200)).rows;
}
