// The alerts screen (lazy-loaded route).
import { AlertsScreen } from '../components/AlertsScreen';
import { ScreenPage } from '../components/ScreenPage';

export default function AlertsRoute() {
  return (
    <ScreenPage title="nav.alerts" wide>
      <AlertsScreen />
    </ScreenPage>
  );
}
