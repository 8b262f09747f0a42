// The relay sources screen's parts: which buttons each role gets (admins write, reviewers decide, nobody
// decides on their own submission), the state badges in both languages, the approved address shown while a
// change waits, the form's internal-address warning, and a server refusal shown as the server words it.
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../lib/api';
import { describeError } from '../../../lib/error-advice';
import { lang } from '../../../lib/i18n';
import { relaysText } from '../../../lib/messages/relays';
import { ApiError } from '../../../lib/problem';
import { playsOldAddress, relayDraftErrors, relayRowActions } from '../../../lib/relay-view';
import type { RelaySource } from '../../../lib/relays-api';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { RelaySourceForm } from '../RelaySourceForm/index';
import { RelaySourceList } from './index';

const ADMIN = 1;
const REVIEWER = 2;
const source = (id: number, over: Partial<RelaySource> = {}): RelaySource => ({
  id,
  name: `Nguồn ${id}`,
  url: `http://8.8.8.8:8000/s${id}.mp3`,
  allowPrivate: false,
  state: 'submitted',
  approved: null,
  createdBy: { id: ADMIN, name: 'Quản trị' },
  createdAt: '2026-03-01T01:00:00.000Z',
  submittedBy: { id: ADMIN, name: 'Quản trị' },
  submittedAt: '2026-03-01T01:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  reason: null,
  updatedAt: '2026-03-01T01:00:00.000Z',
  ...over,
});
const approvedPart = (url: string) => ({ url, allowPrivate: false, by: { id: REVIEWER, name: 'Kiểm duyệt' }, at: '2026-03-01T02:00:00.000Z' });
const waiting = source(1);
const approved = source(2, { state: 'approved', approved: approvedPart('http://8.8.8.8:8000/s2.mp3') });
const changed = source(3, { state: 'submitted', url: 'http://8.8.8.8:8000/new.mp3', approved: approvedPart('http://8.8.8.8:8000/old.mp3') });
const rejected = source(4, { state: 'rejected', reason: 'Hay mất tín hiệu', allowPrivate: true, url: 'http://192.168.1.20:8000/' });
const all = [waiting, approved, changed, rejected];

const render = (roles: Role[], userId: number) =>
  renderToString(<RelaySourceList sources={all} roles={roles} userId={userId} onEdit={() => {}} onDelete={() => {}} onDecide={() => {}} />);
const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

afterEach(() => {
  lang.value = 'vi';
});

describe('relayRowActions', () => {
  it('gives admins edit and delete, reviewers the decision on waiting sources, viewers and editors nothing', () => {
    expect(relayRowActions(waiting, ['admin'], ADMIN)).toEqual({ write: true, decide: false, own: false });
    expect(relayRowActions(waiting, ['reviewer'], REVIEWER)).toEqual({ write: false, decide: true, own: false });
    expect(relayRowActions(approved, ['reviewer'], REVIEWER)).toEqual({ write: false, decide: false, own: false });
    expect(relayRowActions(waiting, ['viewer'], 9)).toEqual({ write: false, decide: false, own: false });
    expect(relayRowActions(waiting, ['editor'], 9)).toEqual({ write: false, decide: false, own: false });
  });

  it('never offers a decision on a source this reviewer added or last changed', () => {
    expect(relayRowActions(waiting, ['admin', 'reviewer'], ADMIN)).toEqual({ write: true, decide: false, own: true });
    const changedByReviewer = source(5, { submittedBy: { id: REVIEWER, name: 'Kiểm duyệt' } });
    expect(relayRowActions(changedByReviewer, ['admin', 'reviewer'], REVIEWER)).toMatchObject({ decide: false, own: true });
  });
});

