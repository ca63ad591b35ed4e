import type { WallAudio, WallAudioState } from '../../../src/features/alerts/wall-beeper';

/** A speaker for jsdom (which has no Web Audio): counts tones; `set` plays the browser suspending it. */
export interface FakeWallAudio extends WallAudio {
  readonly tones: number;
  readonly set: (state: WallAudioState) => void;
}

export function fakeWallAudio(): FakeWallAudio {
  let state: WallAudioState = 'none';
  let tones = 0;
  return {
    get tones() {
      return tones;
    },
    set: (next) => void (state = next),
    arm: () => ((state = 'running'), Promise.resolve()),
    state: () => state,
    beep: () => void tones++,
  };
}
