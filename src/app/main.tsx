import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAlertActions } from '../client/alert-actions-client';
import { createBrowserFeed } from '../client/browser-feed';
import { createHistoryClient } from '../client/history-client';
import { AlertActionsContext } from '../store/alert-actions';
import { browserFrameScheduler } from '../client/frame-scheduler';
import { DashboardProvider } from '../store/dashboard-context';
import { createDashboard } from '../store/dashboard-store';
import { HistoryProvider } from '../store/history-context';
import { createHistoryStore } from '../store/history-store';
import { readViewParams } from '../store/view-url';
import { App } from './app';
import { applyTheme, loadTheme } from './theme';
import './theme.css';

applyTheme(loadTheme());

const dashboard = createDashboard(browserFrameScheduler());
const token = readViewParams().token;
const feed = createBrowserFeed(dashboard, token);
const alertActions = createAlertActions({ fetch: window.fetch.bind(window), viewToken: token, storage: window.sessionStorage });
feed.start();
// Asks the relay only when the History view or a detail panel's fallback needs it.
const history = createHistoryStore(createHistoryClient({ fetch: (url, init) => window.fetch(url, init), token }));
// Only in the builds made for the browser tests and benchmarks (VITE_DEBUG_HOOK=1): the shipped
// bundle carries no window.__orderwatch, so no script on the page can read the whole book through it.
if (import.meta.env.VITE_DEBUG_HOOK === '1') void import('./debug-hook').then((hook) => hook.installDebugHook(dashboard, feed));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardProvider dashboard={dashboard}>
        <AlertActionsContext.Provider value={alertActions}>
          <HistoryProvider history={history}>
            <App />
          </HistoryProvider>
        </AlertActionsContext.Provider>
      </DashboardProvider>
    </StrictMode>,
  );
}
