import { useCallback, useState } from 'react';

const KEY = 'orderwatch.operator';

function stored(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** The operator's name for acknowledgements: asked once, remembered by this browser. */
export function useOperatorName(): [string, (name: string) => void] {
  const [name, setName] = useState(stored);
  const save = useCallback((next: string) => {
    const trimmed = next.trim();
    setName(trimmed);
    try {
      window.localStorage.setItem(KEY, trimmed);
    } catch {
      // Private mode: remembered for this page only.
    }
  }, []);
  return [name, save];
}
