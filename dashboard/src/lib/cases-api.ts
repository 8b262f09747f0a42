// Citizens' reports (phản ánh) as cases, typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders } from './api';

const cases = client.api.cases;
const caseById = cases[':id'];

export type Case = InferResponseType<typeof cases.$get, 200>['cases'][number];
export type CaseQuery = InferRequestType<typeof cases.$get>['query'];
export type CaseTransition = InferRequestType<typeof caseById.transitions.$post>['json'];

export async function listCases(query: CaseQuery): Promise<Case[]> {
  return (await answer(cases.$get({ query }), 200)).cases;
}

export async function moveCase(id: number, step: CaseTransition): Promise<Case> {
  return await answer(caseById.transitions.$post({ param: { id: String(id) }, json: step }, { headers: csrfHeaders() }), 200);
}
