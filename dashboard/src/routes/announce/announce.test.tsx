// The "Phát trực tiếp" screen's parts: what it shows before the microphone opens, the level meter's bar and
// number, a finished recording with its title and send button (or only the download without the editor
// role), a failure that keeps the recording, and the send steps resuming where they stopped.
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { Content, ContentVersion, Media } from '../../lib/content-api';
import { lang } from '../../lib/i18n';
import { announceText } from '../../lib/messages/announce';
import { ApiError } from '../../lib/problem';
import { session } from '../../lib/session';
import type { Role } from '../../lib/api';
import { AnnounceScreen } from './AnnounceScreen/index';
import { LevelMeter } from './LevelMeter/index';
import { RecordingReview } from './RecordingReview/index';
import { clipInput, IDLE, percentOf, sendRecording, type SendDeps, type SendState } from './RecordingReview/send';
import { discardRecording, draftTitle, sending, type Recording } from './recording-store';

const signIn = (roles: Role[]) => {
  session.value = { user: { id: 7, username: 'lan', displayName: 'Chị Lan', roles }, csrfToken: 'x' };
};
const rec: Recording = {
  blob: new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], { type: 'audio/webm;codecs=opus' }),
  url: 'blob:http://localhost/rec-1',
  mimeType: 'audio/webm;codecs=opus',
  fileName: 'ghi-am-2026-03-01-0905.webm',
  durationMs: 3_200,
  stoppedAtLimit: false,
};
const media = { sha256: 'a'.repeat(64), kind: 'audio', uploadId: 12, url: '/api/media/x' } as unknown as Media;
const content = { id: 41, kind: 'clip', latest: { number: 1, title: 'Thông báo cắt nước' } } as unknown as Content;
const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

afterEach(() => {
  lang.value = 'vi';
  session.value = undefined;
  discardRecording();
});

describe('AnnounceScreen', () => {
  it('offers the microphone test and the recorder, with no meter before the microphone is open', () => {
    signIn(['editor', 'announcer']);
    const html = renderToString(<AnnounceScreen />);
    for (const id of ['announce-screen', 'mic-test', 'record-start', 'record-elapsed']) expect(count(html, id), id).toBe(1);
    expect(count(html, 'mic-level')).toBe(0);
    expect(count(html, 'record-stop')).toBe(0);
    expect(html).toContain('Kiểm tra micrô');
    expect(html).toContain('0:00 / 10:00');
    lang.value = 'en';
    expect(renderToString(<AnnounceScreen />)).toContain('Test microphone');
  });
});

describe('LevelMeter', () => {
  it('shows the level as a bar from −60 to 0 dBFS with its number', () => {
    const html = renderToString(<LevelMeter db={-21} />);
    expect(html).toContain('data-db="-21.0"');
    expect(html).toContain('data-verdict="good"');
    expect(html).toContain('width:65.0%');
    expect(html).toContain('-21 dBFS');
    expect(html).toContain('Mức tiếng tốt.');
  });

  it('says when nothing is heard, and when it is too loud', () => {
    const silent = renderToString(<LevelMeter db={-90} />);
    expect(silent).toContain('data-verdict="silent"');
    expect(silent).toContain('width:0.0%');
    expect(silent).toContain('&lt; -60 dBFS');
    expect(renderToString(<LevelMeter db={-1} />)).toContain(announceText.tl('vi', 'meter.loud'));
  });
});

describe('RecordingReview', () => {
  it('lets an editor listen back, name the recording and send it, or download it', () => {
    const html = renderToString(<RecordingReview rec={rec} canSubmit />);
    for (const id of ['record-preview', 'record-title', 'record-submit', 'record-download', 'record-discard'])
      expect(count(html, id), id).toBe(1);
    expect(html).toContain('src="blob:http://localhost/rec-1"');
    expect(html).toContain('download="ghi-am-2026-03-01-0905.webm"');
    expect(html).toContain('Bản ghi dài 0:03');
    expect(html).toContain('Gửi duyệt');
  });

  it('offers only the download to an announcer without the editor role, and says why', () => {
    const html = renderToString(<RecordingReview rec={rec} canSubmit={false} />);
    expect(count(html, 'record-submit')).toBe(0);
    expect(count(html, 'record-download')).toBe(1);
    expect(html).toContain(announceText.tl('vi', 'form.needsEditor'));
  });

  it('keeps the recording after a failed upload: the server’s reason, "Gửi lại" and the download', () => {
    draftTitle.value = 'Thông báo cắt nước';
    const problem = { type: 'x', title: 'Unprocessable', status: 422, code: 'media_rejected', detail: 'Âm thanh im lặng hoặc quá nhỏ.' };
    sending.value = { ...IDLE, step: 'failed', error: new ApiError(422, problem) };
    const html = renderToString(<RecordingReview rec={rec} canSubmit />);
    expect(html).toContain('Âm thanh im lặng hoặc quá nhỏ.');
    expect(html).toContain('Gửi lại');
    expect(html).toContain(announceText.tl('vi', 'kept'));
    expect(html).toContain('value="Thông báo cắt nước"');
    expect(count(html, 'record-download')).toBe(1);
  });

  it('shows the progress while sending, and the clip once it waits for review', () => {
    sending.value = { ...IDLE, step: 'uploading', percent: 40 };
    const busy = renderToString(<RecordingReview rec={rec} canSubmit />);
    expect(busy).toContain('data-step="uploading"');
    expect(busy).toContain('aria-valuenow="40"');
    expect(busy).toContain('Đang tải lên 40%');
    sending.value = { ...IDLE, step: 'done', media, content };
    const done = renderToString(<RecordingReview rec={rec} canSubmit />);
    expect(done).toContain('data-testid="record-done"');
    expect(done).toContain('href="/content/41"');
    expect(done).toContain('Đã gửi duyệt &quot;Thông báo cắt nước&quot;');
  });
});

