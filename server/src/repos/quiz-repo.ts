// SQL for kiosk quiz answers (migration 0012): idempotent on the kiosk's event id, and the aggregates the quiz
// report reads (rounds played and finished, their scores, the questions most often answered wrong).
import type { Queryable } from '../db/sqlite';

export type QuizAnswerRow = {
  event_id: string;
  device_id: number;
  round_id: string;
  content_id: number;
  version_id: number;
  answer_index: number;
  correct: number;
  position: number;
  round_size: number;
  answered_at: number;
  received_at: number;
};

/** A period and optionally one kiosk; answers are counted by when they were given. */
export type QuizFilter = { from: number; to: number; deviceId?: number };

const where = `answered_at >= ? AND answered_at < ? AND (? IS NULL OR device_id = ?)`;
const whereA = `a.answered_at >= ? AND a.answered_at < ? AND (? IS NULL OR a.device_id = ?)`;
const args = (f: QuizFilter) => [f.from, f.to, f.deviceId ?? null, f.deviceId ?? null];

export const quizRepo = {
  insertIgnore: async (q: Queryable, r: QuizAnswerRow) =>
    (
      await q.run(
        // Only a repeated event id is skipped (the kiosk resending): any other broken row fails loudly.
        `INSERT INTO quiz_answers (event_id, device_id, round_id, content_id, version_id, answer_index, correct, position,
           round_size, answered_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        [
          r.event_id,
          r.device_id,
          r.round_id,
          r.content_id,
          r.version_id,
          r.answer_index,
          r.correct,
          r.position,
          r.round_size,
          r.answered_at,
          r.received_at,
        ],
      )
    ).changes > 0,

  /** One row per round (per kiosk) in the period: how many questions it had, how many were answered, and right. */
  rounds: (q: Queryable, f: QuizFilter) =>
    q.all<{ round_id: string; device_id: number; round_size: number; answered: number; correct: number }>(
      `SELECT round_id, device_id, MAX(round_size) AS round_size, COUNT(DISTINCT position) AS answered, SUM(correct) AS correct
       FROM quiz_answers WHERE ${where} GROUP BY round_id, device_id`,
      args(f),
    ),

  /** Per question: answers and wrong answers in the period, with the title of the version answered last. */
  byQuestion: (q: Queryable, f: QuizFilter) =>
    q.all<{ content_id: number; title: string; answers: number; wrong: number }>(
      `SELECT x.content_id, COALESCE(v.title, '') AS title, x.answers, x.wrong
       FROM (SELECT a.content_id, MAX(a.version_id) AS version_id, COUNT(*) AS answers, SUM(1 - a.correct) AS wrong
             FROM quiz_answers a WHERE ${whereA} GROUP BY a.content_id) x
       LEFT JOIN content_versions v ON v.id = x.version_id`,
      args(f),
    ),

  /** The kiosks that have answers in the period, with their names. */
  devices: (q: Queryable, f: QuizFilter) =>
    q.all<{ device_id: number; device_name: string | null }>(
      `SELECT DISTINCT a.device_id, d.name AS device_name FROM quiz_answers a LEFT JOIN devices d ON d.id = a.device_id
       WHERE ${whereA} ORDER BY a.device_id`,
      args(f),
    ),

  count: async (q: Queryable) => (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM quiz_answers'))!.n,
};
