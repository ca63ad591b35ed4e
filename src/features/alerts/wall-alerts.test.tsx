import { fakeWallAudio } from '../../../test/support/dom/fake-wall-audio';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { acked, alertOf } from '../../../test/support/dom/alert-builders';
import { ManualClock } from '../../../test/support/manual-clock';
import { createTestDashboard } from '../../../test/support/dom/stats-test-harness';
import { applyAlertsMessage } from '../../store/alerts-store';
import { WallAlertsPanel } from './wall-alerts-panel';
import { BEEP_INTERVAL_MS, createWallBeeper } from './wall-beeper';
import { loadMutedRules } from './wall-mutes';
import { WallSoundControls } from './wall-sound-controls';

const T0 = Date.parse('2026-11-24T10:00:00Z');

beforeEach(() => localStorage.clear());

describe('WallAlertsPanel', () => {
  it('shows firing alerts big and apart from the acknowledged ones, with who acknowledged', () => {
    const t = createTestDashboard(T0);
    render(<WallAlertsPanel />, { wrapper: t.wrapper });
    expect(screen.getByRole('region', { name: 'Firing alerts' })).toHaveTextContent('No alerts firing');
    const firing = [1, 2, 3, 4].map((i) => alertOf(`o-${i}`, { started_at: T0 - 60_000 + i * 1000 }));
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [...firing, acked(alertOf('o-9'), 'Dana', T0 - 120_000)] }));

    const block = screen.getByRole('region', { name: 'Firing alerts' });
    expect(within(block).getByRole('heading')).toHaveTextContent('4 FIRING');
    // Newest first, three listed, the rest counted.
    const rows = within(block).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('o-4 BTC-USD'),
      expect.stringContaining('o-3 BTC-USD'),
      expect.stringContaining('o-2 BTC-USD'),
    ]);
    expect(block).toHaveTextContent('+1 more firing');
    expect(block).not.toHaveTextContent('o-9');

    const quiet = screen.getByRole('region', { name: 'Acknowledged alerts' });
    expect(within(quiet).getByRole('heading')).toHaveTextContent('1 acknowledged');
    expect(within(quiet).getByRole('listitem')).toHaveTextContent(/Dana 2 m 0 s ago.*o-9 BTC-USD/);

    // An acknowledgement from another screen moves it across.
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: false, alerts: [acked(firing[3]!, 'Lee', T0)] }));
    expect(within(block).getByRole('heading')).toHaveTextContent('3 FIRING');
    expect(within(quiet).getByRole('heading')).toHaveTextContent('2 acknowledged');
    expect(within(quiet).getAllByRole('listitem')[0]).toHaveTextContent(/Lee .*o-4/);
  });
});

describe('WallSoundControls', () => {
  function setup() {
    const t = createTestDashboard(T0);
    const clock = new ManualClock(T0);
    const audio = fakeWallAudio();
    const beeper = createWallBeeper({ clock, audio });
    render(<WallSoundControls beeper={beeper} />, { wrapper: t.wrapper });
    const group = screen.getByRole('group', { name: 'Sound' });
    return { t, clock, audio, group };
  }

  it('beeps only after "Arm sound", while something unmuted fires, and stops on acknowledgement', async () => {
    const { t, clock, audio, group } = setup();
    const stale = alertOf('o-1');
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [stale] }));
    act(() => clock.advance(2 * BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(0);

    await act(async () => fireEvent.click(within(group).getByRole('button', { name: /Arm sound/ })));
    expect(group).toHaveTextContent('Sound armed · beeping');
    expect(within(group).queryByRole('button', { name: /Arm sound/ })).toBeNull();
    expect(group).toHaveAttribute('data-audio', 'running');
    act(() => clock.advance(2 * BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(3);
    expect(group).toHaveAttribute('data-beeps', '3');

    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: false, alerts: [acked(stale, 'Dana', T0)] }));
    act(() => clock.advance(5 * BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(3);
    expect(clock.pending()).toBe(0);
    expect(group).toHaveTextContent('Sound armed');
    expect(group).not.toHaveTextContent('beeping');
  });

  it('mutes per rule, remembered in localStorage, and beeps again for another rule', async () => {
    const { t, clock, audio, group } = setup();
    await act(async () => fireEvent.click(within(group).getByRole('button', { name: /Arm sound/ })));
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [alertOf('o-1')] }));
    expect(audio.tones).toBe(1);

    const mute = within(group).getByRole('button', { name: 'Mute stale' });
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    act(() => void fireEvent.click(mute));
    expect(within(group).getByRole('button', { name: 'Muted stale' })).toHaveAttribute('aria-pressed', 'true');
    expect([...loadMutedRules(localStorage)]).toEqual(['stale_order']);
    act(() => clock.advance(5 * BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(1);

    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: false, alerts: [alertOf('e1', { rule: 'engine_silent' })] }));
    expect(audio.tones).toBe(2);
    act(() => clock.advance(BEEP_INTERVAL_MS));
    expect(audio.tones).toBe(3);
  });

  it('reads the mutes a previous visit left, ignoring what it cannot read', () => {
    localStorage.setItem('orderwatch.wall.muted', JSON.stringify(['engine_silent', 'nonsense', 7]));
    const { t, group } = setup();
    act(() => applyAlertsMessage(t.dashboard.alerts, { reset: true, alerts: [alertOf('o-1')] }));
    expect(
      within(group)
        .getAllByRole('button', { name: /^Mute/ })
        .map((b) => b.textContent),
    ).toEqual(['Mute stale', 'Muted silent']);
    localStorage.setItem('orderwatch.wall.muted', '{not json');
    expect(loadMutedRules(localStorage).size).toBe(0);
  });
});
