import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '@bantin/protocol/core';
import { answer, currentQuestion, encouragement, finished, score, startRound } from './round';

const q = (n: number): QuizQuestion => ({
  contentId: String(n),
  versionId: String(n * 10),
  title: `Câu ${n}`,
  question: `Câu hỏi ${n}?`,
  answers: ['Sai', 'Đúng'],
  correctIndex: 1,
  explanation: 'Vì thế.',
  articleUrl: 'https://example.vn',
  windows: [{ start: 0, end: 1 }],
});

describe('startRound', () => {
  it('asks 5 questions by default, each once, in random order', () => {
    const seq = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2];
    let i = 0;
    const r = startRound([1, 2, 3, 4, 5, 6, 7].map(q), 'r1', () => seq[i++ % seq.length]!);
    expect(r.questions).toHaveLength(5);
    expect(new Set(r.questions.map((x) => x.contentId)).size).toBe(5);
    const sorted = startRound([1, 2, 3, 4, 5, 6, 7].map(q), 'r2', () => 0.999);
    expect(sorted.questions.map((x) => x.contentId)).not.toEqual(r.questions.map((x) => x.contentId));
  });

  it('asks fewer when fewer are available', () => {
    expect(startRound([q(1), q(2)], 'r').questions).toHaveLength(2);
  });
});

describe('answering a round', () => {
  it('marks each answer right or wrong, counts the score and ends after the last question', () => {
    let r = startRound([q(1), q(2), q(3)], 'r', () => 0);
    r = answer(r, 1);
    r = answer(r, 0);
    expect(finished(r)).toBe(false);
    r = answer(r, 1);
    expect(r.answers.map((a) => a.correct)).toEqual([true, false, true]);
    expect(score(r)).toBe(2);
    expect(finished(r)).toBe(true);
    expect(currentQuestion(r)).toBeNull();
    expect(answer(r, 1)).toBe(r);
  });

  it('ignores an answer index that is not one of the answers', () => {
    const r = startRound([q(1)], 'r');
    expect(answer(r, 4)).toBe(r);
  });
});

describe('encouragement', () => {
  it('is encouraging whatever the score, in Vietnamese and English', () => {
    for (const [right, total] of [
      [0, 5],
      [3, 5],
      [5, 5],
    ] as const) {
      const m = encouragement(right, total);
      expect(m.vi.length).toBeGreaterThan(10);
      expect(m.en.length).toBeGreaterThan(10);
    }
    expect(encouragement(5, 5).vi).toMatch(/Tuyệt vời/);
  });
});
