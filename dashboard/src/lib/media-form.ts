// The clip and ad form as plain data: its state from a stored version, its checks, the body that creates
// the content, and the patch that edits it. An edit sends only what changed, so the new draft version's
// audit entry names exactly the changed fields; the server fills in the rest from the latest version.
import type { ContentVersion, CreateContentInput, EditContentInput, Media } from './content-api';
import { browserOffsetMinutes, isoToLocalInput, localInputToIso } from './datetime';
import type { MessageKey } from './i18n';

export const PRODUCT_CATEGORIES = [
  'food',
  'service',
  'health_product',
  'alcohol_light',
  'other',
  'tobacco',
  'alcohol_strong',
  'breast_milk_substitute',
  'infant_feeding_equipment',
  'prescription_drug',
  'sexual_stimulant',
  'hunting_weapon',
  'weapons_explosives',
  'narcotics',
  'prostitution',
  'illegal_gambling',
  'wildlife',
] as const;
export type Category = (typeof PRODUCT_CATEGORIES)[number];
export type MediaKind = 'clip' | 'ad';

export interface MediaForm {
  title: string;
  tags: string;
  /** datetime-local values (local wall time), '' = no limit. */
  validFrom: string;
  validTo: string;
  /** Only for pictures; '' = the server's default (10 s) or, on an edit, unchanged. */
  displaySeconds: string;
  advertiser: string;
  /** An ad's text or claim (nội dung quảng cáo); absent = none written. */
  claim?: string;
  productCategory: Category | '';
  licenceRef: string;
}

/** A proof document of an ad: its stored file and, when known, the name it was uploaded under. */
export interface Proof {
  sha256: string;
  /** When the document was issued (epoch ms), as stored; kept through an edit. */
  issuedAt?: number;
  name?: string;
}

/** Everything an edit compares: the form, the media file and the proofs. */
export interface MediaDraft {
  form: MediaForm;
  mediaSha256: string;
  proofs: readonly Proof[];
}

export type MediaFormErrors = Partial<Record<'title' | 'advertiser' | 'productCategory' | 'validTo' | 'displaySeconds', MessageKey>>;

/** Offset of the browser at a local wall time; a parameter so the conversions stay testable. */
type OffsetAt = (local?: string) => number;

export function emptyMediaForm(fileName: string): MediaForm {
  return {
    title: fileName.replace(/\.[^.]+$/, ''),
    tags: '',
    validFrom: '',
    validTo: '',
    displaySeconds: '',
    advertiser: '',
    productCategory: '',
    licenceRef: '',
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isCategory = (v: unknown): v is Category => typeof v === 'string' && (PRODUCT_CATEGORIES as readonly string[]).includes(v);

/** The proofs stored in a version's free-form fields (the API types `fields` as a plain record). */
export function proofsOf(version: Pick<ContentVersion, 'fields'>): Proof[] {
  const raw = version.fields.proofs;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p: unknown): Proof[] => {
    if (typeof p !== 'object' || p === null) return [];
    const { sha256, issuedAt } = p as { sha256?: unknown; issuedAt?: unknown };
    if (typeof sha256 !== 'string') return [];
    return [{ sha256, ...(typeof issuedAt === 'number' ? { issuedAt } : {}) }];
  });
}

function mediaFormFromVersion(v: ContentVersion, offsetAt: OffsetAt = browserOffsetMinutes): MediaForm {
  const f = v.fields;
  return {
    title: v.title,
    tags: v.tags.join(', '),
    validFrom: isoToLocalInput(v.validFrom, offsetAt()),
    validTo: isoToLocalInput(v.validTo, offsetAt()),
    displaySeconds: v.media?.kind === 'image' && typeof f.displaySeconds === 'number' ? String(f.displaySeconds) : '',
    advertiser: str(f.advertiser),
    ...(str(f.claim) ? { claim: str(f.claim) } : {}),
    productCategory: isCategory(f.productCategory) ? f.productCategory : '',
    licenceRef: str(f.licenceRef),
  };
}

export function draftFromVersion(v: ContentVersion, offsetAt: OffsetAt = browserOffsetMinutes): MediaDraft {
  return { form: mediaFormFromVersion(v, offsetAt), mediaSha256: v.media?.sha256 ?? '', proofs: proofsOf(v) };
}

