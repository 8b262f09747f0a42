// /api/content — the content library: items, immutable versions, submission, withdrawal, review history.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '@bantin/protocol/core';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse, text } from '../http/route';
import type { HookFn } from '../http/validation';
import { actorOf } from '../http/actor';
import type { ContentService } from '../services/content/content-service';
import { MediaSchema, NameWarningSchema } from './media';
import { BANNED_PRODUCT_CATEGORIES } from '../domain/precheck';
import { bilingual } from '../http/messages';
import { QUIZ_MAX_ANSWERS, QUIZ_MIN_ANSWERS, isHttpUrl } from '../domain/quiz';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const when = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const KINDS = ['message', 'clip', 'ad', 'quiz'] as const;
/** A link to the Code of Conduct's article: only http(s), so a kiosk never opens javascript: or file: links. */
const articleUrl = z.string().max(500).refine(isHttpUrl, bilingual('quiz_article_url'));
const PRODUCT_CATEGORIES = [...BANNED_PRODUCT_CATEGORIES, 'alcohol_light', 'food', 'health_product', 'service', 'other'] as const;

const versionFields = {
  title: text(200),
  body: text(5000, 0).optional(),
  tags: z.array(text(40)).max(20).optional(),
  validFrom: when.nullable().optional(),
  validTo: when.nullable().optional(),
  style: z.enum(['led', 'kiosk', 'ticker']).optional(),
  voice: z.enum(['vi', 'vi-vn-x-central', 'vi-vn-x-south']).optional(),
  speed: z.number().int().min(80).max(450).optional(),
  displaySeconds: z.number().int().min(2).max(3600).optional(),
  sourceRef: text(300, 0).optional(),
  mediaSha256: sha.optional(),
  mediaUploadId: z.number().int().positive().optional(),
  advertiser: text(200).optional(),
  claim: text(2000, 0).optional().openapi({ description: 'Nội dung, tuyên bố của quảng cáo / the ad’s text or claim' }),
  productCategory: z.enum(PRODUCT_CATEGORIES).optional(),
  licenceRef: text(200, 0).optional(),
  proofs: z.array(z.object({ sha256: sha, issuedAt: when.optional() }).strict()).max(10).optional(),
  public: z.boolean().optional().openapi({ description: 'Công khai trên cổng thông tin (sau khi duyệt) / shown on the ward portal once approved' }),
  // A quiz question (câu hỏi): its question is `body`; the answers, the right one (0-based), why, and where the Code says it.
  answers: z.array(text(300)).min(QUIZ_MIN_ANSWERS, bilingual('quiz_answers_count')).max(QUIZ_MAX_ANSWERS, bilingual('quiz_answers_count')).optional(),
  correctIndex: z.number().int().min(0).max(QUIZ_MAX_ANSWERS - 1).optional(),
  explanation: text(1000).optional(),
  articleUrl: articleUrl.optional(),
};

const CreateContent = z
  .object({ kind: z.enum(KINDS), ...versionFields })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'quiz') {
      if (!v.body?.trim()) ctx.addIssue({ code: 'custom', path: ['body'], message: bilingual('quiz_question_required') });
      if (!v.answers) ctx.addIssue({ code: 'custom', path: ['answers'], message: bilingual('quiz_answers_count') });
      if (v.correctIndex === undefined || (v.answers && v.correctIndex >= v.answers.length)) {
        ctx.addIssue({ code: 'custom', path: ['correctIndex'], message: bilingual('quiz_correct_index', { count: v.answers?.length ?? QUIZ_MAX_ANSWERS }) });
      }
      if (!v.explanation?.trim()) ctx.addIssue({ code: 'custom', path: ['explanation'], message: bilingual('quiz_explanation_required') });
      if (!v.articleUrl) ctx.addIssue({ code: 'custom', path: ['articleUrl'], message: bilingual('quiz_article_url') });
    } else if (v.answers !== undefined || v.correctIndex !== undefined || v.explanation !== undefined || v.articleUrl !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: bilingual('quiz_fields_only') });
    }
    if (v.kind === 'message' && !v.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Tin nhắn cần nội dung / a message needs a body' });
    if (v.kind === 'ad' && !v.advertiser) ctx.addIssue({ code: 'custom', path: ['advertiser'], message: 'Quảng cáo cần tên nhà quảng cáo / an ad needs its advertiser' });
    if (v.kind === 'ad' && !v.productCategory) ctx.addIssue({ code: 'custom', path: ['productCategory'], message: 'Quảng cáo cần loại sản phẩm / an ad needs a product category' });
  })
  .openapi('CreateContent');
