import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import type { Alert } from '../../core/alert';
import type { ActionOutcome, AlertActions } from '../../store/alert-actions';
import { AlertActionsContext } from '../../store/alert-actions';
import { applyAlertsMessage, applyEnginesMessage } from '../../store/alerts-store';
import { AlertBar } from './alert-bar';
import { AlertsPanel } from './alerts-panel';
import { EngineHealthPanel } from './engine-health-panel';

const T0 = Date.parse('2026-12-03T12:00:00Z');

function alert(id: string, patch: Partial<Alert> = {}): Alert {
  return {
    id: `stale_order:${id}@${T0}`,
    key: `stale_order:${id}`,
    rule: 'stale_order',
    severity: 'warning',
    subject: { kind: 'order', id, engine: 'e1', symbol: 'BTC-USD' },
    summary: `${id} BTC-USD: NEW not acknowledged within 30 s`,
    started_at: T0,
    state: 'firing',
    ack: null,
    snoozed_until: null,
    silenced_by: null,
    resolved_at: null,
    ...patch,
  };
}

/** Actions that record what the panel asked for and answer as told. */
function recordingActions(answers: ActionOutcome[] = []): AlertActions & { calls: unknown[][]; tokens: string[] } {
  const calls: unknown[][] = [];
  const tokens: string[] = [];
  const answer = (): Promise<ActionOutcome> => Promise.resolve(answers.shift() ?? null);
  return {
    calls,
    tokens,
    ack: (...args) => (calls.push(['ack', ...args]), answer()),
    snooze: (...args) => (calls.push(['snooze', ...args]), answer()),
    unack: (...args) => (calls.push(['unack', ...args]), answer()),
    setOperateToken: (token) => void tokens.push(token),
  };
}

describe('alerts in the dashboard', () => {
  beforeEach(() => window.localStorage.clear());

  function setup(actions: AlertActions) {
    const t = createTestDashboard(T0 + 60_000);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <t.wrapper>
        <AlertActionsContext.Provider value={actions}>{children}</AlertActionsContext.Provider>
      </t.wrapper>
    );
    render(
      <>
        <AlertBar open onToggle={() => undefined} />
        <AlertsPanel />
      </>,
      { wrapper },
    );
    return t;
  }

  it('counts firing alerts by rule in the bar and lists firing before acknowledged, with who acknowledged', () => {
    const t = setup(recordingActions());
    act(() =>
      applyAlertsMessage(t.dashboard.alerts, {
        reset: true,
        alerts: [
          alert('a'),
          alert('b', { state: 'acknowledged', ack: { by: 'Dana', at: T0 + 0, comment: 'calling the desk' } }),
          {
            ...alert('e'),
            id: `engine_silent:e1@${T0}`,
            key: 'engine_silent:e1',
            rule: 'engine_silent',
            severity: 'critical',
            summary: 'engine e1 silent',
          },
        ],
      }),
    );
    expect(screen.getByTestId('alert-bar').textContent).toBe('⚠ 2 firing · 1 stale · 1 silent · 1 acknowledged or snoozed');
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['firing', 'firing', 'acknowledged']);
    expect(items[2]!.textContent).toContain('acked by Dana 1 m 0 s ago: “calling the desk”');
  });

  it('asks the name once, then acknowledges with a comment; a 401 asks for the operate token', async () => {
    const actions = recordingActions([{ error: 'operate token required', needsToken: true }, null]);
    const t = setup(actions);
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [alert('a')] }));
    const item = screen.getAllByRole('listitem')[0]!;
    expect(within(item).getByRole('button', { name: 'Acknowledge' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText(/Your name/), { target: { value: 'Dana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(window.localStorage.getItem('orderwatch.operator')).toBe('Dana');
    fireEvent.click(within(item).getByRole('button', { name: 'Acknowledge' }));
    fireEvent.change(within(item).getByPlaceholderText('comment (optional)'), { target: { value: 'on it' } });
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Confirm' })));
    expect(actions.calls).toEqual([['ack', alert('a').id, 'Dana', 'on it']]);
    expect(within(item).getByRole('alert').textContent).toContain('operate token required');
    fireEvent.change(within(item).getByPlaceholderText('operate token'), { target: { value: 'op-secret' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Use token' }));
    expect(actions.tokens).toEqual(['op-secret']);
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Confirm' })));
    expect(actions.calls).toHaveLength(2);
    // The relay's word is what changes the list: the acknowledgement arrives on the stream.
    act(() =>
      applyAlertsMessage(t.dashboard.alerts, {
        reset: false,
        alerts: [alert('a', { state: 'acknowledged', ack: { by: 'Dana', at: T0 + 60_000, comment: 'on it' } })],
      }),
    );
    expect(screen.getAllByRole('listitem')[0]!.getAttribute('data-state')).toBe('acknowledged');
    expect(screen.getByTestId('alert-bar').textContent).toBe('✓ No alerts firing · 1 acknowledged or snoozed');
  });

  it('shows each engine with its last word and marks a silent one', () => {
    const t = createTestDashboard(T0 + 90_000);
    render(<EngineHealthPanel />, { wrapper: t.wrapper });
    act(() =>
      applyEnginesMessage(t.dashboard.alerts, {
        now: T0 + 90_000,
        stale_total: 1,
        engines: [
          { engine: 'desk-a', last_ts: T0, active: 3, stale: 1, rejected: 0, silent: true },
          { engine: 'desk-b', last_ts: T0 + 89_000, active: 1, stale: 0, rejected: 2, silent: false, events_per_s: 12.5 },
        ],
      }),
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-silent'))).toEqual(['true', 'false']);
    expect(rows[0]!.textContent).toContain('1 m 30 s ago SILENT');
    expect([...rows[1]!.children].map((c) => c.textContent.trim())).toEqual(['desk-b', '1 s ago', '12.5', '1', '0', '2']);
  });
});
