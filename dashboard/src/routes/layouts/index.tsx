// The screen layouts screen (lazy-loaded route).
import { ScreenPage } from '../../components/ScreenPage/index';
import { LayoutsScreen } from './LayoutsScreen/index';

export default function LayoutsRoute() {
  return (
    <ScreenPage title="nav.layouts" wide>
      <LayoutsScreen />
    </ScreenPage>
  );
}
