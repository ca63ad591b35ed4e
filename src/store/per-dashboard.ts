import type { Dashboard } from './dashboard-store';

/**
 * A service made once per dashboard on first use and living as long as the dashboard does
 * (the stats feed, the book scan): every hook asking for it gets the same one.
 */
export function perDashboard<T>(create: (dashboard: Dashboard) => T): (dashboard: Dashboard) => T {
  const made = new WeakMap<Dashboard, T>();
  return (dashboard) => {
    let value = made.get(dashboard);
    if (value === undefined) {
      value = create(dashboard);
      made.set(dashboard, value);
    }
    return value;
  };
}
