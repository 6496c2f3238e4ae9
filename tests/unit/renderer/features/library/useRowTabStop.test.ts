import { describe, expect, it } from 'vitest';

import { nextRowIndex, tabStopIndex, type RowState } from '../../../../../renderer/features/library/useRowTabStop';

const row = (key: string, state: Partial<Omit<RowState, 'key'>> = {}): RowState => ({
  key,
  current: false,
  inView: true,
  ...state,
});

describe('moving through the library list by keyboard', () => {
  it('moves one row with the arrows, eight with Page Up and Page Down, to the ends with Home and End', () => {
    expect(nextRowIndex('ArrowDown', 4, 20)).toBe(5);
    expect(nextRowIndex('ArrowUp', 4, 20)).toBe(3);
    expect(nextRowIndex('PageDown', 4, 20)).toBe(12);
    expect(nextRowIndex('PageUp', 12, 20)).toBe(4);
    expect(nextRowIndex('Home', 12, 20)).toBe(0);
    expect(nextRowIndex('End', 0, 20)).toBe(19);
  });

  it('stays inside the list at either end', () => {
    expect(nextRowIndex('ArrowUp', 0, 20)).toBe(0);
    expect(nextRowIndex('ArrowDown', 19, 20)).toBe(19);
    expect(nextRowIndex('PageUp', 3, 20)).toBe(0);
    expect(nextRowIndex('PageDown', 15, 20)).toBe(19);
  });

  it('leaves every other key, and an empty list, alone', () => {
    expect(nextRowIndex('Enter', 3, 20)).toBeNull();
    expect(nextRowIndex('a', 3, 20)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('the row that holds the list’s one Tab stop', () => {
  it('is the row last focused, wherever the open article is', () => {
    const rows = [row('#/a'), row('#/b', { current: true }), row('#/c')];
    expect(tabStopIndex(rows, '#/c')).toBe(2);
  });

  it('is the open article’s row when the row last focused is gone from the list', () => {
    const rows = [row('#/a'), row('#/b', { current: true }), row('#/c')];
    expect(tabStopIndex(rows, '#/gone')).toBe(1);
    expect(tabStopIndex(rows, null)).toBe(1);
  });

  it('is the first row in view when no row was focused and no article is open among them', () => {
    const rows = [row('#/a', { inView: false }), row('#/b', { inView: false }), row('#/c'), row('#/d')];
    expect(tabStopIndex(rows, null)).toBe(2);
  });

  it('is the first row when none is in view, and none at all in an empty list', () => {
    expect(tabStopIndex([row('#/a', { inView: false }), row('#/b', { inView: false })], null)).toBe(0);
    expect(tabStopIndex([], null)).toBe(-1);
  });
});
