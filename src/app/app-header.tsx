import { useState } from 'react';
import { AlertBar } from '../features/alerts/alert-bar';
import { AlertNotifications } from '../features/alerts/alert-notifications';
import { AlertsPanel } from '../features/alerts/alerts-panel';
import { FeedStatusIndicator } from '../features/feed-status/feed-status-indicator';
import { SavedViewsMenu } from '../features/saved-views/saved-views-menu';
import { HistoryLink } from './history-link';
import { useStaleCount } from '../store/use-stale-count';
import { StaleCountFigure } from './stale-count-figure';
import { ThemeToggle } from './theme-toggle';
import { WallLink } from './wall-link';

export function AppHeader() {
  const staleCount = useStaleCount();
  const [alertsOpen, setAlertsOpen] = useState(false);
  return (
    <header className="app-header">
      <h1 className="app-header__brand">Orderwatch</h1>
      <StaleCountFigure count={staleCount} />
      <AlertBar open={alertsOpen} onToggle={() => setAlertsOpen((o) => !o)} />
      <span className="app-header__spacer" />
      <AlertNotifications />
      <FeedStatusIndicator />
      <SavedViewsMenu />
      <HistoryLink />
      <WallLink />
      <ThemeToggle />
      {alertsOpen && (
        <div className="app-header__alerts">
          <AlertsPanel onClose={() => setAlertsOpen(false)} />
        </div>
      )}
    </header>
  );
}
