// Screen layouts (bố cục màn hình), typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, noContent } from './api';

const layouts = client.api.layouts;
const layoutById = layouts[':id'];
const decision = layoutById.versions[':versionId'].decision;

export type Layout = InferResponseType<typeof layouts.$get, 200>[number];
export type LayoutDetail = InferResponseType<typeof layoutById.$get, 200>;
export type LayoutInput = InferRequestType<typeof layouts.$post>['json'];
export type LayoutAssignment = InferResponseType<typeof layouts.assignments.$get, 200>[number];
export type AssignInput = InferRequestType<typeof layouts.assignments.$put>['json'];

export async function listLayouts(): Promise<Layout[]> {
  return await answer(layouts.$get(), 200);
}

export async function createLayout(input: LayoutInput): Promise<Layout> {
  return await answer(layouts.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function updateLayout(id: number, input: LayoutInput): Promise<Layout> {
  return await answer(layoutById.$put({ param: { id: String(id) }, json: input }, { headers: csrfHeaders() }), 200);
}

export async function decideLayout(id: number, versionId: number, body: { decision: 'approve' | 'reject'; reason?: string }): Promise<Layout> {
  return await answer(decision.$post({ param: { id: String(id), versionId: String(versionId) }, json: body }, { headers: csrfHeaders() }), 200);
}

export async function listAssignments(): Promise<LayoutAssignment[]> {
  return await answer(layouts.assignments.$get(), 200);
}

export async function assignLayout(input: AssignInput): Promise<void> {
  await noContent(layouts.assignments.$put({ json: input }, { headers: csrfHeaders() }));
}
