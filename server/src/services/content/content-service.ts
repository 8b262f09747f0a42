// Content library use cases: create content, make new immutable versions, submit them for review, withdraw.
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/sqlite';
import { contentRepo, type ContentKind, type ContentRow, type VersionRow, type ContentFilter } from '../../repos/content-repo';
import { mediaRepo } from '../../repos/media-repo';
import { usersRepo } from '../../repos/users-repo';
import { publicRepo } from '../../repos/public-repo';
import { readingSeconds, versionHash } from '../../domain/content-version';
import { runPrechecks, precheckContext, type ProductCategory } from '../../domain/precheck/index';
import { AppError } from '../app-error';
import { QUIZ_FIELD_KEYS, quizProblem, quizTexts } from '../../domain/quiz';
import { format } from '../../http/messages';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';
import { toMediaView, type MediaService, type MediaView } from './media-service';
import type { SpeechVoice } from '../../media/speech/index';
import type { NameWarning } from '../../media/file-name/name-mismatch';

export type VersionInput = {
  title: string;
  body?: string;
  tags?: string[];
  validFrom?: number | null;
  validTo?: number | null;
  style?: 'led' | 'kiosk' | 'ticker';
  voice?: SpeechVoice;
  speed?: number;
  displaySeconds?: number;
  sourceRef?: string;
  mediaSha256?: string | null;
  /** The upload the media came from, whose file name the version keeps (default: the caller's newest upload of it). */
  mediaUploadId?: number;
  advertiser?: string;
  /** An ad's text or claim (nội dung quảng cáo), checked like its title. */
  claim?: string;
  productCategory?: ProductCategory;
  licenceRef?: string;
  proofs?: { sha256: string; issuedAt?: number }[];
  /** Shown on the ward portal (feed and public page) once approved ("Công khai trên cổng thông tin"). */
  public?: boolean;
  /** A quiz question's answers, the right one (0-based), its explanation and the Code's article; its question is `body`. */
  answers?: string[];
  correctIndex?: number;
  explanation?: string;
  articleUrl?: string;
};

export type SpeechPort = { render(req: { text: string; voice: SpeechVoice; speed?: number }): Promise<{ wav: Buffer; durationMs: number }> };

const FIELD_KEYS = ['style', 'voice', 'speed', 'displaySeconds', 'sourceRef', 'advertiser', 'claim', 'productCategory', 'licenceRef', 'proofs', 'public', ...QUIZ_FIELD_KEYS] as const;

