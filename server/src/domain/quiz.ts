// Pure rules of a quiz question (câu hỏi tìm hiểu Bộ Quy tắc ứng xử): its shape as a content version stores
// it (the question is the version's body, the rest lives in its fields) and the check that an edited
// version still makes a whole question.

export const QUIZ_MIN_ANSWERS = 2;
export const QUIZ_MAX_ANSWERS = 4;

/** The kind-specific fields of a quiz version. */
export type QuizFields = {
  answers: string[];
  /** 0-based index of the right answer. */
  correctIndex: number;
  explanation: string;
  /** http(s) link to the Code's article the question is about. */
  articleUrl: string;
};

export const QUIZ_FIELD_KEYS = ['answers', 'correctIndex', 'explanation', 'articleUrl'] as const;

/** An absolute http:// or https:// address (a kiosk never opens javascript:, data: or file: links). */
export const isHttpUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

export type QuizProblem =
  | { code: 'quiz_question_required' }
  | { code: 'quiz_answers_count' }
  | { code: 'quiz_correct_index'; params: { count: number } }
  | { code: 'quiz_explanation_required' }
  | { code: 'quiz_article_url' };

/** The first thing that keeps `question` + `f` from being a whole quiz question, or null when it is one. */
export function quizProblem(question: string, f: Partial<Record<keyof QuizFields, unknown>>): QuizProblem | null {
  if (!question.trim()) return { code: 'quiz_question_required' };
  const answers = f.answers;
  if (
    !Array.isArray(answers) ||
    answers.length < QUIZ_MIN_ANSWERS ||
    answers.length > QUIZ_MAX_ANSWERS ||
    answers.some((a) => typeof a !== 'string' || !a.trim())
  ) {
    return { code: 'quiz_answers_count' };
  }
  const i = f.correctIndex;
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= answers.length)
    return { code: 'quiz_correct_index', params: { count: answers.length } };
  if (typeof f.explanation !== 'string' || !f.explanation.trim()) return { code: 'quiz_explanation_required' };
  if (typeof f.articleUrl !== 'string' || !isHttpUrl(f.articleUrl)) return { code: 'quiz_article_url' };
  return null;
}

/** The pre-checked texts of a quiz version besides its title and body: each answer and the explanation. */
export function quizTexts(
  fields: Record<string, unknown>,
): Partial<Record<'answer1' | 'answer2' | 'answer3' | 'answer4' | 'explanation', string>> {
  const out: Partial<Record<'answer1' | 'answer2' | 'answer3' | 'answer4' | 'explanation', string>> = {};
  const answers = Array.isArray(fields.answers) ? fields.answers : [];
  answers.slice(0, QUIZ_MAX_ANSWERS).forEach((a, i) => {
    if (typeof a === 'string') out[`answer${i + 1}` as 'answer1'] = a;
  });
  if (typeof fields.explanation === 'string') out.explanation = fields.explanation;
  return out;
}
