// The audit screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function AuditRoute() {
  return <ScreenPage title="nav.audit" />;
}
