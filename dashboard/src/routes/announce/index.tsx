// The "Phát trực tiếp" screen (lazy-loaded route): microphone test, speaking live, recording announcements and the live log.
import { ScreenPage } from '../../components/ScreenPage/index';
import { AnnounceScreen } from './AnnounceScreen/index';

export default function AnnounceRoute() {
  return (
    <ScreenPage title="nav.announce">
      <AnnounceScreen />
    </ScreenPage>
  );
}
