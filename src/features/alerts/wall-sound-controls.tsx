import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AlertRule } from '../../core/alert';
import { ALERT_RULES } from '../../core/alert';
import { RULE_LABEL } from './alert-labels';
import { useAlertsState } from './use-alerts';
import type { WallBeeper } from './wall-beeper';
import { soundingAlerts } from './wall-beeper';
import { useWallMutes } from './wall-mutes';

/**
 * The wall's speaker: "Arm sound" (browsers let a page make sound only after a click), whether it
 * is armed, and a mute per rule among the alerts present. Feeds the beeper "something unmuted is
 * firing"; the beeper does the timing.
 */
export function WallSoundControls({ beeper }: { readonly beeper: WallBeeper }) {
  const alerts = useAlertsState((s) => s.alerts);
  const [muted, toggleMute] = useWallMutes();
  const { audio, beeps, armError } = useSyncExternalStore(beeper.subscribe, beeper.getSnapshot);
  const sounding = soundingAlerts(alerts, muted).length > 0;
  useEffect(() => beeper.setSounding(sounding), [beeper, sounding]);
  // A muted rule keeps its button while muted, so it can be unmuted after its alerts are gone.
  const rules = useMemo(() => {
    const present = new Set<AlertRule>(muted);
    for (const a of alerts) if (a.state !== 'resolved') present.add(a.rule);
    return ALERT_RULES.filter((r) => present.has(r));
  }, [alerts, muted]);
  const armed = audio === 'running';
  return (
    <div
      className="wall-sound"
      role="group"
      aria-label="Sound"
      data-testid="wall-sound"
      data-audio={audio}
      data-beeps={beeps}
      data-sounding={sounding}
    >
      {armed ? (
        <span className={sounding ? 'wall-sound__state wall-sound__state--beeping' : 'wall-sound__state'}>
          Sound armed{sounding ? ' · beeping' : ''}
        </span>
      ) : (
        <button type="button" className="wall-sound__arm" onClick={() => void beeper.arm()}>
          Arm sound
        </button>
      )}
      {!armed && armError !== null && (
        <span className="wall-sound__error" title={armError}>
          no sound in this browser
        </span>
      )}
      {rules.map((rule) => (
        <button
          key={rule}
          type="button"
          className={muted.has(rule) ? 'wall-sound__mute wall-sound__mute--on' : 'wall-sound__mute'}
          aria-pressed={muted.has(rule)}
          title={muted.has(rule) ? `Unmute ${RULE_LABEL[rule].long}` : `Mute ${RULE_LABEL[rule].long}`}
          onClick={() => toggleMute(rule)}
        >
          {muted.has(rule) ? 'Muted' : 'Mute'} {RULE_LABEL[rule].short}
        </button>
      ))}
    </div>
  );
}
