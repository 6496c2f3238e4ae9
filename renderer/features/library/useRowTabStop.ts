import {
  useLayoutEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';

import { TAB_STOP_ATTRIBUTE } from '../layout/regions';

/** Rows moved by Page Up and Page Down. */
const PAGE_STEP = 8;

/** Where each key moves from row `index` in a list whose last row is `last`. */
export const ROW_KEY_STEPS: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  PageDown: (index) => index + PAGE_STEP,
  PageUp: (index) => index - PAGE_STEP,
  Home: () => 0,
  End: (_index, last) => last,
};

/** The row a key moves to from row `index` of `total`, kept inside the list; null for any other key. */
export function nextRowIndex(key: string, index: number, total: number): number | null {
  const step = ROW_KEY_STEPS[key];
  if (step === undefined || total === 0) return null;
  const last = total - 1;
  return Math.max(0, Math.min(last, step(index, last)));
}

/** The index of the row `event` moves to from the row it happened in; null for any other key. */
export function rowStep(event: ReactKeyboardEvent, total: number): number | null {
  const from = (event.target as HTMLElement).closest<HTMLElement>('li');
  if (from === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return nextRowIndex(event.key, rowIndex(from), total);
}

/** What the choice of the tab stop reads of a row. */
export type RowState = {
  /** Tells the row apart as the list changes: its article's address, or its place. */
  key: string;
  /** The open article's row. */
  current: boolean;
  /** Some of it is in view (below the top of the list's scroll area). */
  inView: boolean;
};

/**
 * Which row holds the list's one Tab stop: the row last focused, else the open article's row,
 * else the first in view, else the first; -1 for a list without rows.
 */
export function tabStopIndex(rows: readonly RowState[], focused: string | null): number {
  const pick = [
    rows.findIndex((row) => row.key === focused),
    rows.findIndex((row) => row.current),
    rows.findIndex((row) => row.inView),
  ].find((index) => index >= 0);
  return pick ?? (rows.length > 0 ? 0 : -1);
}

/** The control of a row: the link that opens its article, or the button of a trashed one. */
export function rowControl(row: Element): HTMLElement | null {
  return row.querySelector<HTMLElement>('a[href], button');
}

/** A row's place in the whole list: given by a virtual list, else its place among its siblings. */
function rowIndex(row: HTMLElement): number {
  const index = Number(row.dataset.index);
  return Number.isInteger(index) ? index : Array.from(row.parentElement?.children ?? []).indexOf(row);
}

/** What tells a row apart when the list changes under it: its article's address, else its place. */
function rowKey(row: HTMLElement): string {
  return rowControl(row)?.getAttribute('href') ?? `#${rowIndex(row)}`;
}

function rowsOf(list: HTMLElement): HTMLElement[] {
  return Array.from(list.children).filter((child): child is HTMLElement => child instanceof HTMLLIElement);
}

/**
 * Makes a list of rows one Tab stop, as a listbox is, while it stays a real list of links: the
 * row last focused holds the stop, else the open article's row, else the first row in view;
 * every other row's control leaves the Tab order, and the arrow keys move between the rows.
 * The rows are drawn by their own components; the list only decides which one Tab reaches.
 */
export function useRowTabStop(list: RefObject<HTMLElement | null>): {
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Arrow keys, Page Up/Down, Home and End for a list whose rows are all drawn. */
  onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
} {
  const focused = useRef<string | null>(null);

  const apply = () => {
    const element = list.current;
    if (element === null) return;
    const rows = rowsOf(element).filter((row) => rowControl(row) !== null);
    const top = (element.parentElement ?? element).getBoundingClientRect().top;
    const stop = tabStopIndex(
      rows.map((row) => ({
        key: rowKey(row),
        current: rowControl(row)?.getAttribute('aria-current') === 'page',
        inView: row.getBoundingClientRect().bottom > top,
      })),
      focused.current,
    );
    rows.forEach((row, index) => {
      const control = rowControl(row);
      control?.setAttribute('tabindex', index === stop ? '0' : '-1');
      control?.toggleAttribute(TAB_STOP_ATTRIBUTE, index === stop);
    });
  };

  // Rows come and go as the list scrolls or changes: every render settles the stop again.
  useLayoutEffect(apply);

  return {
    onFocus: (event) => {
      const row = event.target.closest<HTMLElement>('li');
      if (row === null || row.parentElement !== list.current) return;
      focused.current = rowKey(row);
      apply();
    },
    onKeyDown: (event) => {
      const element = list.current;
      if (element === null) return;
      const rows = rowsOf(element);
      const next = rowStep(event, rows.length);
      if (next === null) return;
      event.preventDefault();
      const target = rows[next];
      if (target !== undefined) rowControl(target)?.focus();
    },
  };
}
