import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { acked, alertOf } from '../../test/support/dom/alert-builders';
import { fakeWallAudio } from '../../test/support/dom/fake-wall-audio';
import { createTestDashboard } from '../../test/support/dom/stats-test-harness';
import { ManualClock } from '../../test/support/manual-clock';
import { BEEP_INTERVAL_MS } from '../features/alerts/wall-beeper';
import { applyAlertsMessage, applyEnginesMessage } from '../store/alerts-store';
import { WallRoute } from './wall-route';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function engine(name: string, silent: boolean) {
  return { engine: name, last_ts: T0 - (silent ? 90_000 : 1_000), events_per_s: 0, active: 3, stale: 1, rejected: 0, silent };
}

beforeEach(() => localStorage.clear());

describe('WallRoute', () => {
  it('composes the alerts, the engine strip and the sound on the wall, beeping until the ack', async () => {
    const t = createTestDashboard(T0);
    const clock = new ManualClock(T0);
    const audio = fakeWallAudio();
    render(<WallRoute clock={clock} audio={() => audio} />, { wrapper: t.wrapper });
    const wall = screen.getByTestId('wall');
    const stale = alertOf('o-1', { started_at: T0 - 5_000 });
    act(() => {
      applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [stale, acked(alertOf('o-2'), 'Dana', T0 - 60_000)] });
      applyEnginesMessage(t.dashboard.alerts, { now: T0, engines: [engine('desk-a', false), engine('desk-b', true)], stale_total: 2 });
    });
    expect(within(wall).getByRole('region', { name: 'Firing alerts' })).toHaveTextContent('1 FIRING');
    expect(within(wall).getByRole('region', { name: 'Acknowledged alerts' })).toHaveTextContent(/1 acknowledged.*Dana 1 m 0 s ago/);
    const strip = within(wall).getByTestId('engine-strip');
    expect(strip).toHaveTextContent('desk-a live');
    expect(strip).toHaveTextContent('desk-b SILENT 1 m 30 s');

    await act(async () => fireEvent.click(within(wall).getByRole('button', { name: 'Arm sound' })));
    act(() => clock.advance(BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(2);
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: false, alerts: [acked(stale, 'Lee', T0)] }));
    act(() => clock.advance(3 * BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(2);
  });

  it('says so when the browser cannot make sound, and keeps "Arm sound" to try again', async () => {
    const t = createTestDashboard(T0);
    const broken = { ...fakeWallAudio(), arm: () => Promise.reject(new Error('AudioContext is not defined')) };
    render(<WallRoute clock={new ManualClock(T0)} audio={() => broken} />, { wrapper: t.wrapper });
    const sound = screen.getByTestId('wall-sound');
    await act(async () => fireEvent.click(within(sound).getByRole('button', { name: 'Arm sound' })));
    expect(sound).toHaveTextContent('no sound in this browser');
    expect(within(sound).getByRole('button', { name: 'Arm sound' })).toBeInTheDocument();
  });
});
