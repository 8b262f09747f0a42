// Quiz questions (câu hỏi tìm hiểu Bộ Quy tắc) as content: validation, versions, pre-checks and review,
// through the real HTTP API on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { approveVersion, createQuiz, quizInput, type Staff } from '../../test/factories/quiz';

let t: TestCtx;
let editor: Staff, reviewer: Staff, adReviewer: Staff;

beforeEach(async () => {
  t = await createTestContext({ clock: () => Date.parse('2026-12-01T02:00:00Z') });
  editor = await t.createUser('bien-tap', ['editor']);
  reviewer = await t.createUser('van-hoa', ['reviewer']);
  adReviewer = await t.createUser('kinh-te', ['ad_reviewer']);
}, 60_000);
afterEach(() => t.cleanup());

const post = (s: Staff, path: string, body?: unknown) =>
  t.request(path, { method: 'POST', ...s, body: body === undefined ? undefined : JSON.stringify(body) });
const issues = async (res: Response) => ((await res.json()) as { issues: { path: string; message: string }[] }).issues;

describe('POST /api/content (kind quiz)', () => {
  it('stores the question, its answers, the right one, the explanation and the article link, with no media or speech', async () => {
    const c = await createQuiz(t, editor);
    const res = await t.request(`/api/content/${c.id}`, { cookie: editor.cookie });
    const body = await res.json();
    expect(body.kind).toBe('quiz');
    expect(body.latest).toMatchObject({ state: 'draft', body: quizInput().body, media: null, speech: null, files: [] });
    expect(body.latest.fields).toMatchObject({
      answers: quizInput().answers,
      correctIndex: 1,
      explanation: quizInput().explanation,
      articleUrl: quizInput().articleUrl,
    });
  });

  it.each([
    ['one answer', { answers: ['Chỉ một'], correctIndex: 0 }, 'answers', 'Câu hỏi cần từ 2 đến 4 đáp án'],
    ['five answers', { answers: ['a', 'b', 'c', 'd', 'e'] }, 'answers', 'Câu hỏi cần từ 2 đến 4 đáp án'],
    ['a right answer out of range', { correctIndex: 3 }, 'correctIndex', 'Đáp án đúng phải là một trong các đáp án đã nhập (từ 1 đến 3)'],
    ['no explanation', { explanation: undefined }, 'explanation', 'Câu hỏi cần một lời giải thích ngắn'],
    ['a javascript: link', { articleUrl: 'javascript:alert(1)' }, 'articleUrl', 'Đường dẫn tới điều khoản của Bộ Quy tắc'],
    ['a link that is no address', { articleUrl: 'dieu-5' }, 'articleUrl', 'Đường dẫn tới điều khoản của Bộ Quy tắc'],
    ['no question', { body: '' }, 'body', 'Câu hỏi cần nội dung câu hỏi'],
  ])('refuses %s with a Vietnamese-first message', async (_name, over, field, vi) => {
    const res = await post(editor, '/api/content', quizInput(over));
    expect(res.status).toBe(400);
    const found = (await issues(res)).find((i) => i.path === field);
    expect(found?.message).toContain(vi);
    expect(found!.message.indexOf(vi)).toBe(0);
  });

  it('refuses quiz fields on another kind', async () => {
    const res = await post(editor, '/api/content', { kind: 'message', title: 'Tin', body: 'Nội dung tin nhắn', answers: ['a', 'b'] });
    expect(res.status).toBe(400);
  });
});

describe('quiz versions and review', () => {
  it('is approved by the culture–social office, not the economic office, and runs the text pre-checks on its answers', async () => {
    const c = await createQuiz(t, editor, { answers: ['XẾP HÀNG THEO THỨ TỰ VÀ GIỮ TRẬT TỰ CHUNG', 'Chen lên trước'], correctIndex: 0 });
    const sub = await post(editor, `/api/content/${c.id}/versions/1/submit`);
    expect(sub.status).toBe(200);
    const v = await sub.json();
    expect(v.findings.map((f: { ruleId: string; field: string }) => `${f.ruleId}@${f.field}`)).toContain('text.all_caps@answer1');
    expect((await post(adReviewer, '/api/reviews', { versionId: v.id, decision: 'approve' })).status).toBe(403);
    const queue = await (await t.request('/api/reviews', { cookie: reviewer.cookie })).json();
    expect(queue.map((q: { kind: string }) => q.kind)).toEqual(['quiz']);
    expect((await post(reviewer, '/api/reviews', { versionId: v.id, decision: 'approve' })).status).toBe(200);
  });

  it('makes a new draft on edit while the approved version stays on air, and refuses an edit that breaks the question', async () => {
    const c = await createQuiz(t, editor);
    await approveVersion(t, editor, reviewer, c.id, 1);
    const bad = await post(editor, `/api/content/${c.id}/versions`, { answers: ['Chỉ còn một'] });
    expect(bad.status).toBe(400);
    const badIndex = await post(editor, `/api/content/${c.id}/versions`, { answers: ['Một', 'Hai'], correctIndex: 2 });
    expect(badIndex.status).toBe(400);
    expect((await badIndex.json()).detail).toContain('Đáp án đúng phải là một trong các đáp án đã nhập (từ 1 đến 2)');
    const res = await post(editor, `/api/content/${c.id}/versions`, { explanation: 'Giữ trật tự là tôn trọng mọi người.' });
    expect(res.status).toBe(201);
    const after = await res.json();
    expect(after.latest).toMatchObject({ number: 2, state: 'draft' });
    expect(after.latest.fields).toMatchObject({
      answers: quizInput().answers,
      correctIndex: 1,
      explanation: 'Giữ trật tự là tôn trọng mọi người.',
    });
    expect(after.playing).toMatchObject({ number: 1, state: 'approved' });
    expect(after.playing.fields.explanation).toBe(quizInput().explanation);
  });
});

describe('POST /api/content/precheck (kind quiz)', () => {
  it('checks the answers and the explanation as it checks a message', async () => {
    const res = await post(editor, '/api/content/precheck', {
      kind: 'quiz',
      title: 'Câu hỏi',
      body: 'Câu hỏi (thiếu ngoặc',
      answers: ['Có', 'Không'],
      explanation: 'Giải thích [thiếu',
    });
    expect(res.status).toBe(200);
    const fields = (await res.json()).map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body', 'explanation']));
  });
});
