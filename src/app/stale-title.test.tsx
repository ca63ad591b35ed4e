import { render } from '@testing-library/react';
import { created, moved } from '../../test/support/stats-test-events';
import { createTestDashboard } from '../../test/support/dom/stats-test-harness';
import { StaleTitle } from './stale-title';

const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('StaleTitle', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('puts the stale count in the tab title once the scan after the threshold lands, and takes it out again', () => {
    const t = createTestDashboard(T0, [created('a', T0), moved('a', T0 + 500, 'OPEN')]);
    render(<StaleTitle />, { wrapper: t.wrapper });
    expect(document.title).toBe('Orderwatch');
    t.advance(301_000);
    expect(document.title).toBe('(1 stale) Orderwatch');
    t.post(moved('a', t.now(), 'CANCELED'));
    t.advance(1_000);
    expect(document.title).toBe('Orderwatch');
  });
});
