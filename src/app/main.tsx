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

// The app renders once the stream worker runs: the snapshot's bytes then flow to it while the
// page's first render keeps the main thread busy (browser-feed.ts, streamStarted).
void feed.streamStarted.then(() => {
  const root = document.getElementById('root');
  if (!root) return;
  performance.mark('orderwatch:render-start');
  createRoot(root).render(
    <StrictMode>
      <DashboardProvider dashboard={dashboard}>
        <App />
      </DashboardProvider>
    </StrictMode>,
  );
});
