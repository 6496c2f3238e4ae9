import { describe, expect, it } from 'vitest';

import {
  activeFilterCount,
  dateRangeProblem,
  NO_FILTERS,
  toLibraryFilters,
} from '../../../../../renderer/features/library/filterState';
import { LibraryFiltersSchema } from '../../../../../shared/library';

describe('the filter controls as filters to send', () => {
  it('sends nothing for controls left alone', () => {
    expect(toLibraryFilters(NO_FILTERS)).toEqual({});
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('turns calendar days into a range from the first day’s midnight to the midnight after the last', () => {
    const filters = toLibraryFilters({
      ...NO_FILTERS,
      dateField: 'created',
      fromDay: '2026-03-01',
      toDay: '2026-03-31',
    });
    const from = new Date(filters.date?.from ?? '');
    const until = new Date(filters.date?.until ?? '');
    expect(filters.date?.field).toBe('created');
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 2, 1, 0]);
    expect([until.getFullYear(), until.getMonth(), until.getDate(), until.getHours()]).toEqual([2026, 3, 1, 0]);
    expect(LibraryFiltersSchema.safeParse(filters).success).toBe(true);
  });

  it('leaves out a range that ends before it starts, and says why', () => {
    const state = { ...NO_FILTERS, fromDay: '2026-03-05', toDay: '2026-03-01', tag: 'harbour' };
    expect(dateRangeProblem(state)).toBe('The end date is before the start date.');
    expect(toLibraryFilters(state)).toEqual({ tag: 'harbour' });
    expect(activeFilterCount(state)).toBe(2);
  });

  it('keeps an empty section as a filter (articles with no section) and counts every kind once', () => {
    const state = { ...NO_FILTERS, statuses: ['draft', 'ready'] as const, section: '', fromDay: '2026-01-01' };
    expect(toLibraryFilters(state)).toMatchObject({ statuses: ['draft', 'ready'], section: '' });
    expect(activeFilterCount(state)).toBe(3);
  });

  it('sends the person a story is assigned to, and counts it as one filter', () => {
    const state = { ...NO_FILTERS, assignedTo: 'Rita Okafor', tag: 'harbour' };
    expect(toLibraryFilters(state)).toEqual({ tag: 'harbour', assignedTo: 'Rita Okafor' });
    expect(LibraryFiltersSchema.safeParse(toLibraryFilters(state)).success).toBe(true);
    expect(activeFilterCount(state)).toBe(2);
  });
});
