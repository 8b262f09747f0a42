// Staff roles (ARCHITECTURE.md "Who uses it") and the one table of what each role may do. The server checks
// every request against PERMISSIONS; the dashboard reads the same table to hide what a role may not do.

export const ROLES = ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer', 'announcer'] as const;
export type Role = (typeof ROLES)[number];

/** Which roles may do what. Reading (any logged-in staff member) is not listed: every role may read. */
export const PERMISSIONS = {
  'content.write': ['editor'], // soạn, tải lên, gửi duyệt
  'review.content': ['reviewer'], // duyệt tin nhắn và clip (phòng Văn hoá – Xã hội)
  'review.ads': ['ad_reviewer'], // duyệt quảng cáo (phòng Kinh tế)
  'review.decide': ['reviewer', 'ad_reviewer'], // quyết định duyệt (either office; the kind decides which)
  'review.queue': ['reviewer', 'ad_reviewer', 'admin'], // xem hàng chờ duyệt
  'users.manage': ['admin'],
  'audit.read': ['admin', 'viewer'],
  'schedules.write': ['admin', 'editor'], // lịch phát, danh sách phát
  'devices.write': ['admin', 'editor'], // thiết bị, nhóm, ghép nối
  'devices.command': ['editor', 'admin'], // lệnh tới thiết bị (tải lại, nhận diện, âm lượng)
  'alerts.issue': ['editor', 'reviewer', 'admin'], // phát / huỷ cảnh báo khẩn cấp
  'reports.generate': ['editor', 'admin'],
  'relays.manage': ['admin'], // nguồn tiếp âm (VOV1, đài tỉnh): thêm, sửa, xoá; phòng Văn hoá – Xã hội duyệt
  // Citizens' reports (phản ánh) hold personal data: not every role reads them.
  'cases.read': ['reviewer', 'admin'], // xem mọi phản ánh
  'cases.handle': ['reviewer'], // xử lý, chuyển công an phường, đóng phản ánh
  // Phát thanh viên: phát trực tiếp ra loa, ghi âm thông báo. A recording still becomes a clip through content.write
  // and review, so an editor who announces holds both roles.
  'live.announce': ['announcer'], // phát trực tiếp, ghi âm thông báo
} as const satisfies Record<string, readonly Role[]>;

/** Ward police (viewer) read only the cases forwarded to them, and nothing else of the case list. */
export const FORWARDED_CASE_READERS = ['viewer'] as const satisfies readonly Role[];

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** True for anyone who decides on some kind of submission. */
export function isReviewer(roles: readonly Role[]): boolean {
  return can(roles, 'review.content') || can(roles, 'review.ads');
}

/** May this person decide on content of this kind (ads go to the economic office)? */
export function canDecide(roles: readonly Role[], kind: string): boolean {
  return kind === 'ad' ? can(roles, 'review.ads') : can(roles, 'review.content');
}
