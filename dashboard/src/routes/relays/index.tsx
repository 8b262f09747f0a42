// The relay sources screen (lazy-loaded route).
import { ScreenPage } from '../../components/ScreenPage/index';
import { RelaySourcesScreen } from './RelaySourcesScreen/index';

export default function RelaySourcesRoute() {
  return (
    <ScreenPage title="nav.relays" wide>
      <RelaySourcesScreen />
    </ScreenPage>
  );
}
