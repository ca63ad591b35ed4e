import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDebugHook } from '../../../src/app/debug-hook';
import { createBrowserFeed } from '../../../src/client/browser-feed';
import { browserFrameScheduler } from '../../../src/client/frame-scheduler';
import { DashboardProvider } from '../../../src/store/dashboard-context';
import { createDashboard } from '../../../src/store/dashboard-store';
import '../../../src/app/theme.css';

/** Starts the same feed and store as src/app/main.tsx and renders `page` inside them. */
export function boot(page: ReactNode): void {
  const dashboard = createDashboard(browserFrameScheduler());
  const feed = createBrowserFeed(dashboard, null);
  feed.start();
  installDebugHook(dashboard, feed);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <DashboardProvider dashboard={dashboard}>{page}</DashboardProvider>
      </StrictMode>,
    );
  }
}
