// The overview screen (lazy-loaded route).
import { OverviewScreen } from './OverviewScreen/index';

export default function OverviewRoute() {
  return <OverviewScreen />;
}
