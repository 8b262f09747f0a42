// The cases screen (lazy-loaded route): citizens' reports for the culture–social office, the police, admins.
import { CasesScreen } from './CasesScreen/index';
import { ScreenPage } from '../../components/ScreenPage/index';

export default function CasesRoute() {
  return (
    <ScreenPage title="nav.cases" wide>
      <CasesScreen />
    </ScreenPage>
  );
}
