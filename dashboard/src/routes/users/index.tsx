// The users screen (lazy-loaded route, admin only).
import { UsersScreen } from './UsersScreen/index';

export default function UsersRoute() {
  return <UsersScreen />;
}
