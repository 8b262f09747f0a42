// The reports screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function ReportsRoute() {
  return <ScreenPage title="nav.reports" />;
}
