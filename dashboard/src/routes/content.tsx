// The content screen (lazy-loaded route): the library at /content, the message editor at /content/new
// and /content/{id}/edit, uploads at /content/upload, one item at /content/{id}.
import { useRoute } from 'preact-iso';
import { ContentDetail } from '../components/ContentDetail';
import { ContentLibrary } from '../components/ContentLibrary';
import { MessageEditor } from '../components/MessageEditor';
import { ForbiddenPage, NotFoundPage } from '../components/StatusPage';
import { UploadPage } from '../components/UploadPage';
import { can } from '../lib/permissions';
import { session } from '../lib/session';

export default function ContentRoute() {
  const { params } = useRoute();
  const parts = (params.sub ?? '').split('/').filter(Boolean);
  const writer = can(session.value?.user.roles ?? [], 'content.write');
  if (parts.length === 0) return <ContentLibrary />;
  if (parts[0] === 'new' || parts[0] === 'upload') {
    if (!writer) return <ForbiddenPage />;
    return parts[0] === 'new' ? <MessageEditor /> : <UploadPage />;
  }
  const id = Number(parts[0]);
  if (!Number.isInteger(id) || id <= 0 || parts.length > 2) return <NotFoundPage />;
  if (parts[1] === 'edit') return writer ? <MessageEditor id={id} /> : <ForbiddenPage />;
  if (parts[1] !== undefined) return <NotFoundPage />;
  return <ContentDetail id={id} />;
}
