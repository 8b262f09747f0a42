// /api/users — staff accounts (admin only).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import { ROLES } from '../domain/roles';
import type { UserService } from '../services/accounts/user-service';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';

const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

const username = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().regex(/^[\p{L}\p{N}._-]{3,50}$/u, 'Tên đăng nhập 3–50 ký tự chữ, số, . _ - / 3–50 letters, digits, . _ -'));
const password = z.string().min(10, 'Mật khẩu ít nhất 10 ký tự / at least 10 characters').max(200);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

const CreateUser = z
  .object({ username, displayName: text(100), password, roles })
  .strict()
  .openapi('CreateUser');
const PatchUser = z
  .object({ displayName: text(100).optional(), password: password.optional(), roles: roles.optional(), disabled: z.boolean().optional() })
  .strict()
  .openapi('PatchUser');
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const admin = PERMISSIONS['users.manage'];
const list = defineRoute(admin, {
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: 'List users / Danh sách người dùng',
  responses: { 200: jsonOk(z.array(UserSchema)), ...errorResponses },
});
const create = defineRoute(admin, {
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: 'Create a user / Tạo người dùng',
  request: { body: jsonBody(CreateUser) },
  responses: { 201: jsonOk(UserSchema, 'Created'), ...errorResponses, 409: problemResponse('Username taken') },
});
const patch = defineRoute(admin, {
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  summary: 'Change a user / Sửa người dùng',
  request: { params: IdParam, body: jsonBody(PatchUser) },
  responses: { 200: jsonOk(UserSchema), ...errorResponses, 404: problemResponse('No such user'), 409: problemResponse('Last admin') },
});

export function userRoutes(deps: { users: UserService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.users.list(), 200))
    .openapi(create, async (c) => c.json(await deps.users.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(patch, async (c) => c.json(await deps.users.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200));
}
