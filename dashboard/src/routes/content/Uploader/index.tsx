// Drag-and-drop uploads with a file picker for keyboard users: several files at once, a progress bar
// per file (bytes sent, then the server's ingest stage), and the server's reason when a file is refused.
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Media } from '../../../lib/content-api';
import { formatBytes } from '../../../lib/datetime';
import { lang, t, tf, type MessageKey } from '../../../lib/i18n';
import { ApiError } from '../../../lib/problem';
import { newUploadId, uploadFile, type AcceptKind } from '../../../lib/upload';
import { nextToStart, percentSent, reduceUploads, summarize, type UploadItem } from '../../../lib/upload-queue';
import { describeError } from '../../../lib/error-advice';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  accept: AcceptKind;
  dropLabel: MessageKey;
  onUploaded: (media: Media, fileName: string) => void;
  /** The native picker's filter, e.g. "video/*,image/*,audio/*". */
  pickerAccept?: string;
  parallel?: number;
  testId?: string;
  /** What this picker is for, when a page has more than one ("tài liệu chứng minh"): added to its name. */
  purpose?: string;
}

function statusText(item: UploadItem<Media>): string {
  if (item.status === 'uploading') return tf('status.uploading', { p: percentSent(item) });
  if (item.status === 'processing') return item.stage ? t(`stage.${item.stage}`) : t('status.processing');
  return t(`status.${item.status}`);
}

export function Uploader({ accept, dropLabel, onUploaded, pickerAccept, parallel = 2, testId = 'uploader', purpose }: Props) {
  const pickName = purpose ? `${t('upload.pick')} (${purpose})` : undefined;
  const [items, dispatch] = useReducer(reduceUploads<Media>, []);
  const [over, setOver] = useState(false);
  const files = useRef(new Map<string, File>());
  const input = useRef<HTMLInputElement>(null);

  function add(list: FileList | null) {
    if (!list?.length) return;
    const added = Array.from(list).map((file) => {
      const id = newUploadId();
      files.current.set(id, file);
      return { id, name: file.name, size: file.size };
    });
    dispatch({ type: 'add', files: added });
  }

  useEffect(() => {
    for (const id of nextToStart(items, parallel)) {
      const file = files.current.get(id);
      if (!file) continue;
      dispatch({ type: 'start', id });
      const handle = uploadFile(file, accept, {
        onProgress: (sent) => dispatch({ type: 'progress', id, sent }),
        onSent: () => dispatch({ type: 'sent', id }),
        onStage: (stage) => dispatch({ type: 'stage', id, stage }),
      });
      handle.done.then(
        (media) => {
          dispatch({ type: 'done', id, media });
          onUploaded(media, file.name);
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.problem) {
            const view = describeError(err);
            dispatch({ type: 'rejected', id, reason: view.detail ?? t('common.network') });
          } else dispatch({ type: 'failed', id, reason: t('upload.networkFailed') });
        },
      );
    }
  }, [items, parallel, accept, onUploaded]);

  const counts = summarize(items);
  return (
    <div class={styles.uploader} data-testid={testId}>
      <div
        class={`${styles.zone} ${over ? styles.over : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files ?? null);
        }}
        data-testid={`${testId}-zone`}
      >
        <p class={styles.drop}>{t(dropLabel)}</p>
        <p class={styles.or}>{t('upload.or')}</p>
        <button type="button" class={controls.primary} onClick={() => input.current?.click()} aria-label={pickName}>
          {t('upload.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          class={controls.srOnly}
          accept={pickerAccept}
          aria-label={pickName ?? t('upload.pick')}
          tabIndex={-1}
          data-testid={`${testId}-input`}
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p class={styles.hint}>{t('upload.hint')}</p>
      </div>
      {items.length > 0 && (
        <section aria-label={t('upload.files')}>
          <p class={styles.summary} aria-live="polite">
            {tf('upload.summary', {
              done: counts.done,
              active: counts.queued + counts.uploading + counts.processing,
              bad: counts.rejected + counts.failed,
            })}
          </p>
          <ul class={`${controls.stack} ${styles.list}`}>
            {items.map((item) => (
              <UploadRow
                key={item.id}
                item={item}
                onRetry={() => dispatch({ type: 'retry', id: item.id })}
                onRemove={() => dispatch({ type: 'remove', id: item.id })}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function UploadRow({ item, onRetry, onRemove }: { item: UploadItem<Media>; onRetry: () => void; onRemove: () => void }) {
  const bad = item.status === 'rejected' || item.status === 'failed';
  const value = item.status === 'processing' ? null : item.status === 'queued' ? 0 : percentSent(item);
  return (
    <li class={styles.item} data-testid="upload-item" data-status={item.status}>
      <div class={styles.itemHead}>
        <span class={styles.name}>{item.name}</span>
        <span class={styles.size}>{formatBytes(item.size, lang.value)}</span>
        <span class={bad ? styles.bad : styles.status} data-testid="upload-status">
          {statusText(item)}
        </span>
      </div>
      <ProgressBar
        label={tf('upload.progressOf', { name: item.name })}
        value={value}
        tone={bad ? 'error' : item.status === 'done' ? 'done' : 'normal'}
        valueText={statusText(item)}
      />
      {bad && (
        <div class={styles.reason} role="alert" data-testid="upload-reason">
          <p>{item.error}</p>
          <p>{t(item.status === 'rejected' ? 'upload.rejectedNext' : 'next.network')}</p>
          <div class={controls.row}>
            {item.status === 'failed' && (
              <button type="button" class={controls.button} onClick={onRetry}>
                {t('upload.retry')}
              </button>
            )}
            <button type="button" class={controls.button} onClick={onRemove} aria-label={tf('upload.remove', { name: item.name })}>
              ×
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
