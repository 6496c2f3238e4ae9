import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';

import type { ArticleSummary } from '../../../shared/domain';
import { PendingRow, type RowItemProps } from './ArticleRow';
import type { ArticlePages } from './useArticlePages';
import { rowControl, rowStep, useRowTabStop } from './useRowTabStop';

/** A row's height before it is measured: a two-line headline, an excerpt line and the facts. */
const ESTIMATED_ROW_PX = 92;
/**
 * A list of any length that renders only the rows in view (and a few around them) and asks
 * for their pages as they scroll in. It stays a real list for assistive technology: each item
 * gives its position in the whole list. The list is one Tab stop; arrow keys, Page Up/Down, Home
 * and End move between rows, scrolling rows that are not rendered yet into view before focusing
 * them, and Enter opens the row's article.
 */
export function VirtualArticleList({
  pages,
  label,
  renderRow,
}: {
  pages: ArticlePages;
  label: string;
  renderRow: (summary: ArticleSummary, item: RowItemProps) => JSX.Element;
}): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const { onFocus } = useRowTabStop(list);
  // The virtualizer's functions change identity on every scroll; this component reads them
  // fresh each render and memoises nothing built from them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { request } = pages;

  useEffect(() => request(first, last), [first, last, request]);

  // Focus the row asked for by the keyboard once it is rendered.
  useEffect(() => {
    if (focusIndex === null) return;
    const row = list.current?.querySelector(`[data-index="${focusIndex}"]`);
    const target = row === null || row === undefined ? null : rowControl(row);
    if (target !== null) {
      target.focus();
      setFocusIndex(null);
    }
  }, [focusIndex, first, last]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = rowStep(event, pages.total);
    if (next === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusIndex(next);
  };

  return (
    <div className="library__list" ref={scroller}>
      <ul
        ref={list}
        className="rows rows--virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {items.map((virtual) => {
          const item: RowItemProps = {
            ref: virtualizer.measureElement,
            'data-index': virtual.index,
            'aria-setsize': pages.total,
            'aria-posinset': virtual.index + 1,
            style: { transform: `translateY(${virtual.start}px)` },
          };
          const summary = pages.rowAt(virtual.index);
          return summary === undefined ? (
            <PendingRow key={virtual.key} item={item} />
          ) : (
            <Fragment key={virtual.key}>{renderRow(summary, item)}</Fragment>
          );
        })}
      </ul>
    </div>
  );
}
