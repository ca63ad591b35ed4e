import type { Alert, AlertRule } from '../../core/alert';
import type { Cancel, Clock } from '../../lib/clock';

/** An AudioContext's state as the wall shows it; `none` until the operator arms sound. */
export type WallAudioState = 'none' | 'suspended' | 'running' | 'closed';

/**
 * The speaker behind one small seam, so jsdom tests hand in a fake (jsdom has no Web Audio) and
 * the beeper's timing is checked without a sound card. wall-web-audio.ts is the browser's.
 */
export interface WallAudio {
  /** Creates or resumes the audio context: browsers allow that only inside a click. */
  readonly arm: () => Promise<void>;
  readonly state: () => WallAudioState;
  /** One short tone, now. */
  readonly beep: () => void;
}

export interface WallBeeperSnapshot {
  readonly audio: WallAudioState;
  /** Tones played since the page opened: the e2e test and the markup's `data-beeps` read it. */
  readonly beeps: number;
  /** Something unmuted is firing (whether or not sound is armed). */
  readonly sounding: boolean;
  /** The last arm failed (no Web Audio, or the browser refused): why, for the wall to say. */
  readonly armError: string | null;
}

export interface WallBeeper {
  readonly arm: () => Promise<void>;
  /** Says whether anything unmuted is firing; a beep starts at once and repeats, or stops. */
  readonly setSounding: (sounding: boolean) => void;
  readonly getSnapshot: () => WallBeeperSnapshot;
  readonly subscribe: (listener: () => void) => () => void;
  readonly dispose: () => void;
}

/** A beep every 5 s: often enough to be heard walking past, rare enough to be borne for minutes. */
export const BEEP_INTERVAL_MS = 5_000;

/** Alerts that should sound: firing (not acknowledged, snoozed or resolved) and of a rule not muted. */
export function soundingAlerts(alerts: readonly Alert[], muted: ReadonlySet<AlertRule>): Alert[] {
  return alerts.filter((a) => a.state === 'firing' && !muted.has(a.rule));
}

/**
 * Beeps on the injected clock while something unmuted fires and the audio is running. Plain
 * TypeScript: React reads it through useSyncExternalStore, as it reads the stores.
 */
export function createWallBeeper(deps: { readonly clock: Clock; readonly audio: WallAudio; readonly intervalMs?: number }): WallBeeper {
  const intervalMs = deps.intervalMs ?? BEEP_INTERVAL_MS;
  const listeners = new Set<() => void>();
  let snapshot: WallBeeperSnapshot = { audio: deps.audio.state(), beeps: 0, sounding: false, armError: null };
  let repeat: Cancel | null = null;

  const publish = (next: Partial<WallBeeperSnapshot>): void => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  const beep = (): void => {
    const audio = deps.audio.state();
    // A context the browser suspended again (a tab put to sleep) cannot sound: say so, count nothing.
    if (audio !== 'running') return publish({ audio });
    deps.audio.beep();
    publish({ audio, beeps: snapshot.beeps + 1 });
  };
  const reschedule = (): void => {
    const want = snapshot.sounding && snapshot.audio === 'running';
    if (want && repeat === null) {
      beep();
      repeat = deps.clock.every(intervalMs, beep);
    } else if (!want && repeat !== null) {
      repeat();
      repeat = null;
    }
  };

  return {
    // Never rejects: a click handler has nowhere to take the error, so it goes in the snapshot.
    async arm() {
      let armError: string | null = null;
      try {
        await deps.audio.arm();
      } catch (error) {
        armError = error instanceof Error ? error.message : String(error);
      }
      publish({ audio: deps.audio.state(), armError });
      reschedule();
    },
    setSounding(sounding) {
      if (sounding === snapshot.sounding) return;
      publish({ sounding });
      reschedule();
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    // Stops the tone; a later setSounding(true) starts it again (React may re-run effects).
    dispose() {
      repeat?.();
      repeat = null;
      snapshot = { ...snapshot, sounding: false };
    },
  };
}
