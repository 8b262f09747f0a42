// What each staff role may do in the dashboard, so screens hide what a role may not do. The server
// enforces the same matrix on every request; this table only decides what to show.
import type { Role } from './api';

export type Action =
  | 'content.write' // soạn, tải lên, gửi duyệt
  | 'review.content' // duyệt tin nhắn và clip (phòng Văn hoá – Xã hội)
  | 'review.ads' // duyệt quảng cáo (phòng Kinh tế)
  | 'users.manage'
  | 'audit.read';

const MATRIX: Record<Action, readonly Role[]> = {
  'content.write': ['editor'],
  'review.content': ['reviewer'],
  'review.ads': ['ad_reviewer'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'viewer'],
};

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => MATRIX[action].includes(r));
}

/** True for anyone who decides on some kind of submission. */
export function isReviewer(roles: readonly Role[]): boolean {
  return can(roles, 'review.content') || can(roles, 'review.ads');
}

/** May this person decide on content of this kind (ads go to the economic office)? */
export function canDecide(roles: readonly Role[], kind: string): boolean {
  return kind === 'ad' ? can(roles, 'review.ads') : can(roles, 'review.content');
}
