import { describe, expect, it } from 'vitest';
import { EMPTY_QUIZ, checkQuiz, quizInput, removeAnswer } from './form';

const whole = {
  ...EMPTY_QUIZ,
  title: 'Xếp hàng',
  question: 'Nên làm gì?',
  answers: ['Chen lên', 'Xếp hàng'],
  correctIndex: 1,
  explanation: 'Giữ trật tự.',
  articleUrl: 'https://example.vn/dieu-5',
};

describe('checkQuiz', () => {
  it('asks for every part of a question', () => {
    expect(checkQuiz(EMPTY_QUIZ)).toEqual({
      title: 'editor.titleRequired',
      question: 'quiz.questionRequired',
      answers: 'quiz.answersRequired',
      explanation: 'quiz.explanationRequired',
      articleUrl: 'quiz.articleInvalid',
    });
    expect(checkQuiz(whole)).toEqual({});
  });

  it('refuses a link that is not http(s) and a single answer', () => {
    expect(checkQuiz({ ...whole, articleUrl: 'javascript:alert(1)' })).toEqual({ articleUrl: 'quiz.articleInvalid' });
    expect(checkQuiz({ ...whole, answers: ['Một'] })).toEqual({ answers: 'quiz.answersRequired' });
  });
});

describe('removeAnswer', () => {
  it('keeps the right answer on its text', () => {
    const f = { ...whole, answers: ['a', 'b', 'c'], correctIndex: 2 };
    expect(removeAnswer(f, 0)).toEqual({ answers: ['b', 'c'], correctIndex: 1 });
    expect(removeAnswer(f, 2)).toEqual({ answers: ['a', 'b'], correctIndex: 0 });
  });
});

describe('quizInput', () => {
  it('sends the question as the body and trims every text', () => {
    expect(quizInput({ ...whole, question: ' Nên làm gì? ', answers: [' Chen lên ', 'Xếp hàng'] })).toMatchObject({
      body: 'Nên làm gì?',
      answers: ['Chen lên', 'Xếp hàng'],
      correctIndex: 1,
    });
  });
});
