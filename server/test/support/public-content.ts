// Public messages through the real HTTP API: an editor writes, a reviewer approves, the portal shows them.
import { expect } from 'vitest';
import type { TestCtx } from './context';

type S = { cookie: string; csrf: string };

export function publicContentFlow(t: TestCtx, editor: S, reviewer: S) {
  const json = (method: string, s: S, body?: unknown) => ({ method, ...s, body: body === undefined ? undefined : JSON.stringify(body) });
  const expectStatus = async (res: Response, status: number) => {
    if (res.status !== status) expect(`${res.status} ${await res.clone().text()}`).toBe(String(status));
    return res.json();
  };
  /** The content item, as the API answers it. */
  type Item = { id: number; publicId: string | null; latest: { id: number; number: number; fields: Record<string, unknown>; versionSha256: string } };

  const create = async (input: Record<string, unknown>): Promise<Item> =>
    expectStatus(await t.request('/api/content', json('POST', editor, { kind: 'message', body: 'Nội dung', ...input })), 201);
  const edit = async (id: number, patch: Record<string, unknown>): Promise<Item> =>
    expectStatus(await t.request(`/api/content/${id}/versions`, json('POST', editor, patch)), 201);
  const submit = async (id: number, n: number) => expectStatus(await t.request(`/api/content/${id}/versions/${n}/submit`, json('POST', editor)), 200);
  const decide = async (versionId: number, decision: 'approve' | 'reject' = 'approve') =>
    expectStatus(await t.request('/api/reviews', json('POST', reviewer, { versionId, decision, ...(decision === 'approve' ? {} : { reason: 'chưa đạt' }) })), 200);
  const approve = async (item: Item) => {
    await submit(item.id, item.latest.number);
    await decide(item.latest.id);
  };
  const withdraw = async (id: number, n: number) =>
    expectStatus(await t.request(`/api/content/${id}/versions/${n}/withdraw`, json('POST', editor, { reason: 'hết dùng' })), 200);
  /** Creates, submits and approves one message; answers the item. */
  const published = async (input: Record<string, unknown>) => {
    const item = await create(input);
    await approve(item);
    return item;
  };
  return { create, edit, submit, decide, approve, withdraw, published };
}
