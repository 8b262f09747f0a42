// The quiz question editor's form state and its checks (the server checks the same again), as plain data.
import type { Content, CreateContentInput } from '../../../lib/content-api';
import { browserOffsetMinutes, isoToLocalInput, localInputToIso } from '../../../lib/datetime';
import type { MessageKey } from '../../../lib/i18n';

export const MIN_ANSWERS = 2;
export const MAX_ANSWERS = 4;

export interface QuizForm {
  title: string;
  question: string;
  answers: string[];
  /** 0-based index of the right answer. */
  correctIndex: number;
  explanation: string;
  articleUrl: string;
  tags: string;
  validFrom: string;
  validTo: string;
}

export const EMPTY_QUIZ: QuizForm = {
  title: '',
  question: '',
  answers: ['', '', ''],
  correctIndex: 0,
  explanation: '',
  articleUrl: '',
  tags: '',
  validFrom: '',
  validTo: '',
};

export function quizFromContent(c: Content): QuizForm {
  const v = c.latest;
  if (!v) return EMPTY_QUIZ;
  const f = v.fields;
  const offset = browserOffsetMinutes();
  return {
    title: v.title,
    question: v.body,
    answers: Array.isArray(f.answers) ? f.answers.map(String) : ['', ''],
    correctIndex: typeof f.correctIndex === 'number' ? f.correctIndex : 0,
    explanation: typeof f.explanation === 'string' ? f.explanation : '',
    articleUrl: typeof f.articleUrl === 'string' ? f.articleUrl : '',
    tags: v.tags.join(', '),
    validFrom: isoToLocalInput(v.validFrom, offset),
    validTo: isoToLocalInput(v.validTo, offset),
  };
}

export type QuizErrors = Partial<Record<'title' | 'question' | 'answers' | 'explanation' | 'articleUrl' | 'validTo', MessageKey>>;

const isHttpUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

export function checkQuiz(f: QuizForm): QuizErrors {
  const errors: QuizErrors = {};
  if (!f.title.trim()) errors.title = 'editor.titleRequired';
  if (!f.question.trim()) errors.question = 'quiz.questionRequired';
  if (f.answers.length < MIN_ANSWERS || f.answers.length > MAX_ANSWERS || f.answers.some((a) => !a.trim()))
    errors.answers = 'quiz.answersRequired';
  if (!f.explanation.trim()) errors.explanation = 'quiz.explanationRequired';
  if (!isHttpUrl(f.articleUrl.trim())) errors.articleUrl = 'quiz.articleInvalid';
  if (f.validFrom && f.validTo && f.validTo <= f.validFrom) errors.validTo = 'editor.validityOrder';
  return errors;
}

/** The answer list without answer `i`, keeping the right answer on the same text where it can. */
export function removeAnswer(f: QuizForm, i: number): Pick<QuizForm, 'answers' | 'correctIndex'> {
  const answers = f.answers.filter((_, j) => j !== i);
  const correctIndex = f.correctIndex === i ? 0 : f.correctIndex > i ? f.correctIndex - 1 : f.correctIndex;
  return { answers, correctIndex };
}

/** The API body for the form (the same fields create and edit). */
export function quizInput(f: QuizForm): Omit<CreateContentInput, 'kind'> & { title: string } {
  const tags = [
    ...new Set(
      f.tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return {
    title: f.title.trim(),
    body: f.question.trim(),
    answers: f.answers.map((a) => a.trim()),
    correctIndex: f.correctIndex,
    explanation: f.explanation.trim(),
    articleUrl: f.articleUrl.trim(),
    tags,
    validFrom: f.validFrom ? localInputToIso(f.validFrom, browserOffsetMinutes(f.validFrom)) : null,
    validTo: f.validTo ? localInputToIso(f.validTo, browserOffsetMinutes(f.validTo)) : null,
  };
}
