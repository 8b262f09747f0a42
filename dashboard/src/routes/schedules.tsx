// The schedules screen (lazy-loaded route).
import { ScreenPage } from '../components/ScreenPage';
import { SchedulesScreen } from '../components/SchedulesScreen';

export default function SchedulesRoute() {
  return (
    <ScreenPage title="nav.schedules" wide>
      <SchedulesScreen />
    </ScreenPage>
  );
}
