// The schedules screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function SchedulesRoute() {
  return <ScreenPage title="nav.schedules" />;
}
