// The alerts screen (lazy-loaded route).
import { AlertsScreen } from './AlertsScreen/index';
import { ScreenPage } from '../../components/ScreenPage/index';

export default function AlertsRoute() {
  return (
    <ScreenPage title="nav.alerts" wide>
      <AlertsScreen />
    </ScreenPage>
  );
}
