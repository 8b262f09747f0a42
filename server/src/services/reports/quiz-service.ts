// Kiosk quiz answers ("Tìm hiểu Bộ Quy tắc"): idempotent intake from the device socket with a per-kiosk rate
// limit, and the quiz indicators of a period (rounds played and finished, average score, the questions most
// often answered wrong — the topics that need more communication). An answer is taken only for a version
// that is a quiz, was approved, and was scheduled to that kiosk; its verdict is the server's own.
import type { QuizAnswer } from '@bantin/protocol';
import type { Db, Queryable } from '../../db/sqlite';
import { createThrottle } from '../../domain/throttle';
import { targetsDevice } from '../../domain/schedule/index';
import { contentRepo } from '../../repos/content-repo';
import { deviceRepo } from '../../repos/device-repo';
import { quizRepo, type QuizAnswerRow, type QuizFilter } from '../../repos/quiz-repo';
import { scheduleRepo } from '../../repos/schedule-repo';
import { toTargetInput } from '../scheduling/timeline-input';
import type { QuizIndicators, QuizReport } from '../../reports/types';

export type { QuizIndicators, QuizReport };

export type QuizIntake =
  | { ok: true; eventIds: string[]; refused: { eventId: string; code: 'not_allowed' | 'invalid' }[]; stored: number }
  | { ok: false; code: 'rate_limited' | 'not_allowed'; retryAfterMs?: number };

/** How many of the most often wrongly answered questions a report lists. */
export const WEAKEST_COUNT = 5;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The quiz indicators of a period (optionally of one kiosk), for the reports and the periodic report. */
export async function quizIndicators(q: Queryable, f: QuizFilter): Promise<QuizIndicators> {
  const [rounds, questions] = await Promise.all([quizRepo.rounds(q, f), quizRepo.byQuestion(q, f)]);
  const finished = rounds.filter((r) => r.answered >= r.round_size);
  const shares = finished.map((r) => r.correct / r.round_size);
  const weakest = questions
    .filter((x) => x.wrong > 0)
    .map((x) => ({ contentId: x.content_id, title: x.title, wrongShare: round3(x.wrong / x.answers), answers: x.answers }))
    .sort((a, b) => b.wrongShare - a.wrongShare || b.answers - a.answers || a.contentId - b.contentId)
    .slice(0, WEAKEST_COUNT);
  return {
    roundsPlayed: rounds.length,
    roundsFinished: finished.length,
    averageScore: shares.length ? round3(shares.reduce((a, b) => a + b, 0) / shares.length) : null,
    weakest,
  };
}

/** The period's indicators (of one kiosk, or of all) in total, and per kiosk that has answers in it. */
export async function quizReport(q: Queryable, f: QuizFilter): Promise<QuizReport> {
  const devices = await quizRepo.devices(q, f);
  return {
    total: await quizIndicators(q, f),
    byDevice: await Promise.all(
      devices.map(async (d) => ({
        deviceId: d.device_id,
        deviceName: d.device_name,
        ...(await quizIndicators(q, { ...f, deviceId: d.device_id })),
      })),
    ),
  };
}

export function createQuizService(deps: { db: Db; clock: () => number; perMinute?: number }) {
  // Counted per answer: a kiosk round is 5 answers in a minute or two; a backlog after an outage drains in batches.
  const throttle = createThrottle({ max: deps.perMinute ?? 120, windowMs: 60_000 });

  /** Whether the version may be answered on this kiosk, and its right answer. */
  const checkerFor = (device: { id: number; kind: string }) => {
    const groups = deviceRepo.groupIdsOf(deps.db, device.id).then((ids) => ids.map(String));
    const memo = new Map<string, Promise<{ correctIndex: number; answers: number } | null>>();
    const look = async (contentId: number, versionId: number) => {
      const v = await contentRepo.version(deps.db, versionId);
      if (!v || v.content_id !== contentId) return null;
      const c = await contentRepo.find(deps.db, contentId);
      if (c?.kind !== 'quiz' || !(await contentRepo.lastReviewOf(deps.db, versionId, 'approved'))) return null;
      const d = { id: String(device.id), kind: 'kiosk' as const, groupIds: await groups };
      const scheduled = (await scheduleRepo.everScheduling(deps.db, contentId)).some((s) => targetsDevice(toTargetInput(s.target), d));
      const answers = Array.isArray(v.fields.answers) ? v.fields.answers.length : 0;
      return scheduled && typeof v.fields.correctIndex === 'number' ? { correctIndex: v.fields.correctIndex, answers } : null;
    };
    return (contentId: number, versionId: number) => {
      const key = `${contentId}:${versionId}`;
      let p = memo.get(key);
      if (!p) memo.set(key, (p = look(contentId, versionId)));
      return p;
    };
  };

  return {
    async ingest(device: { id: number; kind: string }, records: readonly QuizAnswer[]): Promise<QuizIntake> {
      if (device.kind !== 'kiosk') return { ok: false, code: 'not_allowed' };
      const now = deps.clock();
      const key = String(device.id);
      const wait = throttle.retryAfter(key, now);
      if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };
      for (let i = 0; i < records.length; i++) throttle.fail(key, now);
      const check = checkerFor(device);
      const refused: { eventId: string; code: 'not_allowed' | 'invalid' }[] = [];
      const rows: QuizAnswerRow[] = [];
      for (const r of records) {
        const eventId = r.eventId.toLowerCase();
        const ids = [r.contentId, r.versionId].map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : NaN));
        const known = ids.every(Number.isFinite) ? await check(ids[0]!, ids[1]!) : null;
        if (!known) refused.push({ eventId, code: 'not_allowed' });
        else if (r.answerIndex >= known.answers) refused.push({ eventId, code: 'invalid' });
        else
          rows.push({
            event_id: eventId,
            device_id: device.id,
            round_id: r.roundId.toLowerCase(),
            content_id: ids[0]!,
            version_id: ids[1]!,
            answer_index: r.answerIndex,
            correct: r.answerIndex === known.correctIndex ? 1 : 0,
            position: r.position,
            round_size: r.roundSize,
            answered_at: Math.min(r.answeredAt, now),
            received_at: now,
          });
      }
      let stored = 0;
      await deps.db.transaction(async (tx) => {
        for (const row of rows) if (await quizRepo.insertIgnore(tx, row)) stored++;
      });
      return { ok: true, eventIds: records.map((r) => r.eventId), refused, stored };
    },

    indicators: (f: QuizFilter) => quizIndicators(deps.db, f),

    /** The period's indicators in total and per kiosk that has answers in it. */
    async report(f: Omit<QuizFilter, 'deviceId'>) {
      const devices = await quizRepo.devices(deps.db, f);
      return {
        total: await quizIndicators(deps.db, f),
        byDevice: await Promise.all(
          devices.map(async (d) => ({
            deviceId: d.device_id,
            deviceName: d.device_name,
            ...(await quizIndicators(deps.db, { ...f, deviceId: d.device_id })),
          })),
        ),
      };
    },
  };
}
export type QuizService = ReturnType<typeof createQuizService>;
