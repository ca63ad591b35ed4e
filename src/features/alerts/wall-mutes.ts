import { useCallback, useState } from 'react';
import type { AlertRule } from '../../core/alert';
import { ALERT_RULES } from '../../core/alert';

const KEY = 'orderwatch.wall.muted';

type MuteStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The rules this wall screen keeps quiet. Stored per browser, not on the relay: muting the
 * wall's speaker is about this room, and every other screen still shows the alerts.
 */
export function loadMutedRules(storage: MuteStorage | undefined): Set<AlertRule> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    // Whatever else was stored (an older page, a hand edit) is ignored rather than trusted.
    return new Set(Array.isArray(parsed) ? ALERT_RULES.filter((r) => parsed.includes(r)) : []);
  } catch {
    return new Set();
  }
}

export function saveMutedRules(muted: ReadonlySet<AlertRule>, storage: MuteStorage | undefined): void {
  try {
    storage?.setItem(KEY, JSON.stringify(ALERT_RULES.filter((r) => muted.has(r))));
  } catch {
    // Storage full or blocked: the mute still holds until the page reloads.
  }
}

function browserStorage(): MuteStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The muted rules and a toggle; `storage` defaults to the browser's localStorage. */
export function useWallMutes(storage: MuteStorage | undefined = browserStorage()): [ReadonlySet<AlertRule>, (rule: AlertRule) => void] {
  const [muted, setMuted] = useState(() => loadMutedRules(storage));
  const toggle = useCallback(
    (rule: AlertRule) =>
      setMuted((before) => {
        const next = new Set(before);
        if (!next.delete(rule)) next.add(rule);
        saveMutedRules(next, storage);
        return next;
      }),
    [storage],
  );
  return [muted, toggle];
}
