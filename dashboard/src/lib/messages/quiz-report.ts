// Strings of the kiosk quiz section of the reports screen ("Tìm hiểu Bộ Quy tắc").
import { areaDictionary } from '../area-i18n';

const vi = {
  title: 'Tìm hiểu Bộ Quy tắc tại kiosk',
  summary: '{played} lượt chơi, {finished} lượt hoàn thành, tỷ lệ trả lời đúng trung bình {score}',
  byDevice: 'Theo kiosk',
  weakest: 'Câu hỏi hay trả lời sai (cần tuyên truyền thêm)',
  kiosk: 'Kiosk',
  played: 'Lượt chơi',
  finished: 'Hoàn thành',
  score: 'Tỷ lệ đúng trung bình',
  question: 'Câu hỏi',
  answers: 'Số lần trả lời',
  wrongShare: 'Tỷ lệ trả lời sai',
  csvDevices: 'tim-hieu-bo-quy-tac-theo-kiosk',
  csvWeakest: 'cau-hoi-hay-sai',
  none: '—',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  title: 'Code of Conduct quiz on kiosks',
  summary: '{played} rounds played, {finished} finished, average share right {score}',
  byDevice: 'By kiosk',
  weakest: 'Questions most often answered wrong (to communicate more)',
  kiosk: 'Kiosk',
  played: 'Rounds',
  finished: 'Finished',
  score: 'Average share right',
  question: 'Question',
  answers: 'Answers',
  wrongShare: 'Share wrong',
  csvDevices: 'quiz-by-kiosk',
  csvWeakest: 'quiz-weakest-questions',
  none: '—',
};

export const quizReportText = areaDictionary<Key>(vi, en);
