// The interaction summary of the periodic report (Tổng hợp tương tác / Interaction summary): a list of
// indicator rows and charts, each part made by one small provider from its own records. A new source of
// interactions (kiosk quiz rounds, citizens' reports…) adds a provider to INTERACTION_PROVIDERS.
import type { Queryable } from '../../db/sqlite';
import { reportRepo } from '../../repos/report-repo';
import { feedbackStats } from '../../reports/map';
import { kindLabel } from '../../reports/text';
import type { IndicatorChart, IndicatorRow, InteractionSummary } from '../../reports/types';
import { quizIndicators } from './quiz-service';
import { caseIndicators } from '../cases/indicators';
import { CASE_CATEGORY_LABELS } from '../../reports/text';

/** What a provider reads: the store and the period [from, to) in epoch ms. */
export type InteractionContext = { db: Queryable; from: number; to: number };
export type InteractionPart = { rows: IndicatorRow[]; charts?: IndicatorChart[] };
export type InteractionProvider = (ctx: InteractionContext) => Promise<InteractionPart>;

export const INDICATOR_GROUPS = {
  broadcast: 'Thông tin đã phát',
  kiosk: 'Tương tác tại kiosk',
  ratings: 'Đánh giá mức độ hài lòng',
  quiz: 'Chủ đề cần tuyên truyền thêm (câu hỏi hay trả lời sai)',
} as const;
const CHANNELS = ['led', 'kiosk', 'speaker'] as const;
/** The channel inside a sentence ("Lượt phát trên …"). */
const IN_SENTENCE: Record<(typeof CHANNELS)[number], string> = { led: 'màn hình LED', kiosk: 'kiosk', speaker: 'loa truyền thanh' };

/** Messages broadcast: distinct content played, and plays by channel from proof of play. */
export const broadcastIndicators: InteractionProvider = async ({ db, from, to }) => {
  const [byContent, byKind] = await Promise.all([reportRepo.playsByContent(db, from, to), reportRepo.playsByKind(db, from, to)]);
  const plays = (kind: string) => byKind.find((k) => k.kind === kind)?.plays ?? 0;
  const group = INDICATOR_GROUPS.broadcast;
  return {
    rows: [
      { key: 'broadcast.content', group, label: 'Số nội dung đã phát (tin nhắn, clip)', value: byContent.filter((c) => c.content_id !== null).length, unit: 'nội dung' },
      ...CHANNELS.map((kind) => ({ key: `broadcast.plays.${kind}`, group, label: `Lượt phát trên ${IN_SENTENCE[kind]}`, value: plays(kind), unit: 'lượt' })),
    ],
    charts: [{ key: 'broadcast.plays', title: 'Lượt phát theo kênh', bars: CHANNELS.map((kind) => ({ label: kindLabel(kind), value: plays(kind) })) }],
  };
};

/** Kiosk interactions: the feedback forms sent (góp ý). */
export const kioskIndicators: InteractionProvider = async ({ db, from, to }) => {
  const totals = await reportRepo.feedbackTotals(db, from, to);
  return { rows: [{ key: 'kiosk.feedback', group: INDICATOR_GROUPS.kiosk, label: 'Số góp ý gửi tại kiosk', value: totals.count, unit: 'góp ý' }] };
};

/** Feedback ratings: the average and the distribution of 1–5 stars. */
export const ratingIndicators: InteractionProvider = async ({ db, from, to }) => {
  const s = feedbackStats(await reportRepo.feedbackTotals(db, from, to));
  const group = INDICATOR_GROUPS.ratings;
  const stars = s.ratings.map((count, i) => ({ key: `ratings.${i + 1}`, group, label: `Số đánh giá ${i + 1} sao`, value: count, unit: 'đánh giá' }));
  return {
    rows: [{ key: 'ratings.average', group, label: 'Điểm hài lòng trung bình (1–5)', value: s.average, unit: 'điểm' }, ...stars],
    charts: [{ key: 'ratings.distribution', title: 'Phân bố điểm đánh giá', bars: s.ratings.map((count, i) => ({ label: `${i + 1} sao`, value: count })) }],
  };
};

/** The kiosk quiz ("Tìm hiểu Bộ Quy tắc"): rounds played and finished, the average score, the weakest topics. */
export const quizInteraction: InteractionProvider = async ({ db, from, to }) => {
  const q = await quizIndicators(db, { from, to });
  const kiosk = INDICATOR_GROUPS.kiosk;
  const pct = (share: number) => Math.round(share * 1000) / 10;
  return {
    rows: [
      { key: 'kiosk.quiz.rounds', group: kiosk, label: 'Số lượt chơi “Tìm hiểu Bộ Quy tắc”', value: q.roundsPlayed, unit: 'lượt' },
      { key: 'kiosk.quiz.finished', group: kiosk, label: 'Số lượt chơi hết vòng', value: q.roundsFinished, unit: 'lượt' },
      { key: 'kiosk.quiz.score', group: kiosk, label: 'Tỉ lệ trả lời đúng trung bình', value: q.averageScore === null ? null : pct(q.averageScore), unit: '%' },
      ...q.weakest.map((w, i) => ({ key: `quiz.weakest.${i + 1}`, group: INDICATOR_GROUPS.quiz, label: w.title, value: pct(w.wrongShare), unit: '% trả lời sai' })),
    ],
    charts: q.weakest.length
      ? [{ key: 'quiz.weakest', title: 'Câu hỏi hay trả lời sai (% trả lời sai)', bars: q.weakest.map((w) => ({ label: w.title, value: pct(w.wrongShare) })) }]
      : [],
  };
};

/** Citizens' reports (phản ánh) filed at kiosks: how many, by category, and the median time to close. */
export const caseInteraction: InteractionProvider = async ({ db, from, to }) => {
  const c = await caseIndicators(db, { from, to });
  const kiosk = INDICATOR_GROUPS.kiosk;
  const categories = Object.entries(c.byCategory) as [keyof typeof CASE_CATEGORY_LABELS, number][];
  return {
    rows: [
      { key: 'kiosk.reports', group: kiosk, label: 'Số phản ánh vi phạm, tin giả gửi tại kiosk', value: c.received, unit: 'phản ánh' },
      { key: 'kiosk.reports.hoursToClose', group: kiosk, label: 'Thời gian xử lý xong phản ánh (trung vị)', value: c.medianHoursToClose, unit: 'giờ' },
    ],
    charts: [{ key: 'reports.categories', title: 'Phản ánh theo loại', bars: categories.map(([k, n]) => ({ label: CASE_CATEGORY_LABELS[k], value: n })) }],
  };
};

/** The section's providers, in the order their rows appear. */
export const INTERACTION_PROVIDERS: readonly InteractionProvider[] = [broadcastIndicators, kioskIndicators, quizInteraction, caseInteraction, ratingIndicators];

export async function interactionSummary(ctx: InteractionContext, providers: readonly InteractionProvider[] = INTERACTION_PROVIDERS): Promise<InteractionSummary> {
  const parts = await Promise.all(providers.map((p) => p(ctx)));
  return { rows: parts.flatMap((p) => p.rows), charts: parts.flatMap((p) => p.charts ?? []) };
}
