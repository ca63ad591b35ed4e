import { useViewParams } from '../store/use-view-params';
import { DashboardPage } from './dashboard-page';
import { HistoryRoute } from './history-route';
import { WallRoute } from './wall-route';

export function App() {
  const [params] = useViewParams();
  if (params.view === 'history') return <HistoryRoute />;
  return params.view === 'wall' ? <WallRoute /> : <DashboardPage />;
}
