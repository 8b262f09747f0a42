// The one place where zod validation failures become problem+json answers.
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { problem } from './problem';

type HookResult = { success: true } | { success: false; error: z.ZodError };
export type HookFn = (result: HookResult & { target?: string }, c: Context) => Response | undefined | Promise<Response | undefined>;

export const validationHook: HookFn = (result, c) => {
  if (result.success) return undefined;
  const issues = result.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const details = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return problem(c, 400, 'validation_failed', { details }, { issues });
};
