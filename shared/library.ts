/**
 * How the library list is ordered and narrowed, and the counts shown beside each filter. Used by
 * the `articles:list`, `articles:search` and `library:facets` channels.
 */
import { z } from 'zod';

import {
  ARTICLE_STATUSES,
  ArticleStatusSchema,
  AuthorIdSchema,
  SectionSchema,
  TagSchema,
  TimestampSchema,
} from './domain';
import { ENTITY_KINDS } from './entities';

export const LIBRARY_SORTS = ['updated', 'created', 'headline'] as const;
export const LibrarySortSchema = z.enum(LIBRARY_SORTS, {
  error: 'Sort by "updated", "created" or "headline".',
});
export type LibrarySort = z.infer<typeof LibrarySortSchema>;

export const SortDirectionSchema = z.enum(['asc', 'desc'], { error: 'The sort direction is "asc" or "desc".' });
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/** The direction each sort takes unless told otherwise: newest first, headlines A to Z. */
export const DEFAULT_DIRECTION: Record<LibrarySort, SortDirection> = {
  updated: 'desc',
  created: 'desc',
  headline: 'asc',
};

/** A span of time on one of the article's dates: from (inclusive) until (exclusive). */
export const DateRangeSchema = z
  .strictObject({
    field: z.enum(['updated', 'created'], { error: 'A date range is on "updated" or "created".' }).default('updated'),
    from: TimestampSchema.optional(),
    until: TimestampSchema.optional(),
  })
  .refine(
    (range) =>
      range.from === undefined || range.until === undefined || Date.parse(range.from) < Date.parse(range.until),
    {
      error: 'The date range ends before it starts. Choose an end date after the start date.',
    },
  );
export type DateRange = z.infer<typeof DateRangeSchema>;

/** Every filter is optional; those given must all hold. An empty section means "no section". */
export const LibraryFiltersSchema = z.strictObject({
  statuses: z
    .array(ArticleStatusSchema)
    .max(ARTICLE_STATUSES.length, { error: 'Each status can be chosen only once.' })
    .optional(),
  section: SectionSchema.optional(),
  tag: TagSchema.optional(),
  authorId: AuthorIdSchema.optional(),
  /** A person, place or organisation the article names (found when it was analysed). */
  entity: z
    .strictObject({
      kind: z.enum(ENTITY_KINDS, { error: 'An entity is a "person", a "place" or an "organisation".' }),
      name: z.string().trim().min(1, { error: 'Name the person, place or organisation.' }).max(200),
    })
    .optional(),
  date: DateRangeSchema.optional(),
  /** The stories assigned to this person (the same words in another case count); '' for anyone's. */
  assignedTo: z
    .string()
    .trim()
    .max(200, { error: 'The name of the person assigned is too long (at most 200 characters).' })
    .optional(),
});
export type LibraryFilters = z.infer<typeof LibraryFiltersSchema>;

/** The person the filters ask for the stories of, or undefined when they take anyone's. */
export function assignedToFilter(filters: Pick<LibraryFilters, 'assignedTo'>): string | undefined {
  const name = filters.assignedTo?.trim() ?? '';
  return name === '' ? undefined : name;
}
/** Filters as a caller may write them: the date range's field may be left out. */
export type LibraryFiltersInput = z.input<typeof LibraryFiltersSchema>;

/** How many sections, tags, authors and assignees the filter controls offer, most used first. */
export const FACET_LIMIT = 30;

const CountSchema = z.number().int().nonnegative();

/**
 * Counts for the filter controls. Each list counts the articles matching every other filter,
 * so it tells what choosing one of its values would show.
 */
export const LibraryFacetsSchema = z.object({
  /** Articles matching every filter. */
  total: CountSchema,
  statuses: z.array(z.object({ status: ArticleStatusSchema, count: CountSchema })),
  sections: z.array(z.object({ name: z.string(), count: CountSchema })),
  tags: z.array(z.object({ name: z.string(), count: CountSchema })),
  authors: z.array(z.object({ id: AuthorIdSchema, name: z.string(), count: CountSchema })),
  /** The people stories are assigned to, most assigned first. */
  assignees: z.array(z.object({ name: z.string(), count: CountSchema })),
  /** The people, places and organisations most articles of the library name, with how many. */
  entities: z.array(z.object({ kind: z.enum(ENTITY_KINDS), name: z.string(), count: CountSchema })),
});
export type LibraryFacets = z.infer<typeof LibraryFacetsSchema>;
