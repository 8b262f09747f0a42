// The devices screen (lazy-loaded route).
import { DevicesScreen } from '../components/DevicesScreen';
import { ScreenPage } from '../components/ScreenPage';

export default function DevicesRoute() {
  return (
    <ScreenPage title="nav.devices" wide>
      <DevicesScreen />
    </ScreenPage>
  );
}
