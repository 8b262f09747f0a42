// defineRoute: an OpenAPI route whose access rule is both enforced (middleware) and documented (x-access).
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteConfig } from '@hono/zod-openapi';
import type { Access } from '../domain/roles';
import { requireAccess } from './middleware';

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export const errorResponses = {
  400: { description: 'Invalid input / Dữ liệu không hợp lệ', content: problemContent },
  401: { description: 'Not logged in / Chưa đăng nhập', content: problemContent },
  403: { description: 'Role not allowed / Không được phép', content: problemContent },
} as const;

export const problemResponse = (description: string) => ({ description, content: problemContent });

export function defineRoute<const R extends RouteConfig>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [requireAccess(access)] as const,
    'x-access': access,
  });
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** NFC-normalised, trimmed, length-limited text: every free-text field goes through this. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));