describe('RelaySourceList', () => {
  it('shows a row per source with its state badge: Chờ duyệt, Đã duyệt, Từ chối', () => {
    const html = render(['viewer'], 9);
    expect(count(html, 'relay-source-row')).toBe(4);
    expect(html).toContain('data-state="submitted"');
    for (const label of ['Chờ duyệt', 'Đã duyệt', 'Từ chối']) expect(html).toContain(label);
    expect(html).toContain('Quản trị');
    expect(html).toContain('Lý do: Hay mất tín hiệu');
    expect(html).toContain('Địa chỉ nội bộ');
    lang.value = 'en';
    const en = render(['viewer'], 9);
    for (const label of ['Waiting for review', 'Approved', 'Rejected', 'Reason: Hay mất tín hiệu']) expect(en).toContain(label);
  });

  it('says which approved address still plays while a change waits', () => {
    expect(playsOldAddress(changed)).toBe(true);
    expect(playsOldAddress(approved)).toBe(false);
    expect(playsOldAddress(waiting)).toBe(false);
    const html = render(['viewer'], 9);
    expect(count(html, 'relay-source-on-air')).toBe(1);
    expect(html).toContain('Vẫn phát theo địa chỉ đã duyệt: http://8.8.8.8:8000/old.mp3');
  });

  it('offers write controls to admins only and approve/reject to reviewers only, on waiting sources', () => {
    const admin = render(['admin'], ADMIN);
    expect([count(admin, 'relay-source-edit'), count(admin, 'relay-source-delete'), count(admin, 'relay-source-approve')]).toEqual([4, 4, 0]);
    const reviewer = render(['reviewer'], REVIEWER);
    expect([count(reviewer, 'relay-source-edit'), count(reviewer, 'relay-source-approve'), count(reviewer, 'relay-source-reject')]).toEqual([0, 2, 2]);
    const viewer = render(['viewer'], 9);
    expect([count(viewer, 'relay-source-edit'), count(viewer, 'relay-source-approve')]).toEqual([0, 0]);
    // An admin who is also a reviewer sees why there is no approve button on their own sources.
    const both = render(['admin', 'reviewer'], ADMIN);
    expect(count(both, 'relay-source-approve')).toBe(0);
    expect(both).toContain(relaysText.tl('vi', 'own'));
  });

  it('says so when there is no source yet', () => {
    expect(renderToString(<RelaySourceList sources={[]} roles={['admin']} userId={ADMIN} onEdit={() => {}} onDelete={() => {}} onDecide={() => {}} />)).toContain('Chưa có nguồn tiếp âm nào.');
  });
});

describe('RelaySourceForm', () => {
  it('has the name, URL and internal-address fields, with the warning next to the box', () => {
    const html = renderToString(<RelaySourceForm source={null} onSaved={() => {}} onCancel={() => {}} />);
    for (const id of ['relay-source-name', 'relay-source-url', 'relay-source-allow-private', 'relay-source-save', 'relay-source-private-warning']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('Cho phép địa chỉ nội bộ');
    expect(html).toContain(relaysText.tl('vi', 'form.allowPrivateWarning'));
    const edit = renderToString(<RelaySourceForm source={rejected} onSaved={() => {}} onCancel={() => {}} />);
    expect(edit).toContain('value="http://192.168.1.20:8000/"');
    expect(edit).toMatch(/type="checkbox"[^>]*checked/);
    expect(edit).toContain(relaysText.tl('vi', 'form.review'));
  });

  it('asks for a name and an address before sending', () => {
    expect(relayDraftErrors({ name: ' ', url: '', allowPrivate: false })).toEqual({ name: 'form.needName', url: 'form.needUrl' });
    expect(relayDraftErrors({ name: 'VOV1', url: 'http://x', allowPrivate: false })).toEqual({});
  });
});

describe('a refusal from the API', () => {
  it('is shown as the server words it in the current language, with advice by its code', () => {
    const detail = 'The address 192.168.1.20 is a private network address: it is allowed only with "Allow internal addresses", set by an administrator.';
    const err = new ApiError(422, { type: 'x', title: 'Unprocessable content', status: 422, code: 'relay_url_private', detail });
    lang.value = 'en';
    const html = renderToString(<ErrorNotice error={err} testId="relay-sources-error" />);
    expect(html).toContain(detail.replace(/"/g, '&quot;'));
    const self = new ApiError(403, { type: 'x', title: 'Forbidden', status: 403, code: 'relay_source_self_review', detail: 'Nobody may decide…' });
    expect(describeError(self).next).toBe('next.selfReview');
  });
});
