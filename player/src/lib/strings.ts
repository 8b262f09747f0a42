// The player's visible strings (i18n dictionary). A screen in a public place shows Vietnamese first and
// English second, both at once (no language switch on a wall), so one flat table holds both; the En keys are
// the English lines. Every visible text of the player comes from here.
export const strings = {
  unpairedVi: 'Thiết bị chưa được ghép nối',
  unpairedEn: 'This device is not paired yet',
  unpairedHintVi: 'Vui lòng liên hệ cán bộ phường để ghép nối thiết bị.',
  pairingCodeVi: 'Mã ghép nối',
  pairingCodeEn: 'Pairing code',
  pairingHintVi: 'Cán bộ phường nhập mã này ở mục Thiết bị trên trang quản trị.',
  pairingHintEn: 'Ward staff enter this code under Devices in the dashboard.',
  pairingWaitingVi: 'Đang lấy mã ghép nối…',
  identifyVi: 'Thiết bị này đang được nhận diện',
  identifyEn: 'Identifying this device',
  alertTitleVi: 'CẢNH BÁO KHẨN CẤP',
  alertTitleEn: 'Emergency alert',
  feedbackOpen: 'Góp ý',
  feedbackOpenEn: 'Feedback',
  feedbackTitleVi: 'Góp ý về dịch vụ công',
  feedbackTitleEn: 'Tell us about our service',
  ratingVi: 'Mức độ hài lòng (1 – 5)',
  ratingLabel: (n: number) => `${n} sao`,
  topicVi: 'Chủ đề',
  commentVi: 'Ý kiến (không bắt buộc)',
  phoneVi: 'Số điện thoại (không bắt buộc)',
  consentVi: (days: number) =>
    `Tôi đồng ý để UBND phường lưu số điện thoại này trong ${days} ngày, chỉ để liên hệ về góp ý này, ` +
    'theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Sau thời hạn đó số điện thoại sẽ bị xoá.',
  consentNeededVi: 'Vui lòng đánh dấu đồng ý, hoặc xoá số điện thoại.',
  phoneInvalidVi: 'Số điện thoại gồm 8 – 20 chữ số.',
  chooseRatingVi: 'Vui lòng chọn mức độ hài lòng.',
  submitVi: 'Gửi góp ý',
  cancelVi: 'Quay lại',
  thanksVi: 'Cảm ơn ông/bà đã góp ý!',
  thanksEn: 'Thank you for your feedback!',
  quizOpen: 'Tìm hiểu Bộ Quy tắc',
  quizOpenEn: 'Code of Conduct quiz',
  quizProgressVi: (n: number, total: number) => `Câu ${n} / ${total}`,
  quizRightVi: 'Chính xác!',
  quizRightEn: 'Right!',
  quizWrongVi: 'Chưa đúng.',
  quizWrongEn: 'Not quite.',
  quizNextVi: 'Câu tiếp theo',
  quizResultVi: 'Xem kết quả',
  quizScoreVi: (right: number, total: number) => `Ông/bà trả lời đúng ${right}/${total} câu`,
  quizScoreEn: (right: number, total: number) => `You got ${right} of ${total} right`,
  quizBackVi: 'Về màn hình chính',
  quizBackEn: 'Back to the screen',
} as const;

/** Topics of kiosk feedback (chủ đề góp ý): the value sent is the Vietnamese label. */
export const FEEDBACK_TOPICS = ['thủ tục hành chính', 'thái độ phục vụ', 'thời gian chờ', 'cơ sở vật chất', 'khác'] as const;

/** How long a consented phone number is kept (Law 91/2025 asks for a stated period). */
export const PHONE_RETENTION_DAYS = 90;

/** "123456" → "123 456", easier to read off a wall. */
export function formatPairingCode(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
