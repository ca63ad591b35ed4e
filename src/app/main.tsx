import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAlertActions } from '../client/alert-actions-client';
import { createBrowserFeed } from '../client/browser-feed';
import { AlertActionsContext } from '../store/alert-actions';
import { browserFrameScheduler } from '../client/frame-scheduler';
import { DashboardProvider } from '../store/dashboard-context';
import { createDashboard } from '../store/dashboard-store';
import { readViewParams } from '../store/view-url';
import { App } from './app';
import { applyTheme, loadTheme } from './theme';
import './theme.css';

applyTheme(loadTheme());

const dashboard = createDashboard(browserFrameScheduler());
const feed = createBrowserFeed(dashboard, readViewParams().token);
const alertActions = createAlertActions({
  fetch: window.fetch.bind(window),
  viewToken: readViewParams().token,
  storage: window.sessionStorage,
});
feed.start();
// Only in the builds made for the browser tests and benchmarks (VITE_DEBUG_HOOK=1): the shipped
// bundle carries no window.__orderwatch, so no script on the page can read the whole book through it.
if (import.meta.env.VITE_DEBUG_HOOK === '1') void import('./debug-hook').then((hook) => hook.installDebugHook(dashboard, feed));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardProvider dashboard={dashboard}>
        <AlertActionsContext.Provider value={alertActions}>
          <App />
        </AlertActionsContext.Provider>
      </DashboardProvider>
    </StrictMode>,
  );
}
