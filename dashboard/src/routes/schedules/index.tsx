// The schedules screen (lazy-loaded route).
import { ScreenPage } from '../../components/ScreenPage/index';
import { SchedulesScreen } from './SchedulesScreen/index';

export default function SchedulesRoute() {
  return (
    <ScreenPage title="nav.schedules" wide>
      <SchedulesScreen />
    </ScreenPage>
  );
}
