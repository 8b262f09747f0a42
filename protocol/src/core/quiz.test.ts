import { describe, expect, it } from 'vitest';
import { packTimeline, unpackTimeline } from './packed';
import { quizAvailableAt, versionWithQuiz, type QuizQuestion } from './quiz';
import { PackedTimelineSchema } from '../timeline';
import type { DeviceTimeline } from './timeline';

const question: QuizQuestion = {
  contentId: '7',
  versionId: '12',
  title: 'Xếp hàng',
  question: 'Nên làm gì khi chờ làm thủ tục?',
  answers: ['Chen lên', 'Xếp hàng'],
  correctIndex: 1,
  explanation: 'Giữ trật tự.',
  articleUrl: 'https://example.vn/dieu-5',
  windows: [{ start: 1000, end: 2000 }],
};
const timeline: DeviceTimeline = { deviceId: '3', from: 0, to: 10_000, version: 'fnv1a64:0', segments: [], media: [] };

describe('quiz questions in a packed timeline', () => {
  it('travel through pack and unpack, and the schema accepts them', () => {
    const packed = packTimeline({ ...timeline, quiz: [question] });
    expect(PackedTimelineSchema.safeParse(packed).success).toBe(true);
    expect(unpackTimeline(JSON.parse(JSON.stringify(packed)), '3')?.quiz).toEqual([question]);
  });

  it('are left out of a timeline that has none, so older timelines stay byte for byte the same', () => {
    expect('quiz' in packTimeline(timeline)).toBe(false);
    expect('quiz' in packTimeline({ ...timeline, quiz: [] })).toBe(false);
    expect('quiz' in unpackTimeline(packTimeline(timeline), '3')!).toBe(false);
  });

  it('drop a malformed question without dropping the timeline', () => {
    const bad = { ...question, correctIndex: 5 };
    const tl = unpackTimeline({ ...packTimeline(timeline), quiz: [bad, question, 'x'] }, '3');
    expect(tl?.quiz).toEqual([question]);
  });
});

describe('versionWithQuiz and quizAvailableAt', () => {
  it('changes the version only when there are questions', () => {
    expect(versionWithQuiz('fnv1a64:ab', undefined)).toBe('fnv1a64:ab');
    expect(versionWithQuiz('fnv1a64:ab', [])).toBe('fnv1a64:ab');
    const v = versionWithQuiz('fnv1a64:ab', [question]);
    expect(v).toMatch(/^fnv1a64:ab\+quiz:[0-9a-f]{16}$/);
    expect(versionWithQuiz('fnv1a64:ab', [{ ...question, explanation: 'Khác' }])).not.toBe(v);
  });

  it('offers a question only inside its windows (end exclusive)', () => {
    expect(quizAvailableAt([question], 999)).toEqual([]);
    expect(quizAvailableAt([question], 1000)).toEqual([question]);
    expect(quizAvailableAt([question], 2000)).toEqual([]);
  });
});
