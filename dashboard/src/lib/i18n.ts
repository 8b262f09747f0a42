// The dashboard's dictionary and current language. Vietnamese is the default; English is the second
// language. Every visible string goes through `t()`; the `en` table is typed against `vi`, so a key
// missing in either language fails the type check.
import { signal } from '@preact/signals';
import { readItem, writeItem, type KeyValueStore } from '@bantin/protocol/core';
import { adminEn, adminVi } from './messages/admin';
import { commonEn, commonVi } from './messages/common';
import { contentEn, contentVi } from './messages/content';
import { editorEn, editorVi } from './messages/editor';
import { reviewEn, reviewVi } from './messages/review';
import { quizEn, quizVi } from './messages/quiz';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const shellVi = {
  'app.name': 'bantin',
  'app.ward': 'Phường Nam Định',
  'app.tagline': 'Lịch phát nội dung cho màn hình và loa truyền thanh',
  'app.loading': 'Đang tải…',
  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.failed': 'Đăng nhập không thành công. Vui lòng thử lại.',
  'login.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'shell.nav': 'Điều hướng chính',
  'shell.user': 'Người dùng hiện tại',
  'shell.logout': 'Đăng xuất',
  'shell.skip': 'Bỏ qua đến nội dung chính',
  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'nav.overview': 'Tổng quan',
  'nav.content': 'Nội dung',
  'nav.review': 'Duyệt',
  'nav.schedules': 'Lịch phát',
  'nav.playlists': 'Danh sách phát',
  'nav.layouts': 'Bố cục màn hình',
  'nav.relays': 'Nguồn tiếp âm',
  'nav.devices': 'Thiết bị',
  'nav.alerts': 'Cảnh báo',
  'nav.announce': 'Phát trực tiếp',
  'nav.reports': 'Báo cáo',
  'nav.cases': 'Phản ánh',
  'nav.users': 'Người dùng',
  'nav.audit': 'Nhật ký',
  'page.placeholder': 'Màn hình này đang được xây dựng.',
  'page.notFound': 'Không tìm thấy trang',
  'page.notFoundBody': 'Địa chỉ này không tồn tại.',
  'page.forbidden': 'Không có quyền truy cập',
  'page.forbiddenBody': 'Tài khoản của bạn không được phép xem trang này.',
  'page.loadError': 'Không tải được trang. Vui lòng tải lại.',
} as const;

// Each screen area keeps its strings in lib/messages/<area>.ts; they are merged here.
const vi = { ...shellVi, ...commonVi, ...contentVi, ...editorVi, ...reviewVi, ...adminVi, ...quizVi } as const;

export type MessageKey = keyof typeof vi;

const shellEn: Record<keyof typeof shellVi, string> = {
  'app.name': 'bantin',
  'app.ward': 'Nam Dinh Ward',
  'app.tagline': 'Content scheduling for screens and loudspeakers',
  'app.loading': 'Loading…',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Sign-in failed. Please try again.',
  'login.network': 'Cannot reach the server. Check the network and try again.',
  'shell.nav': 'Main navigation',
  'shell.user': 'Signed-in user',
  'shell.logout': 'Sign out',
  'shell.skip': 'Skip to main content',
  'lang.label': 'Language',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'nav.overview': 'Overview',
  'nav.content': 'Content',
  'nav.review': 'Review',
  'nav.schedules': 'Schedules',
  'nav.playlists': 'Playlists',
  'nav.layouts': 'Screen layouts',
  'nav.relays': 'Relay sources',
  'nav.devices': 'Devices',
  'nav.alerts': 'Alerts',
  'nav.announce': 'Live & recording',
  'nav.reports': 'Reports',
  'nav.cases': 'Citizen reports',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'page.placeholder': 'This screen is under construction.',
  'page.notFound': 'Page not found',
  'page.notFoundBody': 'This address does not exist.',
  'page.forbidden': 'Access denied',
  'page.forbiddenBody': 'Your account may not view this page.',
  'page.loadError': 'The page could not be loaded. Please reload.',
};

const en: Record<MessageKey, string> = { ...shellEn, ...commonEn, ...contentEn, ...editorEn, ...reviewEn, ...adminEn, ...quizEn };

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

const STORAGE_KEY = 'bantin.lang';

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The saved language, or Vietnamese when nothing (valid) is saved. */
export function loadLang(store?: KeyValueStore | null): Lang {
  const saved = store === undefined ? readItem(STORAGE_KEY) : readItem(STORAGE_KEY, store);
  return isLang(saved) ? saved : 'vi';
}

/** The UI language; reading `.value` in a component re-renders it on a switch. */
export const lang = signal<Lang>(loadLang());

export function setLang(next: Lang): void {
  lang.value = next;
  writeItem(STORAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function translate(language: Lang, key: MessageKey): string {
  return dictionaries[language][key];
}

/** Translate in the current language. */
export function t(key: MessageKey): string {
  return translate(lang.value, key);
}

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translate with parameters in the current language: tf('content.versionN', { n: 2 }). */
export function tf(key: MessageKey, params: Record<string, string | number>): string {
  return fill(t(key), params);
}
