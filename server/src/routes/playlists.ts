// /api/playlists — ordered lists of content items.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { PlaylistService } from '../services/scheduling/playlist-service';
import { IdParam, READ } from './devices';

const WRITE = PERMISSIONS['schedules.write'];

const Item = z
  .object({ contentId: z.number().int().positive(), durationMs: z.number().int().min(1000).max(3_600_000).optional() })
  .strict()
  .openapi('PlaylistItem');
const PlaylistSchema = z
  .object({ id: z.number().int(), name: z.string(), items: z.array(Item), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Playlist');
const CreatePlaylist = z.object({ name: text(100), items: z.array(Item).min(1).max(200) }).strict().openapi('CreatePlaylist');
const PatchPlaylist = z.object({ name: text(100).optional(), items: z.array(Item).min(1).max(200).optional() }).strict().openapi('PatchPlaylist');

const tags = ['playlists'];
const notFound = { 404: problemResponse('No such playlist / Không có danh sách phát') };
const list = defineRoute(READ, { method: 'get', path: '/', tags, summary: 'List playlists / Danh sách phát', responses: { 200: jsonOk(z.array(PlaylistSchema)), ...errorResponses } });
const get = defineRoute(READ, { method: 'get', path: '/{id}', tags, summary: 'One playlist', request: { params: IdParam }, responses: { 200: jsonOk(PlaylistSchema), ...errorResponses, ...notFound } });
const create = defineRoute(WRITE, {
  method: 'post', path: '/', tags, summary: 'Create a playlist / Tạo danh sách phát',
  request: { body: jsonBody(CreatePlaylist) },
  responses: { 201: jsonOk(PlaylistSchema, 'Created'), ...errorResponses, 422: problemResponse('Unknown content') },
});
const patch = defineRoute(WRITE, {
  method: 'patch', path: '/{id}', tags, summary: 'Change a playlist / Sửa danh sách phát',
  request: { params: IdParam, body: jsonBody(PatchPlaylist) },
  responses: { 200: jsonOk(PlaylistSchema), ...errorResponses, ...notFound, 422: problemResponse('Unknown content') },
});
const remove = defineRoute(WRITE, {
  method: 'delete', path: '/{id}', tags, summary: 'Delete a playlist / Xoá danh sách phát',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFound, 409: problemResponse('Used by schedules') },
});

export function playlistRoutes(deps: { playlists: PlaylistService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.playlists.list(), 200))
    .openapi(create, async (c) => c.json(await deps.playlists.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(get, async (c) => c.json(await deps.playlists.get(c.req.valid('param').id), 200))
    .openapi(patch, async (c) => c.json(await deps.playlists.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await deps.playlists.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
