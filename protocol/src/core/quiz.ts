// Quiz questions on kiosks ("Tìm hiểu Bộ Quy tắc"): the approved questions a kiosk's timeline carries beside
// its segments (never played as slides), when each may be asked, and how the timeline's version covers
// them. Pure and zod-free: the player imports it.
import { canonicalJson, fnv1a64 } from './timeline';

/** One approved quiz question version a kiosk may ask, and the times it may be asked in. */
export type QuizQuestion = {
  contentId: string;
  versionId: string;
  title: string;
  question: string;
  /** 2–4 answers, in the order the editor wrote them. */
  answers: string[];
  /** 0-based index into `answers`. */
  correctIndex: number;
  explanation: string;
  /** http(s) link to the Code's article. */
  articleUrl: string;
  /**
   * When it may be asked: its schedules' occurrences inside the timeline's range, cut to the version's
   * validity; sorted, not overlapping, `end` exclusive.
   */
  windows: { start: number; end: number }[];
};

export const QUIZ_MIN_ANSWERS = 2;
export const QUIZ_MAX_ANSWERS = 4;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** True when `v` has the shape of a QuizQuestion (a player drops any that does not). */
export function isQuizQuestion(v: unknown): v is QuizQuestion {
  if (!isObj(v)) return false;
  const { answers, windows } = v;
  return (
    typeof v.contentId === 'string' &&
    typeof v.versionId === 'string' &&
    typeof v.title === 'string' &&
    typeof v.question === 'string' &&
    Array.isArray(answers) &&
    answers.length >= QUIZ_MIN_ANSWERS &&
    answers.length <= QUIZ_MAX_ANSWERS &&
    answers.every((a) => typeof a === 'string') &&
    isInt(v.correctIndex) &&
    v.correctIndex >= 0 &&
    v.correctIndex < answers.length &&
    typeof v.explanation === 'string' &&
    typeof v.articleUrl === 'string' &&
    Array.isArray(windows) &&
    windows.every((w) => isObj(w) && isInt(w.start) && isInt(w.end) && w.end > w.start)
  );
}

/**
 * The version of a timeline that carries quiz questions: the segments' version with a hash of the questions
 * appended, so a kiosk gets a new timeline when only its questions change. Without questions it is the
 * segments' version unchanged (every other device, and older stored timelines, keep theirs).
 */
export function versionWithQuiz(segmentsVersion: string, quiz: readonly QuizQuestion[] | undefined): string {
  if (!quiz || quiz.length === 0) return segmentsVersion;
  return `${segmentsVersion}+quiz:${fnv1a64(canonicalJson(quiz))}`;
}

/** The questions that may be asked at `t` (server time). */
export function quizAvailableAt(quiz: readonly QuizQuestion[] | undefined, t: number): QuizQuestion[] {
  return (quiz ?? []).filter((q) => q.windows.some((w) => w.start <= t && t < w.end));
}
