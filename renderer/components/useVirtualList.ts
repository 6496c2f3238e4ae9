import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';

/**
 * A long list of cards of which only those in view (and a few either side) are on the page,
 * each keyed by its id and measured once drawn; the `current` one is brought into view when it
 * changes.
 */
export function useVirtualList(
  items: readonly { id: string }[],
  scroller: RefObject<HTMLElement | null>,
  { estimate, gap, overscan, current }: { estimate: number; gap: number; overscan: number; current: string | null },
): Virtualizer<HTMLElement, Element> {
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    gap,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan,
  });
  const currentIndex = current === null ? -1 : items.findIndex((item) => item.id === current);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, current, virtualizer]);
  return virtualizer;
}
