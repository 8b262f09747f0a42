// The overview screen (lazy-loaded route).
import { OverviewScreen } from '../components/OverviewScreen';

export default function OverviewRoute() {
  return <OverviewScreen />;
}
