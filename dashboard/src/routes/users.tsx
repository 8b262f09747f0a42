// The users screen (lazy-loaded route). A placeholder until the real screen lands.
import { ScreenPage } from '../components/ScreenPage';

export default function UsersRoute() {
  return <ScreenPage title="nav.users" />;
}
