// The content screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function ContentRoute() {
  return <ScreenPage title="nav.content" />;
}
