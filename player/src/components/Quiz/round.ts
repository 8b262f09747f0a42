// One round of the kiosk quiz ("Tìm hiểu Bộ Quy tắc") as plain data: which questions, in what random order,
// what was answered, the score and the words that end the round. Pure: randomness and ids come in.
import type { QuizQuestion } from '@bantin/protocol/core';

/** Questions in one round unless fewer are available. */
export const ROUND_SIZE = 5;

export interface Answered {
  chosen: number;
  correct: boolean;
}

export interface Round {
  id: string;
  questions: QuizQuestion[];
  /** One per question answered so far, in order. */
  answers: Answered[];
}

/** A round of up to `size` questions in random order (Fisher–Yates with the given random numbers in [0, 1)). */
export function startRound(available: readonly QuizQuestion[], id: string, random: () => number = Math.random, size = ROUND_SIZE): Round {
  const pool = [...available];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { id, questions: pool.slice(0, Math.max(0, size)), answers: [] };
}

/** The question being asked (or just answered), or null once every question has an answer. */
export const currentQuestion = (r: Round): QuizQuestion | null => r.questions[r.answers.length] ?? null;

/** The round with the current question answered by `chosen`; unchanged when there is nothing to answer. */
export function answer(r: Round, chosen: number): Round {
  const q = currentQuestion(r);
  if (!q || chosen < 0 || chosen >= q.answers.length) return r;
  return { ...r, answers: [...r.answers, { chosen, correct: chosen === q.correctIndex }] };
}

export const score = (r: Round): number => r.answers.filter((a) => a.correct).length;
export const finished = (r: Round): boolean => r.questions.length > 0 && r.answers.length === r.questions.length;

/** The words that end a round, Vietnamese first: always encouraging, warmer as the score grows. */
export function encouragement(right: number, total: number): { vi: string; en: string } {
  const share = total === 0 ? 0 : right / total;
  if (share === 1)
    return { vi: 'Tuyệt vời! Ông/bà nắm rất vững Bộ Quy tắc ứng xử.', en: 'Excellent! You know the Code of Conduct very well.' };
  if (share >= 0.6)
    return { vi: 'Rất tốt! Cùng tìm hiểu thêm để trả lời đúng tất cả nhé.', en: 'Very good! Learn a little more to get them all right.' };
  return {
    vi: 'Cảm ơn ông/bà đã tham gia! Mỗi lần chơi là thêm hiểu biết về Bộ Quy tắc.',
    en: 'Thank you for playing! Every round teaches a little more of the Code.',
  };
}
