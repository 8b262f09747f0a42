// The overview screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function OverviewRoute() {
  return <ScreenPage title="nav.overview" />;
}
