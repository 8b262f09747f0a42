// The audit log screen (lazy-loaded route, admin and viewer).
import { AuditScreen } from './AuditScreen/index';

export default function AuditRoute() {
  return <AuditScreen />;
}
