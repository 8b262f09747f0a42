// RFC 9457 problem+json answers, with the human text in the caller's language.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { format, pickLang, TITLES, type Lang, type MessageCode, type MessageParam } from './messages';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
};

function buildProblem(
  status: number,
  code: MessageCode,
  lang: Lang,
  params: Record<string, MessageParam> = {},
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://bantin.local/problems/${code.replace(/_/g, '-')}`,
    title: (TITLES[status] ?? TITLES[500]!)[lang],
    status,
    detail: format(code, lang, params),
    code,
    ...extra,
  };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: MessageCode,
  params: Record<string, MessageParam> = {},
  extra: Record<string, unknown> = {},
) {
  const lang = (c.get('lang' as never) as Lang | undefined) ?? pickLang(c.req.header('accept-language'));
  const requestId = c.get('requestId' as never) as string | undefined;
  const body = buildProblem(status, code, lang, { requestId: requestId ?? '', ...params }, { requestId, ...extra });
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}
