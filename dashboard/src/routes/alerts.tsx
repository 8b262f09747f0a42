// The alerts screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function AlertsRoute() {
  return <ScreenPage title="nav.alerts" />;
}
