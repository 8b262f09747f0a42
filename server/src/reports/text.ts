// Vietnamese labels used in report rows and files, and the masking of phone numbers typed into comments.
import type { CaseOutcome, RegionKind, ReportCategory } from '@bantin/protocol/core';
import { PHONE_NUMBER } from '../domain/text/phone';

export const KIND_LABELS: Record<string, string> = {
  led: 'Màn hình LED',
  kiosk: 'Kiosk',
  speaker: 'Loa truyền thanh',
};

export const CLASS_LABELS: Record<string, string> = {
  emergency: 'Cảnh báo khẩn cấp',
  priority: 'Tin ưu tiên',
  normal: 'Chương trình thường',
  ads: 'Quảng cáo',
  fallback: 'Chương trình mặc định',
};

/** The layout regions a play can be shown in (vùng hiển thị). */
export const REGION_LABELS: Record<RegionKind, string> = {
  main: 'Chính',
  ticker: 'Chữ chạy',
  clock: 'Đồng hồ',
  banner: 'Băng rôn',
  image: 'Hình ảnh',
};

/** Live announcements (phát trực tiếp): their class and why they ended, as the reports name them. */
export const LIVE_CLASS_LABELS = { priority: 'Ưu tiên', emergency: 'Khẩn cấp' } as const;
export const LIVE_END_LABELS = {
  stopped: 'Người nói kết thúc',
  dropped: 'Mất kết nối',
  max_duration: 'Hết thời lượng tối đa',
  server_stopped: 'Máy chủ dừng',
  failed: 'Lỗi',
} as const;
/** A live announcement not ended (yet): on air, or left open by a crash until the next broadcast closes it. */
export const LIVE_ON_AIR_LABEL = 'Đang phát';

export const RESULT_LABELS = { completed: 'Hoàn thành', interrupted: 'Bị ngắt', failed: 'Lỗi' } as const;

/** Loại phản ánh and kết quả xử lý, as the periodic report names them. */
export const CASE_CATEGORY_LABELS: Record<ReportCategory, string> = {
  false_news: 'Tin giả',
  insult: 'Xúc phạm',
  scam: 'Lừa đảo',
  child_harm: 'Nội dung có hại cho trẻ em',
  other: 'Khác',
};
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  verified_true: 'Xác minh đúng',
  verified_false: 'Xác minh sai',
  removed: 'Đã gỡ',
  referred_elsewhere: 'Chuyển cơ quan khác',
  unresolved: 'Không xử lý được',
};

export const NO_GROUP_LABEL = '(Không thuộc nhóm nào)';
export const UNKNOWN_CONTENT_LABEL = '(Nội dung không còn)';

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;
export const classLabel = (cls: string) => CLASS_LABELS[cls] ?? cls;

/**
 * A citizen may type a phone number into a kiosk comment. The phone is personal data kept only with consent
 * (its own column, never reported), so a number inside the free text is masked as well.
 */
export function maskPhones(text: string): string {
  return text.replace(PHONE_NUMBER, '[số điện thoại]');
}
