import type { WallAudio, WallAudioState } from './wall-beeper';

/** Tone pitch and length: a plain 880 Hz blip, clear over a room's noise without being shrill. */
const TONE_HZ = 880;
const TONE_S = 0.18;
const PEAK_GAIN = 0.25;

/**
 * The browser's speaker: an AudioContext made on the first arm (inside the operator's click, the
 * only time autoplay rules allow it) and resumed on later ones; each beep is an oscillator through
 * a gain envelope, so there is no audio file to fetch and no click at the tone's edges.
 */
export function createWebAudio(): WallAudio {
  let context: AudioContext | null = null;
  return {
    async arm() {
      context ??= new AudioContext();
      if (context.state !== 'running') await context.resume();
    },
    // Safari's 'interrupted' (a call took the speaker) cannot sound either: it reads as suspended.
    state: (): WallAudioState =>
      context === null ? 'none' : context.state === 'running' || context.state === 'closed' ? context.state : 'suspended',
    beep() {
      if (context === null) return;
      const at = context.currentTime;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = TONE_HZ;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(PEAK_GAIN, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, at + TONE_S);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + TONE_S + 0.02);
      oscillator.onended = () => gain.disconnect();
    },
  };
}
