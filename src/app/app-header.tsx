import { FeedStatusIndicator } from '../features/feed-status/feed-status-indicator';
import { HistoryLink } from './history-link';
import { useStaleCount } from '../store/use-stale-count';
import { StaleCountFigure } from './stale-count-figure';
import { ThemeToggle } from './theme-toggle';
import { WallLink } from './wall-link';

export function AppHeader() {
  const staleCount = useStaleCount();
  return (
    <header className="app-header">
      <h1 className="app-header__brand">Orderwatch</h1>
      <StaleCountFigure count={staleCount} />
      <span className="app-header__spacer" />
      <FeedStatusIndicator />
      <HistoryLink />
      <WallLink />
      <ThemeToggle />
    </header>
  );
}
