// The reports screen (lazy-loaded route).
import { ReportsScreen } from '../components/ReportsScreen';
import { ScreenPage } from '../components/ScreenPage';

export default function ReportsRoute() {
  return (
    <ScreenPage title="nav.reports" wide>
      <ReportsScreen />
    </ScreenPage>
  );
}
