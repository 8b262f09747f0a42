// The playlists screen (lazy-loaded route).
import { ScreenPage } from '../../components/ScreenPage/index';
import { PlaylistsScreen } from './PlaylistsScreen/index';

export default function PlaylistsRoute() {
  return (
    <ScreenPage title="nav.playlists" wide>
      <PlaylistsScreen />
    </ScreenPage>
  );
}
