// Uploads, then content from them: files dropped here are ingested by the server (progress per file,
// the reason when refused); each stored file can then become a clip or an ad, or all of them can be sent
// to review at once ("Gửi duyệt ngay": a file not yet made into content becomes a clip named after it).
import { useCallback, useState } from 'preact/hooks';
import { createContent, type Content, type ContentKind, type Media } from '../../../lib/content-api';
import { t, tf } from '../../../lib/i18n';
import { emptyMediaForm } from '../../../lib/media-form';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { SubmitOutcome, useSubmitMany } from '../BulkSubmit/index';
import { MediaContentForm } from '../MediaContentForm/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import { NameWarning } from '../../../components/NameWarning/index';
import { Uploader } from '../Uploader/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Stored {
  media: Media;
  name: string;
}

export function UploadPage() {
  const [stored, setStored] = useState<Stored[]>([]);
  const [making, setMaking] = useState<{ item: Stored; kind: Exclude<ContentKind, 'message' | 'quiz'> } | null>(null);
  // The item made from each stored file (by sha256), so "Gửi duyệt ngay" makes no second one.
  const [made, setMade] = useState<Map<string, Content>>(new Map());
  const [preparing, setPreparing] = useState(false);
  const [makeError, setMakeError] = useState<unknown>(null);
  const submit = useSubmitMany(() => undefined);
  const remember = (sha: string, c: Content) => setMade((m) => new Map(m).set(sha, c));

  async function submitNow() {
    setPreparing(true);
    setMakeError(null);
    try {
      const items: Content[] = [];
      for (const s of stored) {
        let c = made.get(s.media.sha256);
        if (!c) {
          const title = emptyMediaForm(s.name).title.trim() || s.name;
          c = await createContent({
            kind: 'clip',
            title,
            mediaSha256: s.media.sha256,
            ...(s.media.uploadId !== undefined ? { mediaUploadId: s.media.uploadId } : {}),
          });
          remember(s.media.sha256, c);
        }
        items.push(c);
      }
      await submit.run(items.map((c) => ({ id: c.id })));
    } catch (err) {
      setMakeError(err);
    } finally {
      setPreparing(false);
    }
  }
  const titleOf = (id: number) => [...made.values()].find((c) => c.id === id)?.latest?.title ?? `#${id}`;

  const onUploaded = useCallback(
    (media: Media, name: string) => setStored((s) => (s.some((x) => x.media.sha256 === media.sha256) ? s : [...s, { media, name }])),
    [],
  );

  return (
    <ScreenPage title="content.upload" wide>
      <a href="/content" class={controls.back}>
        {t('content.back')}
      </a>
      <div class={styles.layout}>
        <div>
          <Uploader accept="media" dropLabel="upload.drop" pickerAccept="video/*,image/*,audio/*" onUploaded={onUploaded} />
          {stored.length > 0 && (
            <ul class={styles.stored} data-testid="stored-media">
              {stored.map((s) => (
                <li key={s.media.sha256} class={styles.storedItem}>
                  {s.media.thumbnailUrl ? <img src={s.media.thumbnailUrl} alt="" class={styles.thumb} /> : <span class={styles.thumb} />}
                  <div class={styles.name}>
                    {s.name}
                    <NameWarning warning={s.media.warning} />
                  </div>
                  <span class={controls.row}>
                    <button
                      type="button"
                      class={controls.button}
                      onClick={() => setMaking({ item: s, kind: 'clip' })}
                      data-testid="make-clip"
                    >
                      {t('upload.makeClip')}
                    </button>
                    <button type="button" class={controls.button} onClick={() => setMaking({ item: s, kind: 'ad' })} data-testid="make-ad">
                      {t('upload.makeAd')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {stored.length > 0 && (
            <div class={styles.submitNow}>
              <p class={controls.muted}>{t('bulk.submitNowHint')}</p>
              <button
                type="button"
                class={controls.primary}
                disabled={preparing || submit.busy}
                onClick={submitNow}
                data-testid="submit-now"
              >
                {preparing || submit.busy ? t('bulk.submitting') : tf('bulk.submitNow', { n: stored.length })}
              </button>
              {makeError ? <ErrorNotice error={makeError} onDismiss={() => setMakeError(null)} /> : null}
              {submit.error ? <ErrorNotice error={submit.error} onDismiss={submit.dismissError} /> : null}
              {submit.result && <SubmitOutcome result={submit.result} titleOf={titleOf} />}
            </div>
          )}
        </div>
        {making && (
          <MediaContentForm
            key={`${making.item.media.sha256}-${making.kind}`}
            kind={making.kind}
            media={making.item.media}
            fileName={making.item.name}
            onClose={() => setMaking(null)}
            onCreated={(c) => remember(making.item.media.sha256, c)}
          />
        )}
      </div>
    </ScreenPage>
  );
}
