// The users screen (lazy-loaded route, admin only).
import { UsersScreen } from '../components/UsersScreen';

export default function UsersRoute() {
  return <UsersScreen />;
}
