// Uploads, then content from them: files dropped here are ingested by the server (progress per file,
// the reason when refused); each stored file can then become a clip or an ad.
import { useCallback, useState } from 'preact/hooks';
import type { ContentKind, Media } from '../../../lib/content-api';
import { t } from '../../../lib/i18n';
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
  const [making, setMaking] = useState<{ item: Stored; kind: Exclude<ContentKind, 'message'> } | null>(null);
  const onUploaded = useCallback(
    (media: Media, name: string) => setStored((s) => (s.some((x) => x.media.sha256 === media.sha256) ? s : [...s, { media, name }])),
    [],
  );

  return (
    <ScreenPage title="content.upload" wide>
      <a href="/content" class={styles.back}>
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
        </div>
        {making && (
          <MediaContentForm
            key={`${making.item.media.sha256}-${making.kind}`}
            kind={making.kind}
            media={making.item.media}
            fileName={making.item.name}
            onClose={() => setMaking(null)}
          />
        )}
      </div>
    </ScreenPage>
  );
}