export function createContentService(deps: {
  db: Db;
  clock: () => number;
  audit: AuditService;
  bus: EventBus;
  media: MediaService;
  speech: SpeechPort;
  readingWpm?: number;
}) {
  const wpm = deps.readingWpm ?? 180;

  const mediaView = async (q: Queryable, sha: string | null): Promise<MediaView | null> => {
    if (!sha) return null;
    const row = await mediaRepo.find(q, sha);
    return row ? toMediaView(row) : null;
  };

  // Shared bytes keep one registry row; each version shows the name its own upload gave them.
  const withName = (m: MediaView | null, name: string | null): MediaView | null => (m && name !== null ? { ...m, fileName: name } : m);

  /**
   * The name a version's media is known by, and its name-versus-content warning: from the upload it names,
   * else the previous version's when the media is unchanged, else the caller's newest upload of the bytes.
   */
  const mediaNameFor = async (q: Queryable, sha: string, input: VersionInput, previous: VersionRow | undefined, actor: Actor, fallback: string | null) => {
    if (input.mediaUploadId !== undefined) {
      const up = await mediaRepo.findUpload(q, input.mediaUploadId);
      if (!up || up.sha256 !== sha) throw new AppError(400, 'media_not_found');
      return { name: up.file_name, warning: up.warning };
    }
    if (previous?.media_sha256 === sha && previous.media_name !== null) return { name: previous.media_name, warning: previous.media_warning };
    const own = actor.id !== null ? await mediaRepo.latestUpload(q, sha, actor.id) : undefined;
    return own ? { name: own.file_name, warning: own.warning } : { name: fallback, warning: null };
  };

  const versionView = async (q: Queryable, v: VersionRow) => ({
    id: v.id,
    contentId: v.content_id,
    number: v.number,
    state: v.state,
    title: v.title,
    body: v.body,
    fields: v.fields,
    tags: v.tags,
    validFrom: v.valid_from === null ? null : new Date(v.valid_from).toISOString(),
    validTo: v.valid_to === null ? null : new Date(v.valid_to).toISOString(),
    durationMs: v.duration_ms,
    media: withName(await mediaView(q, v.media_sha256), v.media_name),
    speech: await mediaView(q, v.speech_sha256),
    /** The media's name says another type than its content: shown to the editor and the reviewer. */
    mediaWarning: v.media_warning,
    files: v.files,
    versionSha256: v.version_sha256,
    findings: v.findings,
    createdBy: v.created_by,
    createdAt: new Date(v.created_at).toISOString(),
    submittedAt: v.submitted_at === null ? null : new Date(v.submitted_at).toISOString(),
  });

  const contentView = async (q: Queryable, c: ContentRow) => {
    const latest = c.latest_version_id ? await contentRepo.version(q, c.latest_version_id) : undefined;
    const playing = c.approved_version_id ? await contentRepo.version(q, c.approved_version_id) : undefined;
    const owner = await usersRepo.findById(q, c.owner_id);
    return {
      id: c.id,
      kind: c.kind,
      system: c.system === 1,
      /** The item's id on the ward portal (/p/<publicId>), made when a version was first marked public. */
      publicId: await publicRepo.idOf(q, c.id),
      owner: { id: c.owner_id, name: owner?.display_name ?? '' },
      createdAt: new Date(c.created_at).toISOString(),
      updatedAt: new Date(c.updated_at).toISOString(),
      latest: latest ? await versionView(q, latest) : null,
      playing: playing ? await versionView(q, playing) : null,
    };
  };

  const requireMedia = async (q: Queryable, sha: string | null | undefined, kinds: string[], what: string) => {
    if (!sha) throw new AppError(400, 'media_required');
    const row = await mediaRepo.find(q, sha);
    if (!row) throw new AppError(400, 'media_not_found');
    if (!kinds.includes(row.kind)) throw new AppError(400, 'media_kind_mismatch', { sha: sha.slice(0, 12), actual: row.kind, expected: what });
    return row;
  };

  /** Builds the immutable row of a version: checks media, renders speech, computes duration and hash. */
  const buildVersion = async (kind: ContentKind, input: VersionInput, previous: VersionRow | undefined, actor: Actor) => {
    const body = input.body ?? '';
    const fields: Record<string, unknown> = {};
    for (const k of FIELD_KEYS) if (input[k] !== undefined) fields[k] = input[k];
    if (input.validFrom && input.validTo && input.validTo <= input.validFrom) throw new AppError(400, 'invalid_validity');
    let mediaSha: string | null = null;
    let mediaName: string | null = null;
    let mediaWarning: NameWarning | null = null;
    let speechSha: string | null = null;
    let durationMs: number;
    const files: string[] = [];
    if (kind !== 'quiz' && QUIZ_FIELD_KEYS.some((k) => fields[k] !== undefined)) throw new AppError(400, 'quiz_fields_only');
    if (kind === 'quiz') {
      // Answered on a kiosk, never shown as a slide or spoken: no media, no speech.
      const problem = quizProblem(body, fields);
      if (problem) throw new AppError(400, problem.code, 'params' in problem ? problem.params : {});
      durationMs = readingSeconds(`${body} ${(fields.answers as string[]).join(' ')}`, wpm) * 1000;
    } else if (kind === 'message') {
      fields.style ??= 'led';
      fields.voice ??= 'vi';
      fields.speed ??= 150;
      const seconds = input.displaySeconds ?? readingSeconds(`${input.title} ${body}`, wpm);
      fields.displaySeconds = seconds;
      durationMs = seconds * 1000;
      const prevFields = previous ? previous.fields : {};
      const sameSpeech =
        previous?.speech_sha256 &&
        previous.title === input.title &&
        previous.body === body &&
        prevFields.voice === fields.voice &&
        prevFields.speed === fields.speed;
      if (sameSpeech) {
        speechSha = previous.speech_sha256;
        fields.speechDurationMs = prevFields.speechDurationMs;
      } else {
        let wav;
        try {
          wav = await deps.speech.render({ text: `${input.title}. ${body}`, voice: fields.voice as SpeechVoice, speed: fields.speed as number });
        } catch (err) {
          throw new AppError(422, 'speech_failed', { detail: err instanceof Error ? err.message : String(err) });
        }
        speechSha = await deps.media.storeGenerated(wav.wav, { mime: 'audio/wav', kind: 'audio', durationMs: wav.durationMs, name: 'speech.wav' });
        fields.speechDurationMs = wav.durationMs;
      }
      files.push(speechSha!);
    } else {
      const row = await requireMedia(deps.db, input.mediaSha256, ['image', 'video', 'audio'], 'ảnh/video/âm thanh');
      mediaSha = row.sha256;
      ({ name: mediaName, warning: mediaWarning } = await mediaNameFor(deps.db, mediaSha, input, previous, actor, row.original_name));
      files.push(mediaSha);
      durationMs = row.duration_ms ?? (input.displaySeconds ?? 10) * 1000;
      if (row.kind === 'image') fields.displaySeconds = input.displaySeconds ?? 10;
      fields.hasAudio = row.has_audio === 1;
      if (kind === 'ad') {
        fields.muted = true; // outdoor ads carry no sound: the player mutes them
        for (const p of input.proofs ?? []) {
          await requireMedia(deps.db, p.sha256, ['document', 'image'], 'PDF/ảnh');
          files.push(p.sha256);
        }
      }
    }
    const tags = [...new Set(input.tags ?? [])];
    const validFrom = input.validFrom ?? null;
    const validTo = input.validTo ?? null;
    const hash = versionHash({ kind, title: input.title, body, fields, tags, validFrom, validTo, durationMs, mediaSha256: mediaSha, speechSha256: speechSha, files });
    return { title: input.title, body, fields, tags, validFrom, validTo, durationMs, mediaSha, mediaName, mediaWarning, speechSha, files, hash };
  };

  const insertVersion = async (tx: Queryable, contentId: number, number: number, b: Awaited<ReturnType<typeof buildVersion>>, actor: Actor) => {
    const now = deps.clock();
    const id = await contentRepo.insertVersion(tx, {
      content_id: contentId,
      number,
      state: 'draft',
      title: b.title,
      body: b.body,
      fields: JSON.stringify(b.fields),
      tags: JSON.stringify(b.tags),
      valid_from: b.validFrom,
      valid_to: b.validTo,
      duration_ms: b.durationMs,
      media_sha256: b.mediaSha,
      media_name: b.mediaName,
      media_warning: b.mediaWarning ? JSON.stringify(b.mediaWarning) : null,
      speech_sha256: b.speechSha,
      files: JSON.stringify(b.files),
      version_sha256: b.hash,
      created_by: actor.id!,
      created_at: now,
    });
    await contentRepo.setLatest(tx, contentId, id, now);
    // Public is part of the version (so its approval covers it); the public id belongs to the item, made once.
    if (b.fields.public === true) await publicRepo.ensureId(tx, contentId, randomUUID(), now);
    return id;
  };

  /** The pre-check findings of a version's texts and facts: the title, the body and an ad's claim. */
  const findingsFor = async (kind: ContentKind, v: { title: string; body: string; fields: Record<string, unknown> }) => {
    const fields = v.fields;
    const proofs = await Promise.all(
      ((fields.proofs as { sha256: string; issuedAt?: number }[] | undefined) ?? []).map(async (p) => ({
        uploadedAt: (await mediaRepo.find(deps.db, p.sha256))?.created_at ?? 0,
        issuedAt: p.issuedAt,
      })),
    );
    return runPrechecks(
      {
        kind,
        fields: {
          title: v.title,
          body: v.body,
          ...(typeof fields.claim === 'string' ? { claim: fields.claim } : {}),
          ...(kind === 'quiz' ? quizTexts(fields) : {}),
        },
        productCategory: fields.productCategory as ProductCategory | undefined,
        proofs,
        hasAudio: fields.hasAudio === true,
        displaySeconds: typeof fields.displaySeconds === 'number' ? fields.displaySeconds : undefined,
      },
      precheckContext(deps.clock(), { readingWordsPerMinute: wpm }),
    );
  };

  const loadContent = async (q: Queryable, id: number) => {
    const c = await contentRepo.find(q, id);
    if (!c) throw new AppError(404, 'content_not_found');
    return c;
  };
  const loadVersion = async (q: Queryable, contentId: number, number: number) => {
    const v = await contentRepo.versionByNumber(q, contentId, number);
    if (!v) throw new AppError(404, 'version_not_found');
    return v;
  };

  return {
    versionView: (v: VersionRow) => versionView(deps.db, v),

    async create(actor: Actor, kind: ContentKind, input: VersionInput, opts: { system?: boolean } = {}) {
      const built = await buildVersion(kind, input, undefined, actor);
      const id = await deps.db.transaction(async (tx) => {
        const contentId = await contentRepo.insertContent(tx, { kind, ownerId: actor.id!, system: !!opts.system, now: deps.clock() });
        await insertVersion(tx, contentId, 1, built, actor);
        await deps.audit.append(tx, actor, { action: 'content.create', target: `content:${contentId}`, summary: { kind, title: input.title, versionSha256: built.hash } });
        return contentId;
      });
      return this.get(id);
    },

    /** Editing anything makes a new draft version; the approved one keeps playing until the new one is approved. */
    async edit(actor: Actor, contentId: number, patch: Partial<VersionInput>) {
      const c = await loadContent(deps.db, contentId);
      const latest = (await contentRepo.version(deps.db, c.latest_version_id!))!;
      const prevFields = latest.fields;
      const base: VersionInput = {
        title: latest.title,
        body: latest.body,
        tags: latest.tags,
        validFrom: latest.valid_from,
        validTo: latest.valid_to,
        mediaSha256: latest.media_sha256,
        ...(Object.fromEntries(FIELD_KEYS.filter((k) => prevFields[k] !== undefined).map((k) => [k, prevFields[k]])) as Partial<VersionInput>),
      };
      if (c.kind === 'message' && patch.title !== undefined && patch.displaySeconds === undefined) delete base.displaySeconds;
      if (c.kind === 'message' && patch.body !== undefined && patch.displaySeconds === undefined) delete base.displaySeconds;
      const built = await buildVersion(c.kind, { ...base, ...patch }, latest, actor);
      await deps.db.transaction(async (tx) => {
        for (const p of await contentRepo.pendingOf(tx, contentId)) {
          await contentRepo.setState(tx, p.id, 'withdrawn');
          await contentRepo.insertReview(tx, { version_id: p.id, decision: 'withdrawn', reason: 'superseded', version_sha256: p.version_sha256, files: p.files, actor_id: actor.id, decided_at: deps.clock() });
        }
        await insertVersion(tx, contentId, latest.number + 1, built, actor);
        await deps.audit.append(tx, actor, { action: 'content.edit', target: `content:${contentId}`, summary: { version: latest.number + 1, changed: Object.keys(patch), versionSha256: built.hash } });
      });
      return this.get(contentId);
    },

    async submit(actor: Actor, contentId: number, number: number) {
      const c = await loadContent(deps.db, contentId);
      const v = await loadVersion(deps.db, contentId, number);
      if (v.state !== 'draft' || v.id !== c.latest_version_id) throw new AppError(409, 'bad_state', { state: v.state, action: 'gửi duyệt / submitted' });
      const findings = await findingsFor(c.kind, { title: v.title, body: v.body, fields: v.fields });
      await deps.db.transaction(async (tx) => {
        await contentRepo.markSubmitted(tx, v.id, actor.id!, deps.clock(), JSON.stringify(findings));
        await contentRepo.insertReview(tx, { version_id: v.id, decision: 'submitted', reason: null, version_sha256: v.version_sha256, files: v.files, actor_id: actor.id, decided_at: deps.clock() });
        await deps.audit.append(tx, actor, { action: 'content.submit', target: `content:${contentId}`, summary: { version: number, findings: findings.length } });
      });
      return versionView(deps.db, (await contentRepo.version(deps.db, v.id))!);
    },

    /**
     * Submits several drafts at once, each exactly as a single submission (its own checks, its own
     * transaction): answers which were submitted and which were refused, with the reason. An item without
     * a version number submits its latest version.
     */
    async submitMany(actor: Actor, items: readonly { id: number; number?: number }[]) {
      const submitted: { id: number; number: number; version: Awaited<ReturnType<typeof versionView>> }[] = [];
      const refused: { id: number; number: number | null; status: number; code: string; message: { vi: string; en: string } }[] = [];
      for (const item of items) {
        let number = item.number ?? null;
        try {
          if (number === null) {
            const c = await loadContent(deps.db, item.id);
            number = c.latest_version_id ? ((await contentRepo.version(deps.db, c.latest_version_id))?.number ?? null) : null;
            if (number === null) throw new AppError(404, 'version_not_found');
          }
          submitted.push({ id: item.id, number, version: await this.submit(actor, item.id, number) });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refused.push({ id: item.id, number, status: err.status, code: err.code, message: { vi: format(err.code, 'vi', err.params), en: format(err.code, 'en', err.params) } });
        }
      }
      return { submitted, refused };
    },

    /** The findings a draft would get on submission, for the form to show while it is written; stores nothing. */
    async precheck(kind: ContentKind, input: Pick<VersionInput, 'title' | 'body' | 'claim' | 'productCategory' | 'proofs' | 'displaySeconds' | 'answers' | 'explanation'>) {
      const fields: Record<string, unknown> = {};
      for (const k of ['claim', 'productCategory', 'proofs', 'displaySeconds', 'answers', 'explanation'] as const) if (input[k] !== undefined) fields[k] = input[k];
      return findingsFor(kind, { title: input.title, body: input.body ?? '', fields });
    },

    async withdraw(actor: Actor, contentId: number, number: number, reason: string | undefined) {
      const c = await loadContent(deps.db, contentId);
      const v = await loadVersion(deps.db, contentId, number);
      if (!['draft', 'submitted', 'approved'].includes(v.state)) throw new AppError(409, 'bad_state', { state: v.state, action: 'rút lại / withdrawn' });
      await deps.db.transaction(async (tx) => {
        await contentRepo.setState(tx, v.id, 'withdrawn');
        if (c.approved_version_id === v.id) await contentRepo.setApproved(tx, contentId, null, deps.clock());
        await contentRepo.insertReview(tx, { version_id: v.id, decision: 'withdrawn', reason: reason ?? null, version_sha256: v.version_sha256, files: v.files, actor_id: actor.id, decided_at: deps.clock() });
        await deps.audit.append(tx, actor, { action: 'content.withdraw', target: `content:${contentId}`, summary: { version: number, reason: reason ?? null } });
      });
      void deps.bus.emit('content.changed', { contentId });
      return this.get(contentId);
    },

    async get(id: number) {
      return contentView(deps.db, await loadContent(deps.db, id));
    },

    async list(filter: ContentFilter) {
      const rows = await contentRepo.list(deps.db, filter);
      return Promise.all(rows.map((r) => contentView(deps.db, r)));
    },

    async stats() {
      const rows = await contentRepo.countsByStateAndKind(deps.db);
      const byState: Record<string, number> = {};
      const byKind: Record<string, number> = {};
      let total = 0;
      let playing = 0;
      for (const r of rows) {
        byState[r.state] = (byState[r.state] ?? 0) + r.n;
        byKind[r.kind] = (byKind[r.kind] ?? 0) + r.n;
        total += r.n;
        playing += r.playing;
      }
      return { total, byState, byKind, playing };
    },

    async versions(contentId: number) {
      await loadContent(deps.db, contentId);
      return Promise.all((await contentRepo.versionsOf(deps.db, contentId)).map((v) => versionView(deps.db, v)));
    },

    async version(contentId: number, number: number) {
      return versionView(deps.db, await loadVersion(deps.db, contentId, number));
    },

    async history(contentId: number) {
      await loadContent(deps.db, contentId);
      return (await contentRepo.reviewsOfContent(deps.db, contentId)).map((r) => ({
        id: r.id,
        version: r.number,
        decision: r.decision,
        reason: r.reason,
        versionSha256: r.version_sha256,
        files: r.files,
        actor: r.actor,
        at: new Date(r.decided_at).toISOString(),
      }));
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