describe('sendRecording', () => {
  const file = new File([rec.blob], rec.fileName, { type: rec.mimeType });
  function fakes(fail: Partial<Record<'upload' | 'create' | 'submit', number>> = {}) {
    const calls: string[] = [];
    const left = { ...fail };
    const maybeFail = (step: 'upload' | 'create' | 'submit') => {
      if ((left[step] ?? 0) > 0) {
        left[step]!--;
        throw new Error('network');
      }
    };
    const deps: SendDeps = {
      async upload(f, on) {
        calls.push(`upload ${f.name}`);
        on.progress(50, 100);
        maybeFail('upload');
        on.sent();
        on.stage('loudness');
        return media;
      },
      async create(input) {
        calls.push(`create ${JSON.stringify(input)}`);
        maybeFail('create');
        return content;
      },
      async submit(id, number) {
        calls.push(`submit ${id}/${number}`);
        maybeFail('submit');
        return {} as ContentVersion;
      },
    };
    return { calls, deps };
  }

  it('uploads, makes a clip of the stored file with its upload id, and submits version 1', async () => {
    const { calls, deps } = fakes();
    const seen: SendState[] = [];
    const end = await sendRecording(file, '  Thông báo cắt nước ', IDLE, deps, (s) => seen.push(s));
    expect(end).toMatchObject({ step: 'done', media, content, error: null });
    expect(calls).toEqual([
      'upload ghi-am-2026-03-01-0905.webm',
      `create ${JSON.stringify({ kind: 'clip', title: 'Thông báo cắt nước', mediaSha256: 'a'.repeat(64), mediaUploadId: 12 })}`,
      'submit 41/1',
    ]);
    expect(seen.map((s) => s.step)).toEqual([
      'uploading',
      'uploading',
      'processing',
      'processing',
      'processing',
      'creating',
      'creating',
      'submitting',
      'done',
    ]);
    expect(seen[1]!.percent).toBe(50);
    expect(seen[3]!.stage).toBe('loudness');
  });

  it('resumes after a failure without uploading again or making a second clip', async () => {
    const { calls, deps } = fakes({ create: 1, submit: 1 });
    const first = await sendRecording(file, 'T', IDLE, deps, () => {});
    expect(first).toMatchObject({ step: 'failed', media, content: null });
    const second = await sendRecording(file, 'T', first, deps, () => {});
    expect(second).toMatchObject({ step: 'failed', media, content, error: expect.any(Error) });
    const third = await sendRecording(file, 'T', second, deps, () => {});
    expect(third).toMatchObject({ step: 'done', error: null });
    expect(calls.filter((c) => c.startsWith('upload'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('create'))).toHaveLength(2);
    expect(calls.filter((c) => c.startsWith('submit'))).toHaveLength(2);
  });

  it('keeps nothing half-done when the upload itself fails', async () => {
    const { deps } = fakes({ upload: 1 });
    expect(await sendRecording(file, 'T', IDLE, deps, () => {})).toMatchObject({ step: 'failed', media: null, content: null });
  });

  it('leaves the upload id out when the server did not give one, and rounds the percentage', () => {
    expect(clipInput('x', { ...media, uploadId: undefined } as Media)).toEqual({ kind: 'clip', title: 'x', mediaSha256: 'a'.repeat(64) });
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('announce dictionary', () => {
  it('has the same keys in Vietnamese and English, none empty, with the same placeholders', () => {
    const vi = announceText.dictionaries.vi as Record<string, string>;
    const en = announceText.dictionaries.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi)) {
      expect(vi[key]!.trim(), key).not.toBe('');
      expect(names(en[key]!), key).toEqual(names(vi[key]!));
    }
  });
});
