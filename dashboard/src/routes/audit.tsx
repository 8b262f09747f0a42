// The audit log screen (lazy-loaded route, admin and viewer).
import { AuditScreen } from '../components/AuditScreen';

export default function AuditRoute() {
  return <AuditScreen />;
}
