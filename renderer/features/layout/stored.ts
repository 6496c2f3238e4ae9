import { useCallback, useState } from 'react';

/**
 * Small window preferences kept in this browser profile (the open panel, what is collapsed):
 * they belong to the window, not to the library. Storage can be disabled or full; then the
 * defaults apply and nothing fails.
 */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // See readStored.
  }
}

/** A yes-or-no window preference, remembered between sessions (false until set). */
export function useStoredFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => readStored(key) === 'true');
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      writeStored(key, String(next));
    },
    [key],
  );
  return [value, set];
}
