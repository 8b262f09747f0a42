// Submitting several drafts at once through POST /api/content/submit: each item is checked like a single
// submission; the answer says which were submitted and which were refused and why, and a refused item
// is left exactly as it was.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { jsonAs, useMediaFixtures, type StaffSession } from '../../test/support/hooks';

type S = StaffSession;
let t: TestCtx;
let editor: S;
let reviewer: S;
const fx = useMediaFixtures(['poster.png']);
beforeEach(async () => {
  t = await createTestContext({ clock: () => Date.parse('2026-12-01T02:00:00Z') });
  editor = await t.createUser('bien-tap', ['editor']);
  reviewer = await t.createUser('kiem-duyet', ['reviewer']);
});
afterEach(() => t.cleanup());

const json = jsonAs;
const bulk = (s: S, items: unknown) => t.request('/api/content/submit', json('POST', s, { items }));

async function clips(n: number): Promise<{ id: number; latest: { number: number } }[]> {
  const res = await t.request('/api/media?name=poster.png', {
    method: 'POST',
    ...editor,
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(fs.readFileSync(fx['poster.png']!)),
  });
  const { sha256 } = await res.json();
  const out = [];
  for (let i = 1; i <= n; i++)
    out.push(
      await (await t.request('/api/content', json('POST', editor, { kind: 'clip', title: `Áp phích ${i}`, mediaSha256: sha256 }))).json(),
    );
  return out;
}

describe('POST /api/content/submit', () => {
  it('submits the valid drafts and refuses the others one by one, with the reason in vi and en', async () => {
    const [a, b, c] = await clips(3);
    expect((await t.request(`/api/content/${c!.id}/versions/1/submit`, json('POST', editor))).status).toBe(200);
    const before = await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reviews');

    const res = await bulk(editor, [{ id: a!.id }, { id: b!.id, number: 1 }, { id: c!.id, number: 1 }, { id: 9999 }]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(
      body.submitted.map((s: { id: number; number: number; version: { state: string } }) => [s.id, s.number, s.version.state]),
    ).toEqual([
      [a!.id, 1, 'submitted'],
      [b!.id, 1, 'submitted'],
    ]);
    expect(body.refused).toEqual([
      expect.objectContaining({ id: c!.id, number: 1, status: 409, code: 'bad_state' }),
      expect.objectContaining({
        id: 9999,
        number: null,
        status: 404,
        code: 'content_not_found',
        message: { vi: 'Không tìm thấy nội dung.', en: 'Content not found.' },
      }),
    ]);
    expect(body.refused[0].message.vi).toMatch(/[ạ-ỹ]/u);
    // Exactly one "submitted" review row per submitted item; the refused one gained nothing.
    const after = await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reviews');
    expect(after!.n - before!.n).toBe(2);

    const queue = (await (await t.request('/api/reviews', json('GET', reviewer))).json()) as { version: { contentId: number } }[];
    expect(queue.map((e) => e.version.contentId).sort()).toEqual([a!.id, b!.id, c!.id].sort());
  });

  it('is for editors only', async () => {
    const [a] = await clips(1);
    expect((await bulk(reviewer, [{ id: a!.id }])).status).toBe(403);
    expect((await (await t.request(`/api/content/${a!.id}`, json('GET', editor))).json()).latest.state).toBe('draft');
  });

  it('refuses an empty list', async () => {
    expect((await bulk(editor, [])).status).toBe(400);
  });
});
