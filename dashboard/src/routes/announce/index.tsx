// The "Phát trực tiếp" screen (lazy-loaded route): microphone test and recording announcements.
import { ScreenPage } from '../../components/ScreenPage/index';
import { AnnounceScreen } from './AnnounceScreen/index';

export default function AnnounceRoute() {
  return (
    <ScreenPage title="nav.announce">
      <AnnounceScreen />
    </ScreenPage>
  );
}
