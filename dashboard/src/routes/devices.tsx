// The devices screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function DevicesRoute() {
  return <ScreenPage title="nav.devices" />;
}
