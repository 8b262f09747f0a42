import { describe, expect, it } from 'vitest';
import { describeError, nextStepFor } from './error-advice';
import { ApiError } from './problem';

const problem = (status: number, detail: string) => new ApiError(status, { type: 'about:blank', title: 't', status, detail });

describe('describeError', () => {
  it('shows the server’s detail and asks to fix the input for a 4xx', () => {
    expect(describeError(problem(400, 'Thiếu tiêu đề.'))).toEqual({ detail: 'Thiếu tiêu đề.', next: 'next.input' });
  });

  it('asks to sign in again after 401 and to ask the admin after 403', () => {
    expect(describeError(problem(401, 'x')).next).toBe('next.session');
    expect(describeError(problem(403, 'Không được tự duyệt.')).next).toBe('next.forbidden');
  });

  it('says nobody may decide on their own submission for a refused self-review, not that a role is missing', () => {
    const refused = new ApiError(403, { type: 'about:blank', title: 't', status: 403, code: 'self_review', detail: 'x' });
    expect(describeError(refused).next).toBe('next.selfReview');
  });

  it('treats a fetch failure as a network problem with no detail', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({ detail: null, next: 'next.network' });
  });

  it('treats a proxy error page (no problem document) as a server problem', () => {
    expect(describeError(new ApiError(502, null))).toEqual({ detail: null, next: 'next.server' });
  });
});

describe('nextStepFor', () => {
  it('maps conflicts, size limits and throttling to their own advice', () => {
    expect([409, 413, 429, 503].map(nextStepFor)).toEqual(['next.conflict', 'next.tooLarge', 'next.busy', 'next.server']);
  });
});
