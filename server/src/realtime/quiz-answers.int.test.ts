// quiz-answer.v1 over a real device socket: stored once per eventId (after the commit, then acknowledged),
// refused when the version is not a quiz approved and scheduled to that kiosk, rate-limited per kiosk.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { approvedQuiz, createQuiz, type Staff } from '../../test/factories/quiz';
import { addContent } from '../../test/factories/scheduling';

let s: TestServer;
let editor: Staff, reviewer: Staff;
let now = Date.parse('2026-12-01T02:00:00Z');
const clock = () => now;
let kiosk: { id: number; token: string };
let quiz: { contentId: number; versionId: number };

beforeEach(async () => {
  now = Date.parse('2026-12-01T02:00:00Z');
  s = await startTestServer({ clock });
  editor = await s.createUser('bien-tap', ['editor']);
  reviewer = await s.createUser('van-hoa', ['reviewer']);
  kiosk = await s.createDevice('kiosk');
  quiz = await approvedQuiz(s, editor, reviewer);
  await schedule(quiz.contentId, { kinds: ['kiosk'] });
}, 60_000);
afterEach(() => s?.stop());

async function schedule(contentId: number, target: Record<string, unknown>) {
  const when = {
    dateFrom: '2026-12-01',
    dateTo: '2026-12-31',
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    windows: [{ start: '07:00', end: '17:00' }],
  };
  const res = await s.request('/api/schedules', {
    method: 'POST',
    ...editor,
    body: JSON.stringify({ class: 'normal', contentId, target, when }),
  });
  if (res.status !== 201) throw new Error(`schedule: ${res.status} ${await res.text()}`);
}

const answer = (over: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  roundId: randomUUID(),
  contentId: String(quiz.contentId),
  versionId: String(quiz.versionId),
  answerIndex: 1,
  correct: true,
  position: 1,
  roundSize: 1,
  answeredAt: now,
  ...over,
});
const batch = (records: unknown[]) => ({ type: 'quiz-answer.v1', records });
const rows = async () =>
  s.db.all<{ event_id: string; correct: number; answer_index: number }>(
    'SELECT event_id, correct, answer_index FROM quiz_answers ORDER BY answer_index',
  );
const connected = async (token: string) => {
  const c = await s.connect(token);
  await c.next('time.v1');
  return c;
};

describe('quiz-answer.v1', () => {
  it('stores each answer once whatever how often it is sent, acknowledges after the commit, and judges it itself', async () => {
    const c = await connected(kiosk.token);
    const right = answer();
    const claimedRight = answer({ answerIndex: 0, correct: true, position: 1 });
    c.send(batch([right, claimedRight]));
    expect((await c.next('quiz-answer.ack.v1', 5000)).eventIds).toEqual([right.eventId, claimedRight.eventId]);
    c.send(batch([right, claimedRight]));
    const again = await c.next('quiz-answer.ack.v1', 5000);
    expect(again.eventIds).toEqual([right.eventId, claimedRight.eventId]);
    expect(again.refused).toBeUndefined();
    expect(await rows()).toEqual([
      { event_id: claimedRight.eventId, correct: 0, answer_index: 0 },
      { event_id: right.eventId, correct: 1, answer_index: 1 },
    ]);
  });

  it('refuses (and acknowledges, so it is never resent) answers to what is not a quiz approved and scheduled to this kiosk', async () => {
    const notScheduled = await approvedQuiz(s, editor, reviewer, { title: 'Câu khác' });
    const other = await s.createDevice('kiosk');
    const onlyOther = await approvedQuiz(s, editor, reviewer, { title: 'Câu của kiosk khác' });
    await schedule(onlyOther.contentId, { deviceIds: [other.id] });
    const message = await addContent(s, { kind: 'message' });
    await schedule(message, { kinds: ['kiosk'] });
    const messageVersion = (await s.db.get<{ id: number }>('SELECT approved_version_id AS id FROM content WHERE id = ?', [message]))!.id;
    const draft = await createQuiz(s, editor, { title: 'Chưa duyệt' });
    await schedule(draft.id, { kinds: ['kiosk'] });
    const junk = [
      answer({ contentId: String(notScheduled.contentId), versionId: String(notScheduled.versionId) }),
      answer({ contentId: String(onlyOther.contentId), versionId: String(onlyOther.versionId) }),
      answer({ versionId: String(notScheduled.versionId) }),
      answer({ versionId: '999999' }),
      answer({ contentId: 'abc' }),
      answer({ contentId: String(message), versionId: String(messageVersion) }),
      answer({ contentId: String(draft.id), versionId: String(draft.latest.id) }),
      answer({ answerIndex: 3 }),
    ];
    const c = await connected(kiosk.token);
    c.send(batch(junk));
    const ack = await c.next('quiz-answer.ack.v1', 5000);
    expect(ack.eventIds).toEqual(junk.map((j) => j.eventId));
    expect((ack.refused as { code: string }[]).map((r) => r.code)).toEqual([...Array(7).fill('not_allowed'), 'invalid']);
    expect(await rows()).toEqual([]);

    // Out of shape: refused by the schema, nothing stored.
    c.send(batch([{ ...answer(), eventId: 'not-a-uuid' }]));
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'quiz-answer.v1' });
    c.send(batch([answer({ position: 3, roundSize: 2 })]));
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid' });

    // Not a kiosk: not allowed.
    const led = await s.createDevice('led');
    const l = await connected(led.token);
    l.send(batch([answer()]));
    expect(await l.next('error.v1')).toMatchObject({ code: 'not_allowed', ref: 'quiz-answer.v1' });
    expect(await rows()).toEqual([]);
  });

  it('takes about 120 answers a minute per kiosk; past that a bilingual rate_limited error, another kiosk unaffected, and it recovers', async () => {
    const c = await connected(kiosk.token);
    const full = () => batch(Array.from({ length: 50 }, () => answer()));
    for (let i = 0; i < 3; i++) {
      c.send(full());
      await c.next('quiz-answer.ack.v1', 5000);
    }
    const over = full();
    c.send(over);
    const refusal = await c.next('error.v1', 3000);
    expect(refusal).toMatchObject({ code: 'rate_limited', ref: 'quiz-answer.v1' });
    expect(refusal.message).toMatch(/^Kiosk gửi quá nhiều câu trả lời; thử lại sau 60 giây/);
    expect(refusal.message).toMatch(/retry in 60 s/);
    expect((await rows()).length).toBe(150);

    const k2 = await s.createDevice('kiosk');
    const c2 = await connected(k2.token);
    const one = answer();
    c2.send(batch([one]));
    expect((await c2.next('quiz-answer.ack.v1', 5000)).eventIds).toEqual([one.eventId]);

    now += 60_000;
    c.send(over);
    expect((await c.next('quiz-answer.ack.v1', 5000)).eventIds).toHaveLength(50);
    expect((await rows()).length).toBe(201);
  });
});
