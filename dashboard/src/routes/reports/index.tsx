// The reports screen (lazy-loaded route).
import { ReportsScreen } from './ReportsScreen/index';
import { ScreenPage } from '../../components/ScreenPage/index';

export default function ReportsRoute() {
  return (
    <ScreenPage title="nav.reports" wide>
      <ReportsScreen />
    </ScreenPage>
  );
}
