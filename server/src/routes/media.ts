// /api/media — streaming uploads into the content-addressed store, and the stored bytes for staff.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonOk, problemResponse } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import { sendFile } from '../http/send-file';
import type { MediaService } from '../services/content/media-service';
import { AppError } from '../services/app-error';

/** The file's name says another type than its content (content decides; the person is told). */
export const NameWarningSchema = z
  .object({
    code: z.literal('media_name_mismatch'),
    params: z.object({ ext: z.string(), kind: z.enum(['image', 'video', 'audio', 'document']), format: z.string() }),
    vi: z.string(),
    en: z.string(),
  })
  .openapi('MediaNameWarning');

export const MediaSchema = z
  .object({
    sha256: z.string(),
    size: z.number().int(),
    mime: z.string(),
    kind: z.enum(['image', 'video', 'audio', 'document']),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    hasAudio: z.boolean(),
    fileName: z.string().nullable(),
    uploadId: z.number().int().optional(),
    warning: NameWarningSchema.nullable().optional(),
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
    info: z.record(z.string(), z.unknown()),
  })
  .openapi('Media');

const Sha = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 chữ số hex / 64 hex digits').openapi({ param: { name: 'sha256', in: 'path' } }) });
const UploadQuery = z.object({
  name: z.string().max(1000).optional().openapi({ description: 'File name (or header X-File-Name, percent-encoded UTF-8)' }),
  accept: z.enum(['image', 'video', 'audio', 'document', 'proof', 'media']).default('media').openapi({ description: 'media = image/video/audio; proof = PDF or image' }),
  uploadId: z.string().regex(/^[\w-]{8,64}$/).optional(),
});

const writers = PERMISSIONS['content.write'];
const staff = 'authenticated' as const;

const upload = defineRoute(writers, {
  method: 'post',
  path: '/',
  tags: ['media'],
  summary: 'Upload a file (streamed; checked by content) / Tải tệp lên',
  request: {
    query: UploadQuery,
    body: { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    201: jsonOk(MediaSchema, 'Stored'),
    ...errorResponses,
    413: problemResponse('Too large'),
    415: problemResponse('Unsupported type'),
    422: problemResponse('Unplayable or damaged'),
  },
});
const progress = defineRoute(staff, {
  method: 'get',
  path: '/uploads/{uploadId}',
  tags: ['media'],
  summary: 'Progress of an upload / Tiến độ tải lên',
  request: { params: z.object({ uploadId: z.string().regex(/^[\w-]{8,64}$/).openapi({ param: { name: 'uploadId', in: 'path' } }) }) },
  responses: {
    200: jsonOk(z.object({ stage: z.string(), bytes: z.number().optional(), fraction: z.number().optional(), at: z.number() })),
    ...errorResponses,
    404: problemResponse('Unknown upload'),
  },
});
const info = defineRoute(staff, {
  method: 'get',
  path: '/{sha256}/info',
  tags: ['media'],
  summary: 'What a stored file is / Thông tin tệp',
  request: { params: Sha },
  responses: { 200: jsonOk(MediaSchema), ...errorResponses, 404: problemResponse('Unknown file') },
});
const bytes = defineRoute(staff, {
  method: 'get',
  path: '/{sha256}',
  tags: ['media'],
  summary: 'The stored bytes (Range, ETag, immutable) / Nội dung tệp',
  request: { params: Sha },
  responses: { 200: { description: 'The bytes' }, 206: { description: 'Part of the bytes' }, ...errorResponses, 404: problemResponse('Unknown file') },
});
const thumbnail = defineRoute(staff, {
  method: 'get',
  path: '/{sha256}/thumbnail',
  tags: ['media'],
  summary: 'Thumbnail or waveform picture / Ảnh thu nhỏ',
  request: { params: Sha },
  responses: { 200: { description: 'Picture' }, ...errorResponses, 404: problemResponse('No thumbnail') },
});

/** The declared file name, percent-decoded to raw bytes so that the sanitiser can refuse invalid UTF-8. */
function fileNameOf(query: string | undefined, header: string | undefined): string | Uint8Array {
  if (query) return query;
  if (!header) return 'upload';
  const bytes: number[] = [];
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (ch === '%' && /^[0-9a-f]{2}$/i.test(header.slice(i + 1, i + 3))) {
      bytes.push(parseInt(header.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return new Uint8Array(bytes);
}

export function mediaRoutes(deps: { media: MediaService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(upload, async (c) => {
      const q = c.req.valid('query');
      const body = c.req.raw.body;
      if (!body) throw new AppError(400, 'media_rejected', { vi: 'Tệp rỗng.', en: 'The file is empty.' });
      const accept = q.accept === 'media' ? undefined : q.accept === 'proof' ? ['document' as const, 'image' as const] : [q.accept];
      const length = Number(c.req.header('content-length'));
      const view = await deps.media.upload(actorOf(c), {
        stream: body,
        fileName: fileNameOf(q.name, c.req.header('x-file-name')),
        expectedBytes: Number.isFinite(length) && length > 0 ? length : undefined,
        accept,
        uploadId: q.uploadId,
      });
      return c.json(view, 201);
    })
    .openapi(progress, (c) => {
      const p = deps.media.progress(c.req.valid('param').uploadId);
      if (!p) throw new AppError(404, 'media_not_found');
      return c.json(p, 200);
    })
    .openapi(info, async (c) => c.json(await deps.media.get(c.req.valid('param').sha256), 200))
    .openapi(bytes, async (c) => sendFile(c, await deps.media.fileOf(c.req.valid('param').sha256)) as never)
    .openapi(thumbnail, async (c) => sendFile(c, await deps.media.fileOf(c.req.valid('param').sha256, 'thumbnail')) as never);
}
