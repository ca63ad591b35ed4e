import { fakeWallAudio } from '../../../test/support/dom/fake-wall-audio';
import { ManualClock } from '../../../test/support/manual-clock';
import { alertOf } from '../../../test/support/dom/alert-builders';
import { BEEP_INTERVAL_MS, createWallBeeper, soundingAlerts } from './wall-beeper';

describe('createWallBeeper', () => {
  it('is silent until armed, then beeps at once and every interval while something fires', async () => {
    const clock = new ManualClock();
    const audio = fakeWallAudio();
    const beeper = createWallBeeper({ clock, audio });
    beeper.setSounding(true);
    clock.advance(3 * BEEP_INTERVAL_MS);
    expect(audio.tones).toBe(0);
    expect(beeper.getSnapshot()).toMatchObject({ audio: 'none', beeps: 0, sounding: true });

    await beeper.arm();
    expect(audio.tones).toBe(1);
    clock.advance(2 * BEEP_INTERVAL_MS);
    expect(audio.tones).toBe(3);
    expect(beeper.getSnapshot()).toMatchObject({ audio: 'running', beeps: 3 });
  });

  it('stops when nothing unmuted fires and starts again when something does', async () => {
    const clock = new ManualClock();
    const audio = fakeWallAudio();
    const beeper = createWallBeeper({ clock, audio });
    await beeper.arm();
    beeper.setSounding(true);
    beeper.setSounding(false);
    clock.advance(10 * BEEP_INTERVAL_MS);
    expect(audio.tones).toBe(1);
    expect(clock.pending()).toBe(0);
    beeper.setSounding(true);
    expect(audio.tones).toBe(2);
    beeper.dispose();
    clock.advance(10 * BEEP_INTERVAL_MS);
    expect(audio.tones).toBe(2);
  });

  it('counts no beep while the browser has suspended the context again', async () => {
    const clock = new ManualClock();
    const audio = fakeWallAudio();
    const beeper = createWallBeeper({ clock, audio });
    await beeper.arm();
    beeper.setSounding(true);
    audio.set('suspended');
    clock.advance(BEEP_INTERVAL_MS);
    expect(audio.tones).toBe(1);
    expect(beeper.getSnapshot()).toMatchObject({ audio: 'suspended', beeps: 1 });
  });
});

describe('soundingAlerts', () => {
  it('keeps firing alerts of rules not muted', () => {
    const alerts = [
      alertOf('o-1'),
      alertOf('e1', { rule: 'engine_silent' }),
      alertOf('o-2', { state: 'acknowledged' }),
      alertOf('o-3', { state: 'snoozed' }),
    ];
    expect(soundingAlerts(alerts, new Set()).map((a) => a.subject.id)).toEqual(['o-1', 'e1']);
    expect(soundingAlerts(alerts, new Set(['stale_order'])).map((a) => a.subject.id)).toEqual(['e1']);
  });
});
