// The devices screen (lazy-loaded route).
import { DevicesScreen } from './DevicesScreen/index';
import { ScreenPage } from '../../components/ScreenPage/index';

export default function DevicesRoute() {
  return (
    <ScreenPage title="nav.devices" wide>
      <DevicesScreen />
    </ScreenPage>
  );
}
