import { useViewParams } from '../store/use-view-params';
import { DashboardPage } from './dashboard-page';
import { WallRoute } from './wall-route';

export function App() {
  const [params] = useViewParams();
  return params.view === 'wall' ? <WallRoute /> : <DashboardPage />;
}