const secondsOf = (s: string): number | null => {
  const n = Number(s);
  return s.trim() !== '' && Number.isInteger(n) && n >= 2 && n <= 3600 ? n : null;
};

export function checkMediaForm(kind: MediaKind, f: MediaForm, mediaKind: Media['kind']): MediaFormErrors {
  const errors: MediaFormErrors = {};
  if (!f.title.trim()) errors.title = 'editor.titleRequired';
  if (kind === 'ad' && !f.advertiser.trim()) errors.advertiser = 'editor.advertiserRequired';
  if (kind === 'ad' && !f.productCategory) errors.productCategory = 'form.categoryRequired';
  if (f.validFrom && f.validTo && f.validTo <= f.validFrom) errors.validTo = 'editor.validityOrder';
  if (mediaKind === 'image' && f.displaySeconds.trim() !== '' && secondsOf(f.displaySeconds) === null)
    errors.displaySeconds = 'form.secondsRange';
  return errors;
}

const tagsOf = (s: string): string[] => [
  ...new Set(
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];
const isoOf = (local: string, offsetAt: OffsetAt): string | null => (local ? localInputToIso(local, offsetAt(local)) : null);
const proofInput = (proofs: readonly Proof[]) =>
  proofs.map((p) => ({ sha256: p.sha256, ...(p.issuedAt !== undefined ? { issuedAt: new Date(p.issuedAt).toISOString() } : {}) }));

/** The body that creates a clip or an ad from a stored file. */
export function toCreateInput(
  kind: MediaKind,
  d: MediaDraft,
  mediaKind: Media['kind'],
  offsetAt: OffsetAt = browserOffsetMinutes,
): CreateContentInput {
  const f = d.form;
  const seconds = secondsOf(f.displaySeconds);
  return {
    kind,
    title: f.title.trim(),
    tags: tagsOf(f.tags),
    validFrom: isoOf(f.validFrom, offsetAt),
    validTo: isoOf(f.validTo, offsetAt),
    mediaSha256: d.mediaSha256,
    ...(mediaKind === 'image' && seconds !== null ? { displaySeconds: seconds } : {}),
    ...(kind === 'ad'
      ? {
          advertiser: f.advertiser.trim(),
          ...(f.claim?.trim() ? { claim: f.claim.trim() } : {}),
          ...(f.productCategory ? { productCategory: f.productCategory } : {}),
          ...(f.licenceRef.trim() ? { licenceRef: f.licenceRef.trim() } : {}),
          proofs: proofInput(d.proofs),
        }
      : {}),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What changed between the stored version and the form, as the body of a new version; {} = nothing. */
export function editPatch(
  kind: MediaKind,
  before: MediaDraft,
  after: MediaDraft,
  mediaKind: Media['kind'],
  offsetAt: OffsetAt = browserOffsetMinutes,
): EditContentInput {
  const a = before.form;
  const b = after.form;
  const patch: EditContentInput = {};
  if (b.title.trim() !== a.title.trim()) patch.title = b.title.trim();
  if (!sameList(tagsOf(b.tags), tagsOf(a.tags))) patch.tags = tagsOf(b.tags);
  if (b.validFrom !== a.validFrom) patch.validFrom = isoOf(b.validFrom, offsetAt);
  if (b.validTo !== a.validTo) patch.validTo = isoOf(b.validTo, offsetAt);
  if (after.mediaSha256 !== before.mediaSha256) patch.mediaSha256 = after.mediaSha256;
  const seconds = secondsOf(b.displaySeconds);
  if (mediaKind === 'image' && seconds !== null && seconds !== secondsOf(a.displaySeconds)) patch.displaySeconds = seconds;
  if (kind === 'ad') {
    if (b.advertiser.trim() !== a.advertiser.trim()) patch.advertiser = b.advertiser.trim();
    if (b.productCategory && b.productCategory !== a.productCategory) patch.productCategory = b.productCategory;
    if (b.licenceRef.trim() !== a.licenceRef.trim()) patch.licenceRef = b.licenceRef.trim();
    if ((b.claim ?? '').trim() !== (a.claim ?? '').trim()) patch.claim = (b.claim ?? '').trim();
    const shas = (ps: readonly Proof[]) => ps.map((p) => p.sha256);
    if (!sameList(shas(after.proofs), shas(before.proofs))) patch.proofs = proofInput(after.proofs);
  }
  return patch;
}
