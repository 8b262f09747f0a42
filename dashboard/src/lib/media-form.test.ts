import { describe, expect, it } from 'vitest';
import type { ContentVersion } from './content-api';
import { checkMediaForm, draftFromVersion, editPatch, emptyMediaForm, proofsOf, toCreateInput, type MediaDraft } from './media-form';

const VN = () => 420; // +07:00
const SHA = (c: string) => c.repeat(64);

function version(over: Partial<ContentVersion> = {}): ContentVersion {
  return {
    id: 7,
    contentId: 3,
    number: 1,
    state: 'approved',
    title: 'Sữa chua nếp cẩm',
    body: '',
    fields: {
      advertiser: 'Cơ sở Hương Quê',
      productCategory: 'food',
      displaySeconds: 12,
      proofs: [{ sha256: SHA('b'), issuedAt: Date.UTC(2025, 0, 2) }],
    },
    tags: ['quảng cáo', 'ẩm thực'],
    validFrom: '2025-03-01T01:00:00.000Z',
    validTo: null,
    durationMs: 12_000,
    media: {
      sha256: SHA('a'),
      size: 1,
      mime: 'image/png',
      kind: 'image',
      width: 1,
      height: 1,
      durationMs: null,
      hasAudio: false,
      fileName: 'a.png',
      url: '/a',
      thumbnailUrl: null,
      info: {},
    },
    speech: null,
    mediaWarning: null,
    files: [SHA('a'), SHA('b')],
    versionSha256: SHA('c'),
    findings: [],
    createdBy: 2,
    createdAt: '2025-03-01T00:00:00.000Z',
    submittedAt: null,
    ...over,
  };
}

describe('draftFromVersion', () => {
  it('fills the form from an ad version in local wall time, with its proofs and picture seconds', () => {
    const d = draftFromVersion(version(), VN);
    expect(d.form).toEqual({
      title: 'Sữa chua nếp cẩm',
      tags: 'quảng cáo, ẩm thực',
      validFrom: '2025-03-01T08:00',
      validTo: '',
      displaySeconds: '12',
      advertiser: 'Cơ sở Hương Quê',
      productCategory: 'food',
      licenceRef: '',
    });
    expect(d.mediaSha256).toBe(SHA('a'));
    expect(d.proofs).toEqual([{ sha256: SHA('b'), issuedAt: Date.UTC(2025, 0, 2) }]);
  });

  it('ignores malformed stored proofs and an unknown category', () => {
    const v = version({ fields: { productCategory: 'spaceships', proofs: [null, { sha256: 5 }, { sha256: SHA('d') }] } });
    expect(proofsOf(v)).toEqual([{ sha256: SHA('d') }]);
    expect(draftFromVersion(v, VN).form.productCategory).toBe('');
  });
});

describe('checkMediaForm', () => {
  it('requires a title, and for an ad the advertiser and category', () => {
    const f = { ...emptyMediaForm('x.png'), title: ' ' };
    expect(checkMediaForm('clip', f, 'video')).toEqual({ title: 'editor.titleRequired' });
    expect(checkMediaForm('ad', f, 'video')).toEqual({
      title: 'editor.titleRequired',
      advertiser: 'editor.advertiserRequired',
      productCategory: 'form.categoryRequired',
    });
  });

  it('refuses a validity that ends before it starts and picture seconds out of 2–3600', () => {
    const f = { ...emptyMediaForm('x.png'), validFrom: '2025-03-02T08:00', validTo: '2025-03-01T08:00', displaySeconds: '1' };
    expect(checkMediaForm('clip', f, 'image')).toEqual({ validTo: 'editor.validityOrder', displaySeconds: 'form.secondsRange' });
    expect(checkMediaForm('clip', f, 'video').displaySeconds).toBeUndefined();
  });
});

describe('toCreateInput', () => {
  it('makes a clip body without ad fields and takes the file name as the default title', () => {
    const d: MediaDraft = { form: { ...emptyMediaForm('tiem-chung.mp4'), tags: 'y tế, y tế, trẻ em' }, mediaSha256: SHA('a'), proofs: [] };
    expect(toCreateInput('clip', d, 'video', VN)).toEqual({
      kind: 'clip',
      title: 'tiem-chung',
      tags: ['y tế', 'trẻ em'],
      validFrom: null,
      validTo: null,
      mediaSha256: SHA('a'),
    });
  });

  it('sends an ad’s proofs with their issue date and picture seconds', () => {
    const d = draftFromVersion(version(), VN);
    const body = toCreateInput('ad', d, 'image', VN);
    expect(body).toMatchObject({
      kind: 'ad',
      displaySeconds: 12,
      advertiser: 'Cơ sở Hương Quê',
      productCategory: 'food',
      validFrom: '2025-03-01T08:00:00+07:00',
    });
    expect(body.proofs).toEqual([{ sha256: SHA('b'), issuedAt: '2025-01-02T00:00:00.000Z' }]);
  });
});

describe('editPatch', () => {
  const before = draftFromVersion(version(), VN);

  it('is empty when nothing changed', () => {
    expect(
      editPatch('ad', before, { ...before, form: { ...before.form, title: ' Sữa chua nếp cẩm ', tags: 'quảng cáo,ẩm thực' } }, 'image', VN),
    ).toEqual({});
  });

  it('sends only the changed fields, clearing a validity with null', () => {
    const after: MediaDraft = {
      ...before,
      form: { ...before.form, title: 'Sữa chua nếp cẩm Hương Quê', validFrom: '', licenceRef: 'GP-12/2025' },
    };
    expect(editPatch('ad', before, after, 'image', VN)).toEqual({
      title: 'Sữa chua nếp cẩm Hương Quê',
      validFrom: null,
      licenceRef: 'GP-12/2025',
    });
  });

  it('sends the new file and the whole proof list when a proof was added or removed', () => {
    const after: MediaDraft = {
      form: before.form,
      mediaSha256: SHA('e'),
      proofs: [...before.proofs, { sha256: SHA('f'), name: 'giay-phep.jpg' }],
    };
    expect(editPatch('ad', before, after, 'video', VN)).toEqual({
      mediaSha256: SHA('e'),
      proofs: [{ sha256: SHA('b'), issuedAt: '2025-01-02T00:00:00.000Z' }, { sha256: SHA('f') }],
    });
    expect(editPatch('ad', before, { ...before, proofs: [] }, 'image', VN)).toEqual({ proofs: [] });
  });

  it('never sends ad fields for a clip, and picture seconds only for a picture', () => {
    const after: MediaDraft = { ...before, form: { ...before.form, advertiser: 'Khác', displaySeconds: '20' } };
    expect(editPatch('clip', before, after, 'image', VN)).toEqual({ displaySeconds: 20 });
    expect(editPatch('clip', before, after, 'video', VN)).toEqual({});
  });
});
