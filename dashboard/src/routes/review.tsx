// The review screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function ReviewRoute() {
  return <ScreenPage title="nav.review" />;
}
