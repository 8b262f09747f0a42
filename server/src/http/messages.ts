// Human messages of every error the API returns, in Vietnamese (default) and English.
export type Lang = 'vi' | 'en';

export const MESSAGES = {
  bad_request: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  validation_failed: {
    vi: 'Dữ liệu gửi lên không hợp lệ: {details}',
    en: 'The submitted data is invalid: {details}',
  },
  malformed_json: { vi: 'Nội dung JSON bị lỗi cú pháp.', en: 'The JSON body is malformed.' },
  unauthenticated: { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to log in to continue.' },
  forbidden: { vi: 'Vai trò của bạn không được phép làm việc này.', en: 'Your role is not allowed to do this.' },
  csrf_failed: {
    vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.',
    en: 'Invalid session (missing CSRF token). Please reload the page.',
  },
  bad_origin: { vi: 'Yêu cầu đến từ nguồn không được phép.', en: 'The request comes from a disallowed origin.' },
  bad_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  too_many_attempts: {
    vi: 'Quá nhiều lần thử. Hãy thử lại sau {seconds} giây.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  user_not_found: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  username_taken: { vi: 'Tên đăng nhập "{username}" đã có người dùng.', en: 'The username "{username}" is already taken.' },
  last_admin: {
    vi: 'Không thể bỏ quyền hoặc khoá quản trị viên cuối cùng.',
    en: 'The last active administrator cannot lose the admin role or be disabled.',
  },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  unsupported_media_type: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  internal: {
    vi: 'Lỗi máy chủ. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu {requestId}.',
    en: 'Server error. Try again; if it persists, tell the administrator the request id {requestId}.',
  },
  unavailable: { vi: 'Dịch vụ tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof MESSAGES;

export const TITLES: Record<number, Record<Lang, string>> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  401: { vi: 'Chưa đăng nhập', en: 'Unauthorized' },
  403: { vi: 'Không được phép', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  409: { vi: 'Xung đột', en: 'Conflict' },
  413: { vi: 'Quá lớn', en: 'Payload too large' },
  415: { vi: 'Kiểu không hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Không xử lý được', en: 'Unprocessable content' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi máy chủ', en: 'Internal server error' },
  503: { vi: 'Không sẵn sàng', en: 'Service unavailable' },
};

export function format(code: MessageCode, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Picks vi or en from Accept-Language by quality; Vietnamese is the default. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'vi';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.map((s) => s.trim()).find((s) => s.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('vi')) return 'vi';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
