// A quiz question (câu hỏi tìm hiểu Bộ Quy tắc) as the content API takes it, and the steps that put one on air
// through the real HTTP API: create, submit, approve.
import type { TestCtx } from '../support/context';

export type Staff = { cookie: string; csrf: string };

export const quizInput = (over: Record<string, unknown> = {}) => ({
  kind: 'quiz',
  title: 'Ứng xử nơi công cộng',
  body: 'Khi xếp hàng chờ làm thủ tục, người dân nên làm gì?',
  answers: ['Chen lên trước cho nhanh', 'Xếp hàng theo thứ tự, giữ trật tự', 'Nhờ người quen lấy số hộ'],
  correctIndex: 1,
  explanation: 'Bộ Quy tắc khuyến khích giữ trật tự, tôn trọng người đến trước.',
  articleUrl: 'https://hanoi.gov.vn/quy-tac-ung-xu/dieu-5',
  tags: ['quy-tac'],
  ...over,
});

const send = (t: TestCtx, s: Staff, path: string, body?: unknown) =>
  t.request(path, { method: 'POST', ...s, body: body === undefined ? undefined : JSON.stringify(body) });

/** Creates a quiz question; answers the parsed content (throws when the API refuses it). */
export async function createQuiz(t: TestCtx, editor: Staff, over: Record<string, unknown> = {}) {
  const res = await send(t, editor, '/api/content', quizInput(over));
  if (res.status !== 201) throw new Error(`create quiz: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; latest: { id: number; number: number; versionSha256: string } };
}

/** Submits version `number` of content `id` and has `reviewer` approve it; answers the approved version. */
export async function approveVersion(t: TestCtx, editor: Staff, reviewer: Staff, id: number, number: number) {
  const sub = await send(t, editor, `/api/content/${id}/versions/${number}/submit`);
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${await sub.text()}`);
  const version = (await sub.json()) as { id: number };
  const ok = await send(t, reviewer, '/api/reviews', { versionId: version.id, decision: 'approve' });
  if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${await ok.text()}`);
  return (await ok.json()) as { id: number; number: number; state: string };
}

/** A quiz question created and approved (version 1 on air). */
export async function approvedQuiz(t: TestCtx, editor: Staff, reviewer: Staff, over: Record<string, unknown> = {}) {
  const c = await createQuiz(t, editor, over);
  const v = await approveVersion(t, editor, reviewer, c.id, 1);
  return { contentId: c.id, versionId: v.id };
}
