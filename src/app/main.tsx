import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserFeed } from '../client/browser-feed';
import { browserFrameScheduler } from '../client/frame-scheduler';
import { DashboardProvider } from '../store/dashboard-context';
import { createDashboard } from '../store/dashboard-store';
import { readViewParams } from '../store/view-params';
import { App } from './app';
import { installDebugHook } from './debug-hook';
import { applyTheme, loadTheme } from './theme';
import './theme.css';

applyTheme(loadTheme());

const dashboard = createDashboard(browserFrameScheduler());
const feed = createBrowserFeed(dashboard, readViewParams().token);
feed.start();
installDebugHook(dashboard, feed);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardProvider dashboard={dashboard}>
        <App />
      </DashboardProvider>
    </StrictMode>,
  );
}
