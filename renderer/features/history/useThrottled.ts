import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once every `ms`: the latest value always arrives, but a stream of
 * changes (a save at every pause in typing) is not answered by a stream of requests.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);

  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    const wait = Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);

  return shown;
}
