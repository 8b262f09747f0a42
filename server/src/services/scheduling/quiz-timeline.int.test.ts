// Quiz questions scheduled to kiosks: they reach a kiosk's timeline beside its segments (never as a slide),
// only while approved and valid, and a quiz schedule that would reach any other kind of device is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { callerFor, everyDay, vn, type Caller } from '../../../test/factories/scheduling';
import { approveVersion, approvedQuiz, createQuiz, type Staff } from '../../../test/factories/quiz';

let t: TestCtx;
let ed: Caller;
let editor: Staff, reviewer: Staff;
let now = vn('2026-03-02', '08:00');
let kiosk: number, led: number;
const morning = everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '11:00' }]);

beforeEach(async () => {
  now = vn('2026-03-02', '08:00');
  t = await createTestContext({ clock: () => now });
  ed = await callerFor(t, 'editor1', ['editor']);
  editor = await t.createUser('bien-tap', ['editor']);
  reviewer = await t.createUser('van-hoa', ['reviewer']);
  kiosk = (await ed('POST', '/api/devices', { name: 'Kiosk một cửa', kind: 'kiosk' })).body.id;
  led = (await ed('POST', '/api/devices', { name: 'LED chợ', kind: 'led' })).body.id;
}, 60_000);
afterEach(() => t.cleanup());

const toKiosks = (contentId: number) =>
  ed('POST', '/api/schedules', { class: 'normal', contentId, target: { kinds: ['kiosk'] }, when: morning });
const quizOf = async (deviceId: number) => {
  await t.timeline.settled();
  return (await t.timeline.getTimeline(deviceId))?.quiz ?? [];
};
const slideContentIds = async (deviceId: number) => {
  const tl = await t.timeline.getTimeline(deviceId);
  return new Set(tl!.segments.flatMap((s) => s.items.map((i) => i.contentId)));
};

describe('quiz questions on a kiosk timeline', () => {
  it('carries the approved version with its fields and the scheduled windows, and never as a slide', async () => {
    const q = await approvedQuiz(t, editor, reviewer);
    expect((await toKiosks(q.contentId)).status).toBe(201);
    const quiz = await quizOf(kiosk);
    expect(quiz).toHaveLength(1);
    expect(quiz[0]).toMatchObject({
      contentId: String(q.contentId),
      versionId: String(q.versionId),
      answers: ['Chen lên trước cho nhanh', 'Xếp hàng theo thứ tự, giữ trật tự', 'Nhờ người quen lấy số hộ'],
      correctIndex: 1,
      articleUrl: 'https://hanoi.gov.vn/quy-tac-ung-xu/dieu-5',
    });
    expect(quiz[0]!.windows[0]).toEqual({ start: vn('2026-03-02', '07:00'), end: vn('2026-03-02', '11:00') });
    expect(await slideContentIds(kiosk)).not.toContain(String(q.contentId));
    expect(await quizOf(led)).toEqual([]);
  });

  it('goes through the device socket frame as timeline.v2 with the questions (the hub packs what is stored)', async () => {
    const q = await approvedQuiz(t, editor, reviewer);
    await toKiosks(q.contentId);
    await t.timeline.settled();
    const { packTimeline } = await import('@bantin/protocol');
    const packed = packTimeline((await t.timeline.getTimeline(kiosk))!);
    expect(packed.quiz?.map((x) => x.versionId)).toEqual([String(q.versionId)]);
  });

  it('never carries a draft, a withdrawn or an expired question, and keeps the approved one while an edit waits', async () => {
    const draft = await createQuiz(t, editor);
    await toKiosks(draft.id);
    expect(await quizOf(kiosk)).toEqual([]);

    const v1 = await approveVersion(t, editor, reviewer, draft.id, 1);
    const before = (await t.timeline.getMeta(kiosk))!.version;
    expect((await quizOf(kiosk)).map((x) => x.versionId)).toEqual([String(v1.id)]);
    expect((await t.timeline.getMeta(kiosk))!.version).not.toBe(before);

    // An edit waits for review: version 1 stays on air.
    await ed('POST', `/api/content/${draft.id}/versions`, { explanation: 'Giải thích mới, chưa duyệt.' });
    expect((await quizOf(kiosk)).map((x) => x.explanation)).toEqual(['Bộ Quy tắc khuyến khích giữ trật tự, tôn trọng người đến trước.']);

    await ed('POST', `/api/content/${draft.id}/versions/1/withdraw`, { reason: 'Rút lại' });
    expect(await quizOf(kiosk)).toEqual([]);

    const expiring = await approvedQuiz(t, editor, reviewer, { validTo: new Date(vn('2026-03-02', '09:00')).toISOString() });
    await toKiosks(expiring.contentId);
    const live = await quizOf(kiosk);
    expect(live.map((x) => x.contentId)).toEqual([String(expiring.contentId)]);
    expect(live[0]!.windows[0]).toEqual({ start: vn('2026-03-02', '07:00'), end: vn('2026-03-02', '09:00') });
    now = vn('2026-03-02', '09:30');
    expect(await t.reviews.expire()).toBe(1);
    expect(await quizOf(kiosk)).toEqual([]);
  });
});

describe('POST /api/schedules with a quiz question', () => {
  it('refuses any target that reaches another kind than kiosks, in Vietnamese first', async () => {
    const q = await approvedQuiz(t, editor, reviewer);
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 3', deviceIds: [] })).body.id;
    await ed('PATCH', `/api/devices/${led}`, { groupIds: [g] });
    for (const target of [{ kinds: ['led'] }, { kinds: ['kiosk', 'speaker'] }, { deviceIds: [led] }, { groupIds: [g] }]) {
      const res = await ed('POST', '/api/schedules', { class: 'normal', contentId: q.contentId, target, when: morning });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('schedule_quiz_not_kiosk');
      expect(res.body.detail).toMatch(/^Câu hỏi tìm hiểu Bộ Quy tắc chỉ hiện trên kiosk/);
    }
    expect(
      (
        await ed('POST', '/api/schedules', {
          class: 'normal',
          contentId: q.contentId,
          target: { groupIds: [g], kinds: ['kiosk'] },
          when: morning,
        })
      ).status,
    ).toBe(201);
    expect(
      (await ed('POST', '/api/schedules', { class: 'normal', contentId: q.contentId, target: { deviceIds: [kiosk] }, when: morning }))
        .status,
    ).toBe(201);
  });

  it('refuses a playlist that holds a quiz question', async () => {
    const q = await approvedQuiz(t, editor, reviewer);
    const p = await ed('POST', '/api/playlists', { name: 'Có câu hỏi', items: [{ contentId: q.contentId }] });
    expect(p.status).toBe(201);
    const res = await ed('POST', '/api/schedules', { class: 'normal', playlistId: p.body.id, target: { kinds: ['kiosk'] }, when: morning });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('schedule_quiz_in_playlist');
  });
});
