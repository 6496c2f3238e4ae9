import type { ArticleStatus } from '../../../shared/domain';
import type { LibraryFilters } from '../../../shared/library';

/** The filter controls as a person set them; dates are calendar days in their own time zone. */
export type FilterState = {
  statuses: readonly ArticleStatus[];
  section: string | null;
  tag: string | null;
  authorId: LibraryFilters['authorId'] | null;
  /** A person, place or organisation the articles name. */
  entity: NonNullable<LibraryFilters['entity']> | null;
  /** The person the stories are assigned to. */
  assignedTo: string | null;
  dateField: 'updated' | 'created';
  /** YYYY-MM-DD or empty. */
  fromDay: string;
  /** YYYY-MM-DD or empty; the whole day is included. */
  toDay: string;
};

export const NO_FILTERS: FilterState = {
  statuses: [],
  section: null,
  tag: null,
  authorId: null,
  entity: null,
  assignedTo: null,
  dateField: 'updated',
  fromDay: '',
  toDay: '',
};

/** Local midnight at the start of `day` (YYYY-MM-DD), as an instant. */
function startOfDay(day: string, plusDays = 0): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** Why the date range cannot be used, or null when it can. */
export function dateRangeProblem(state: FilterState): string | null {
  if (state.fromDay !== '' && state.toDay !== '' && state.fromDay > state.toDay) {
    return 'The end date is before the start date.';
  }
  return null;
}

/** The filters to send: empty choices are left out, as is a date range that ends before it starts. */
export function toLibraryFilters(state: FilterState): LibraryFilters {
  const filters: LibraryFilters = {};
  if (state.statuses.length > 0) filters.statuses = [...state.statuses];
  if (state.section !== null) filters.section = state.section;
  if (state.tag !== null) filters.tag = state.tag;
  if (state.authorId !== null) filters.authorId = state.authorId;
  if (state.entity !== null) filters.entity = state.entity;
  if (state.assignedTo !== null) filters.assignedTo = state.assignedTo;
  if ((state.fromDay !== '' || state.toDay !== '') && dateRangeProblem(state) === null) {
    filters.date = {
      field: state.dateField,
      ...(state.fromDay === '' ? {} : { from: startOfDay(state.fromDay) }),
      ...(state.toDay === '' ? {} : { until: startOfDay(state.toDay, 1) }),
    };
  }
  return filters;
}

/** How many filters are set, for the Filters button. */
export function activeFilterCount(state: FilterState): number {
  return (
    (state.statuses.length > 0 ? 1 : 0) +
    (state.section === null ? 0 : 1) +
    (state.tag === null ? 0 : 1) +
    (state.authorId === null ? 0 : 1) +
    (state.entity === null ? 0 : 1) +
    (state.assignedTo === null ? 0 : 1) +
    (state.fromDay !== '' || state.toDay !== '' ? 1 : 0)
  );
}
