// The exact version a person is looking at, as it will play: a message in its three screen sizes with
// its rendered speech, a clip's file, an ad's file (muted) with its advertiser and category, or a quiz question.
import type { ContentKind, ContentVersion } from '../../lib/content-api';
import { t, tf, type MessageKey } from '../../lib/i18n';
import { ListenButton } from '../ListenButton';
import { MediaView } from '../MediaView';
import { MessagePreview, type PreviewSize } from '../MessagePreview';
import { NameWarning } from '../NameWarning';
import styles from './style.module.css';

interface Props {
  kind: ContentKind;
  version: ContentVersion;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** A quiz question as a reviewer checks it: the question, the answers with the right one marked, why, and the article. */
function QuizPreview({ version }: { version: ContentVersion }) {
  const f = version.fields;
  const answers = Array.isArray(f.answers) ? f.answers.map(String) : [];
  const article = str(f.articleUrl);
  return (
    <div class={styles.preview} data-testid="quiz-preview">
      <p>
        <strong>{version.body}</strong>
      </p>
      <ol>
        {answers.map((a, i) => (
          <li key={i} data-correct={i === f.correctIndex ? 'true' : undefined}>
            {a} {i === f.correctIndex && <strong>{t('quiz.rightMark')}</strong>}
          </li>
        ))}
      </ol>
      <p>{str(f.explanation)}</p>
      {article && (
        <p>
          {t('quiz.article')}:{' '}
          <a href={article} target="_blank" rel="noopener noreferrer">
            {article}
          </a>
        </p>
      )}
    </div>
  );
}

export function VersionPreview({ kind, version }: Props) {
  const label = tf('content.versionN', { n: version.number });
  if (kind === 'message') {
    const style = str(version.fields.style) as PreviewSize | null;
    return (
      <div class={styles.preview}>
        <MessagePreview title={version.title} body={version.body} chosen={style ?? undefined} />
        <ListenButton url={version.speech?.url ?? null} label={tf('editor.speechOf', { n: version.number })} />
        {version.fields.public === true && (
          <p class={styles.public} data-testid="version-public">
            {t('content.publicVersion')}
          </p>
        )}
      </div>
    );
  }
  if (kind === 'quiz') return <QuizPreview version={version} />;
  const advertiser = str(version.fields.advertiser);
  const category = str(version.fields.productCategory);
  return (
    <div class={styles.preview}>
      {version.media ? <MediaView media={version.media} label={`${version.title} — ${label}`} muted={kind === 'ad'} /> : null}
      <NameWarning warning={version.mediaWarning} />
      {kind === 'ad' && (
        <dl class={styles.facts}>
          {advertiser && (
            <>
              <dt>{t('field.advertiser')}</dt>
              <dd>{advertiser}</dd>
            </>
          )}
          {str(version.fields.claim) && (
            <>
              <dt>{t('fieldname.claim')}</dt>
              <dd data-testid="ad-claim">{str(version.fields.claim)}</dd>
            </>
          )}
          {category && (
            <>
              <dt>{t('field.productCategory')}</dt>
              <dd>{t(`cat.${category}` as MessageKey) ?? category}</dd>
            </>
          )}
          {str(version.fields.licenceRef) && (
            <>
              <dt>{t('field.licenceRef')}</dt>
              <dd>{str(version.fields.licenceRef)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
