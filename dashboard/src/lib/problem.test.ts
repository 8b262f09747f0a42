import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem, problemMessage } from './problem';

describe('parseProblem', () => {
  it('keeps the fields of an RFC 9457 document', () => {
    const p = parseProblem({ type: 'urn:x', title: 'Sai', status: 401, detail: 'Sai mật khẩu', code: 'bad_credentials' });
    expect(p).toEqual({ type: 'urn:x', title: 'Sai', status: 401, detail: 'Sai mật khẩu', code: 'bad_credentials' });
  });

  it('rejects bodies that are not problem documents', () => {
    expect(parseProblem(null)).toBeNull();
    expect(parseProblem('<html>')).toBeNull();
    expect(parseProblem({ error: 'x' })).toBeNull();
  });
});

describe('problemMessage', () => {
  it('prefers the localized detail from the server', () => {
    const err = new ApiError(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sai mật khẩu' });
    expect(problemMessage(err, 'fallback')).toBe('Sai mật khẩu');
  });

  it('uses the title when there is no detail', () => {
    const err = new ApiError(429, { type: 'about:blank', title: 'Quá nhiều lần thử', status: 429 });
    expect(problemMessage(err, 'fallback')).toBe('Quá nhiều lần thử');
  });

  it('falls back for network errors and non-problem responses', () => {
    expect(problemMessage(new TypeError('Failed to fetch'), 'mạng')).toBe('mạng');
    expect(problemMessage(new ApiError(502, null), 'mạng')).toBe('mạng');
  });
});
