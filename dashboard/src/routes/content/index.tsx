// The content screen (lazy-loaded route): the library at /content, the message editor at /content/new,
// the quiz question editor at /content/new-quiz, uploads at /content/upload, one item at /content/{id}, and its editor at /content/{id}/edit (the
// message editor for a message, the quiz editor for a quiz question, the clip/ad editor for the others).
import { useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ContentDetail } from './ContentDetail/index';
import { ContentLibrary } from './ContentLibrary/index';
import { ErrorNotice } from '../../components/ErrorNotice/index';
import { MediaContentEditor } from './MediaContentEditor/index';
import { MessageEditor } from './MessageEditor/index';
import { QuizEditor } from './QuizEditor/index';
import { ForbiddenPage, NotFoundPage } from '../../components/StatusPage/index';
import { UploadPage } from './UploadPage/index';
import { getContent } from '../../lib/content-api';
import { t } from '../../lib/i18n';
import { can } from '../../lib/permissions';
import { session } from '../../lib/session';
import { useResource } from '../../lib/use-resource';

/**
 * The editor of new or existing content. A new message is saved, then its address becomes
 * /content/{id}/edit: the same message editor stays mounted through that change (same key), so the
 * "saved" notice and the form stay. Any other item is loaded first to pick its editor.
 */
function ContentEditor({ id }: { id?: number }) {
  const previous = useRef<number | undefined | null>(null);
  const savedNew = useRef<number | null>(null);
  if (previous.current === undefined && id !== undefined) savedNew.current = id;
  previous.current = id;
  const fresh = id === undefined || id === savedNew.current;
  const res = useResource(() => (fresh ? Promise.resolve(null) : getContent(id)), [id, fresh]);
  if (fresh) return <MessageEditor key="new" id={id} />;
  if (res.error) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  const c = res.data;
  if (!c || c.id !== id) return <p role="status">{t('common.loading')}</p>;
  // Starter-pack items are not offered for editing, as on the detail page.
  if (c.system || !c.latest) return <ForbiddenPage />;
  if (c.kind === 'message') return <MessageEditor key={id} id={id} />;
  if (c.kind === 'quiz') return <QuizEditor key={id} id={id} />;
  return <MediaContentEditor key={id} kind={c.kind} initial={{ ...c, latest: c.latest }} />;
}

export default function ContentRoute() {
  const { params } = useRoute();
  const parts = (params.sub ?? '').split('/').filter(Boolean);
  const writer = can(session.value?.user.roles ?? [], 'content.write');
  if (parts.length === 0) return <ContentLibrary />;
  if (parts[0] === 'new' || parts[0] === 'upload' || parts[0] === 'new-quiz') {
    if (!writer) return <ForbiddenPage />;
    if (parts[0] === 'new-quiz') return <QuizEditor />;
    return parts[0] === 'new' ? <ContentEditor /> : <UploadPage />;
  }
  const id = Number(parts[0]);
  if (!Number.isInteger(id) || id <= 0 || parts.length > 2) return <NotFoundPage />;
  if (parts[1] === 'edit') return writer ? <ContentEditor id={id} /> : <ForbiddenPage />;
  if (parts[1] !== undefined) return <NotFoundPage />;
  return <ContentDetail id={id} />;
}