const EditContent = z.object({ ...versionFields, title: versionFields.title.optional() }).strict().openapi('EditContent');

const FindingSchema = z
  .object({
    ruleId: z.string(),
    severity: z.enum(['info', 'warning', 'error']),
    span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
    field: z.string(),
    message: z.object({ vi: z.string(), en: z.string() }),
  })
  .openapi('Finding');

export const Version = z
  .object({
    id: z.number().int(),
    contentId: z.number().int(),
    number: z.number().int(),
    state: z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired']),
    title: z.string(),
    body: z.string(),
    fields: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    durationMs: z.number().int(),
    media: MediaSchema.nullable(),
    speech: MediaSchema.nullable(),
    mediaWarning: NameWarningSchema.nullable(),
    files: z.array(z.string()),
    versionSha256: z.string(),
    findings: z.array(FindingSchema),
    createdBy: z.number().int(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .openapi('ContentVersion');
const Content = z
  .object({
    id: z.number().int(),
    kind: z.enum(KINDS),
    system: z.boolean(),
    publicId: z.string().nullable().openapi({ description: 'Mã công khai (/p/<publicId>) / id on the ward portal' }),
    owner: z.object({ id: z.number().int(), name: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    latest: Version.nullable(),
    playing: Version.nullable(),
  })
  .openapi('Content');
const History = z
  .array(
    z.object({
      id: z.number().int(),
      version: z.number().int(),
      decision: z.string(),
      reason: z.string().nullable(),
      versionSha256: z.string(),
      files: z.array(z.string()),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  )
  .openapi('ReviewHistory');

const Id = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const IdNum = Id.extend({ number: z.coerce.number().int().positive().openapi({ param: { name: 'number', in: 'path' } }) });
const ListQuery = z.object({
  kind: z.enum(KINDS).optional(),
  tag: z.string().max(40).optional(),
  state: z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired']).optional(),
  // SQLite's LIKE stops reading a pattern at U+0000, so "%\0…%" would match every item: refuse it.
  q: z.string().max(200).refine((s) => !s.includes('\u0000'), 'Không được chứa ký tự NUL / must not contain NUL').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const editors = PERMISSIONS['content.write'];
const staff = 'authenticated' as const;
const notFound = { 404: problemResponse('Not found') };
const conflict = { 409: problemResponse('Wrong state') };

const list = defineRoute(staff, { method: 'get', path: '/', tags: ['content'], summary: 'Library / Thư viện nội dung', request: { query: ListQuery }, responses: { 200: jsonOk(z.array(Content)), ...errorResponses } });
const create = defineRoute(editors, { method: 'post', path: '/', tags: ['content'], summary: 'Create content (version 1, draft) / Tạo nội dung', request: { body: jsonBody(CreateContent) }, responses: { 201: jsonOk(Content), ...errorResponses, 422: problemResponse('Speech failed') } });
const get = defineRoute(staff, { method: 'get', path: '/{id}', tags: ['content'], summary: 'One content item / Một nội dung', request: { params: Id }, responses: { 200: jsonOk(Content), ...errorResponses, ...notFound } });
const versions = defineRoute(staff, { method: 'get', path: '/{id}/versions', tags: ['content'], summary: 'Versions, newest first / Các phiên bản', request: { params: Id }, responses: { 200: jsonOk(z.array(Version)), ...errorResponses, ...notFound } });
const edit = defineRoute(editors, { method: 'post', path: '/{id}/versions', tags: ['content'], summary: 'Edit = new draft version / Sửa (tạo phiên bản mới)', request: { params: Id, body: jsonBody(EditContent) }, responses: { 201: jsonOk(Content), ...errorResponses, ...notFound } });
const version = defineRoute(staff, { method: 'get', path: '/{id}/versions/{number}', tags: ['content'], summary: 'One version with its findings / Một phiên bản', request: { params: IdNum }, responses: { 200: jsonOk(Version), ...errorResponses, ...notFound } });
const submit = defineRoute(editors, { method: 'post', path: '/{id}/versions/{number}/submit', tags: ['content'], summary: 'Submit for review (runs the pre-checks) / Gửi duyệt', request: { params: IdNum }, responses: { 200: jsonOk(Version), ...errorResponses, ...notFound, ...conflict } });
const withdraw = defineRoute(editors, {
  method: 'post',
  path: '/{id}/versions/{number}/withdraw',
  tags: ['content'],
  summary: 'Withdraw a version / Rút lại',
  request: { params: IdNum, body: { required: false, content: { 'application/json': { schema: z.object({ reason: text(500).optional() }).strict() } } } },
  responses: { 200: jsonOk(Content), ...errorResponses, ...notFound, ...conflict },
});
const Stats = z
  .object({
    total: z.number().int(),
    byState: z.record(z.string(), z.number().int()),
    byKind: z.record(z.string(), z.number().int()),
    playing: z.number().int(),
  })
  .openapi('ContentStats');
const stats = defineRoute(staff, { method: 'get', path: '/stats', tags: ['content'], summary: 'Counts by state of the latest version, and how many play / Thống kê', responses: { 200: jsonOk(Stats), ...errorResponses } });
const SubmitMany = z
  .object({ items: z.array(z.object({ id: z.number().int().positive(), number: z.number().int().positive().optional() }).strict()).min(1).max(200) })
  .strict()
  .openapi('SubmitMany');
const SubmitManyResult = z
  .object({
    submitted: z.array(z.object({ id: z.number().int(), number: z.number().int(), version: Version })),
    refused: z.array(
      z.object({
        id: z.number().int(),
        number: z.number().int().nullable(),
        status: z.number().int(),
        code: z.string(),
        message: z.object({ vi: z.string(), en: z.string() }),
      }),
    ),
  })
  .openapi('SubmitManyResult');
const submitMany = defineRoute(editors, {
  method: 'post',
  path: '/submit',
  tags: ['content'],
  summary: 'Submit several drafts for review at once, each checked like one submission / Gửi duyệt nhiều mục',
  request: { body: jsonBody(SubmitMany) },
  responses: { 200: jsonOk(SubmitManyResult), ...errorResponses },
});
const Precheck = z
  .object({
    kind: z.enum(KINDS),
    title: text(200, 0),
    body: versionFields.body,
    answers: z.array(text(300, 0)).max(QUIZ_MAX_ANSWERS).optional(),
    explanation: text(1000, 0).optional(),
    claim: versionFields.claim,
    productCategory: versionFields.productCategory,
    proofs: versionFields.proofs,
    displaySeconds: versionFields.displaySeconds,
  })
  .strict()
  .openapi('PrecheckDraft');
const precheck = defineRoute(editors, {
  method: 'post',
  path: '/precheck',
  tags: ['content'],
  summary: 'The pre-check findings a draft would get, stores nothing / Kiểm tra sơ bộ bản nháp',
  request: { body: jsonBody(Precheck) },
  responses: { 200: jsonOk(z.array(FindingSchema)), ...errorResponses },
});
const history = defineRoute(staff, { method: 'get', path: '/{id}/history', tags: ['content'], summary: 'Every review decision / Lịch sử duyệt', request: { params: Id }, responses: { 200: jsonOk(History), ...errorResponses, ...notFound } });

export function contentRoutes(deps: { content: ContentService; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(list, async (c) => c.json(await deps.content.list(c.req.valid('query')), 200))
    .openapi(stats, async (c) => c.json(await deps.content.stats(), 200))
    .openapi(create, async (c) => {
      const { kind, ...input } = c.req.valid('json');
      return c.json(await deps.content.create(actorOf(c), kind, input), 201);
    })
    .openapi(submitMany, async (c) => c.json(await deps.content.submitMany(actorOf(c), c.req.valid('json').items), 200))
    .openapi(precheck, async (c) => {
      const { kind, ...input } = c.req.valid('json');
      return c.json(await deps.content.precheck(kind, input), 200);
    })
    .openapi(get, async (c) => c.json(await deps.content.get(c.req.valid('param').id), 200))
    .openapi(versions, async (c) => c.json(await deps.content.versions(c.req.valid('param').id), 200))
    .openapi(edit, async (c) => c.json(await deps.content.edit(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(version, async (c) => {
      const p = c.req.valid('param');
      return c.json(await deps.content.version(p.id, p.number), 200);
    })
    .openapi(submit, async (c) => {
      const p = c.req.valid('param');
      return c.json(await deps.content.submit(actorOf(c), p.id, p.number), 200);
    })
    .openapi(withdraw, async (c) => {
      const p = c.req.valid('param');
      const body = c.req.valid('json') as { reason?: string } | undefined;
      return c.json(await deps.content.withdraw(actorOf(c), p.id, p.number, body?.reason), 200);
    })
    .openapi(history, async (c) => c.json(await deps.content.history(c.req.valid('param').id), 200));
}
