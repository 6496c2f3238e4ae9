import type { ArticleStatus, ArticleSummary } from '../../../shared/domain';
import { ARTICLE_STATUSES, AuthorIdSchema } from '../../../shared/domain';
import type { LibraryFacets, LibraryFilters, LibrarySort, SortDirection } from '../../../shared/library';
import { ENTITY_KINDS, entityKey } from '../../../shared/entities';
import { assignedToFilter, DEFAULT_DIRECTION, FACET_LIMIT } from '../../../shared/library';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { rowToSummary, SUMMARY_COLUMNS, type SummaryRow } from './articles';

/**
 * A WHERE clause over `articles`, the named parameters it binds, and what to select FROM:
 * `articles`, or the index to read it through when that is the fast way.
 */
export type Conditions = { sql: string; params: Record<string, string>; from: string };

/**
 * How the filters are checked:
 * - `scan` (a page of the list): while an index is read in the list's order, each entry is
 *   checked against the set of tagged or signed articles, until the page is full;
 * - `count` (totals and filter counts): the tagged or signed articles are looked up one by one
 *   in the index keyed by rowid, so a rare tag costs a few lookups, not a pass over the library;
 * - a table alias (filtered search): one article at a time, in a correlated subquery.
 */
export type FilterMode = 'scan' | 'count' | { row: string };

/**
 * Below this many articles, collecting a filter's rowids first is cheaper than checking the
 * filter entry by entry (measured at 100,000 articles: bench/search.ts).
 */
export const FEW_ARTICLES = 4000;

/** True when `sql` (a SELECT) gives fewer than FEW_ARTICLES rows; stops counting there. */
export function fewRows(db: Db, sql: string, params: Record<string, string>): boolean {
  return (
    (prepared(db, `SELECT count(*) FROM (${sql} LIMIT ${FEW_ARTICLES})`).pluck().get(params) as number) < FEW_ARTICLES
  );
}

/** Whether the tag or author filter (when set) holds for only a few articles. */
export function fewLinked(db: Db, filters: LibraryFilters): boolean {
  return (
    (filters.tag !== undefined && fewRows(db, 'SELECT 1 FROM article_tags WHERE tag = @tag', { tag: filters.tag })) ||
    (filters.authorId !== undefined &&
      fewRows(db, 'SELECT 1 FROM article_authors WHERE author_id = @authorId', { authorId: filters.authorId }))
  );
}

type FilterName = 'statuses' | 'section' | 'tag' | 'authorId' | 'assignedTo';

/**
 * The rowids of the stories assigned to @assignedTo, in any case, read from the index that
 * holds only assigned stories (migration 021): never from the table.
 */
const ASSIGNED_ROWIDS = `(SELECT assigned.seq FROM articles AS assigned
    WHERE assigned.assignee <> '' AND assigned.assignee = @assignedTo COLLATE NOCASE)`;

/** The same instant in the form the library stores, so text comparison orders it correctly. */
function storedTime(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * The filters as SQL over the articles table, leaving out `skip` (a facet counts the articles
 * matching every filter but its own). Every condition is checked from the library indexes
 * (migration 004), never from the table, whose rows carry the bodies. Tags and bylines refer
 * to articles by id; they are turned into rowids through the id index first.
 */
export function filterConditions(
  filters: LibraryFilters,
  options: {
    trashed?: boolean;
    skip?: FilterName;
    mode?: FilterMode;
    /**
     * In scan mode, check tags and authors entry by entry (one index lookup each) instead of
     * collecting their articles first: the better way when they hold for many articles.
     */
    linkedPerEntry?: boolean;
  } = {},
): Conditions {
  const mode = options.mode ?? 'scan';
  const row = typeof mode === 'object' ? mode.row : undefined;
  const column = (name: string) => (row === undefined ? name : `${row}.${name}`);
  /** Rowids of the articles that `table` (article_tags or article_authors) lists where `match`. */
  const linked = (table: string, match: string) => {
    if (row !== undefined || (mode === 'scan' && options.linkedPerEntry === true)) {
      return `EXISTS (SELECT 1 FROM ${table} WHERE article_id = ${column('id')} AND ${match})`;
    }
    const rowids = `(SELECT linked.seq FROM ${table} JOIN articles AS linked ON linked.id = ${table}.article_id WHERE ${table}.${match})`;
    // The unary + keeps SQLite from reading each linked article from the table in scan mode.
    return mode === 'count' ? `seq IN ${rowids}` : `+seq IN ${rowids}`;
  };
  const clauses = [
    options.trashed === true ? `${column('trashed_at')} IS NOT NULL` : `${column('trashed_at')} IS NULL`,
  ];
  const params: Record<string, string> = {};
  const statuses = filters.statuses === undefined ? [] : [...new Set(filters.statuses)];
  if (options.skip !== 'statuses' && filters.statuses !== undefined) {
    // No status chosen matches nothing: the person unticked every box.
    if (statuses.length === 0) clauses.push('0');
    else if (statuses.length < ARTICLE_STATUSES.length) {
      statuses.forEach((status, index) => (params[`status${index}`] = status));
      clauses.push(`${column('status')} IN (${statuses.map((_, index) => `@status${index}`).join(', ')})`);
    }
  }
  if (options.skip !== 'section' && filters.section !== undefined) {
    params.section = filters.section;
    clauses.push(`${column('section')} = @section`);
  }
  if (options.skip !== 'tag' && filters.tag !== undefined) {
    params.tag = filters.tag;
    clauses.push(linked('article_tags', 'tag = @tag'));
  }
  if (options.skip !== 'authorId' && filters.authorId !== undefined) {
    params.authorId = filters.authorId;
    clauses.push(linked('article_authors', 'author_id = @authorId'));
  }
  const assignedTo = options.skip === 'assignedTo' ? undefined : assignedToFilter(filters);
  if (assignedTo !== undefined) {
    params.assignedTo = assignedTo;
    clauses.push(
      row === undefined
        ? `${mode === 'count' ? '' : '+'}seq IN ${ASSIGNED_ROWIDS}`
        : `${column('seq')} IN ${ASSIGNED_ROWIDS}`,
    );
  }
  if (filters.entity !== undefined) {
    // The articles whose analysis names it, from the related index's postings (migration 7).
    params.entityKey = entityKey(filters.entity.kind, filters.entity.name).key;
    const named = `(SELECT postings.seq FROM related_postings AS postings
        WHERE postings.feature_id = (SELECT id FROM related_features WHERE key = @entityKey))`;
    clauses.push(row === undefined ? `${mode === 'count' ? '' : '+'}seq IN ${named}` : `${column('seq')} IN ${named}`);
  }
  if (filters.date !== undefined) {
    const date = column(filters.date.field === 'created' ? 'created_at' : 'updated_at');
    if (filters.date.from !== undefined) {
      params.dateFrom = storedTime(filters.date.from);
      clauses.push(`${date} >= @dateFrom`);
    }
    if (filters.date.until !== undefined) {
      params.dateUntil = storedTime(filters.date.until);
      clauses.push(`${date} < @dateUntil`);
    }
  }
  // A filter that matches nothing ("0") lets SQLite plan without the index, and an INDEXED BY it
  // cannot use is an error ("no query solution"), so the index is named only when it can serve.
  const byRowid =
    mode === 'count' &&
    !clauses.includes('0') &&
    options.trashed !== true &&
    ((options.skip !== 'tag' && filters.tag !== undefined) ||
      (options.skip !== 'authorId' && filters.authorId !== undefined) ||
      assignedTo !== undefined);
  return {
    sql: clauses.join(' AND '),
    params,
    from: byRowid ? 'articles INDEXED BY articles_live_by_seq' : 'articles',
  };
}

/** True when the filters narrow the library at all. */
export function hasFilters(filters: LibraryFilters): boolean {
  return (
    filters.statuses !== undefined ||
    filters.section !== undefined ||
    filters.tag !== undefined ||
    filters.authorId !== undefined ||
    filters.entity !== undefined ||
    assignedToFilter(filters) !== undefined ||
    (filters.date !== undefined && (filters.date.from !== undefined || filters.date.until !== undefined))
  );
}

function orderBy(sort: LibrarySort, direction: SortDirection): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'created':
      return `created_at ${dir}, seq ${dir}`;
    case 'headline':
      return `headline COLLATE NOCASE ${dir}, seq ${dir}`;
    case 'updated':
      return `updated_at ${dir}, seq ${dir}`;
  }
}

export type ListOptions = {
  offset: number;
  limit: number;
  trashed: boolean;
  sort?: LibrarySort;
  direction?: SortDirection;
  filters?: LibraryFilters;
};

/** One page of the library (or the trash) in the order asked for, and how many articles match. */
export function listArticles(db: Db, options: ListOptions): { items: ArticleSummary[]; total: number } {
  const sort = options.sort ?? 'updated';
  const direction = options.direction ?? DEFAULT_DIRECTION[sort];
  const filters = options.filters ?? {};
  const where = filterConditions(filters, {
    trashed: options.trashed,
    linkedPerEntry: (filters.tag !== undefined || filters.authorId !== undefined) && !fewLinked(db, filters),
  });
  // The page's rows are found in the index first and only then read from the table: skipping
  // `offset` index entries is cheap, skipping as many table rows (with their bodies) is not.
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles
       WHERE seq IN (SELECT seq FROM articles WHERE ${where.sql} ORDER BY ${orderBy(sort, direction)}
                     LIMIT @limit OFFSET @offset)
       ORDER BY ${orderBy(sort, direction)}`,
  ).all({ ...where.params, limit: options.limit, offset: options.offset }) as SummaryRow[];
  const total = prepared(db, `SELECT count(*) FROM articles WHERE ${where.sql}`).pluck().get(where.params) as number;
  return { items: rows.map(rowToSummary), total };
}

/**
 * A condition on `article_id` (of article_tags or article_authors) for the articles matching
 * every filter but `skip`. With no other filter it only leaves out the trash, which is small;
 * otherwise the ids come from the status index, which holds them, without reading the table.
 */
function articleIdsMatching(filters: LibraryFilters, skip: FilterName): Conditions {
  const others: LibraryFilters = { ...filters, [skip]: undefined };
  if (!hasFilters(others)) {
    return {
      sql: 'article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)',
      params: {},
      from: 'articles',
    };
  }
  const dates = others.date !== undefined && (others.date.from !== undefined || others.date.until !== undefined);
  if (
    others.statuses === undefined &&
    others.section === undefined &&
    others.entity === undefined &&
    assignedToFilter(others) === undefined &&
    !dates
  ) {
    // Only a tag or an author (or both): their articles' ids come straight from the tag and
    // byline indexes, one lookup each where going through the articles' rowids would take three.
    const clauses = ['article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)'];
    const params: Record<string, string> = {};
    if (others.tag !== undefined) {
      params.tag = others.tag;
      clauses.push('article_id IN (SELECT article_id FROM article_tags WHERE tag = @tag)');
    }
    if (others.authorId !== undefined) {
      params.authorId = others.authorId;
      clauses.push('article_id IN (SELECT article_id FROM article_authors WHERE author_id = @authorId)');
    }
    return { sql: clauses.join(' AND '), params, from: 'articles' };
  }
  const where = filterConditions(others, { mode: 'count' });
  return {
    sql: `article_id IN (SELECT id FROM ${where.from} WHERE ${where.sql})`,
    params: where.params,
    from: where.from,
  };
}

/**
 * A SELECT of `key` (a tag, an author's id) and how many articles matching every filter but
 * `skip` have it, from `table` (article_tags or article_authors). With no other filter every
 * live article counts: the whole table is counted straight from its index, and the few links
 * of trashed articles are taken off after, rather than checking each link against the trash.
 */
function linkCounts(
  table: string,
  key: string,
  filters: LibraryFilters,
  skip: FilterName,
): { sql: string; params: Record<string, string> } {
  const others: LibraryFilters = { ...filters, [skip]: undefined };
  const only = (name: 'tag' | 'authorId') => hasFilters(others) && !hasFilters({ ...others, [name]: undefined });
  const linked: { table: string; match: string; params: Record<string, string> } | undefined =
    only('tag') && others.tag !== undefined
      ? { table: 'article_tags', match: 'tag = @tag', params: { tag: others.tag } }
      : only('authorId') && others.authorId !== undefined
        ? { table: 'article_authors', match: 'author_id = @authorId', params: { authorId: others.authorId } }
        : undefined;
  if (linked !== undefined) {
    // Under only a tag (or only an author), each of its articles' links are read by joining the
    // two tables on the article, one lookup each.
    return {
      sql: `SELECT counted.${key} AS key, count(*) AS count
              FROM ${linked.table} AS linked JOIN ${table} AS counted ON counted.article_id = linked.article_id
              WHERE linked.${linked.match}
                AND linked.article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)
              GROUP BY counted.${key}`,
      params: linked.params,
    };
  }
  if (hasFilters(others)) {
    const where = articleIdsMatching(filters, skip);
    return {
      sql: `SELECT ${key} AS key, count(*) AS count FROM ${table} WHERE ${where.sql} GROUP BY ${key}`,
      params: where.params,
    };
  }
  return {
    sql: `SELECT every.key, every.count - coalesce(trashed.count, 0) AS count
            FROM (SELECT ${key} AS key, count(*) AS count FROM ${table} GROUP BY ${key}) AS every
            LEFT JOIN (SELECT ${key} AS key, count(*) AS count FROM ${table}
                         WHERE article_id IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)
                         GROUP BY ${key}) AS trashed ON trashed.key = every.key`,
    params: {},
  };
}

type CountRow = { name: string; count: number };
type AuthorCountRow = { id: string; name: string; count: number };

/**
 * The chosen value stays in its list even when it is not among the most used, so the control
 * can show it; its count is the articles matching every filter.
 */
function withChosen(rows: CountRow[], chosen: string | undefined, total: number): CountRow[] {
  if (chosen === undefined || rows.some((row) => row.name === chosen)) return rows;
  return [...rows, { name: chosen, count: total }];
}

function withChosenAuthor(db: Db, rows: AuthorCountRow[], chosen: string | undefined, total: number): AuthorCountRow[] {
  if (chosen === undefined || rows.some((row) => row.id === chosen)) return rows;
  const name = prepared(db, 'SELECT name FROM authors WHERE id = ?').pluck().get(chosen) as string | undefined;
  return name === undefined ? rows : [...rows, { id: chosen, name, count: total }];
}

type Group = { status: ArticleStatus; section: string; count: number };

/**
 * The articles matching every filter but status and section, counted by both. Under a tag or
 * an author they are read from that tag's or author's entries, each article's status and
 * section from the index keyed by id (migration 014): one lookup per article. Otherwise in one
 * pass over the status index.
 */
function statusSectionGroups(db: Db, filters: LibraryFilters): Group[] {
  const others: LibraryFilters = { ...filters, statuses: undefined, section: undefined };
  const driving =
    others.tag !== undefined
      ? { table: 'article_tags', match: 'tag = @tag', param: { tag: others.tag }, rest: { ...others, tag: undefined } }
      : others.authorId !== undefined
        ? {
            table: 'article_authors',
            match: 'author_id = @authorId',
            param: { authorId: others.authorId },
            rest: { ...others, authorId: undefined },
          }
        : undefined;
  if (driving === undefined) {
    const where = filterConditions(others, { mode: 'count' });
    return prepared(
      db,
      `SELECT status, section, count(*) AS count FROM ${where.from} WHERE ${where.sql} GROUP BY status, section`,
    ).all(where.params) as Group[];
  }
  const rest = filterConditions(driving.rest, { mode: { row: 'a' } });
  return prepared(
    db,
    `SELECT a.status, a.section, count(*) AS count
       FROM ${driving.table} AS linked JOIN articles AS a INDEXED BY articles_live_by_id ON a.id = linked.article_id
       WHERE linked.${driving.match} AND ${rest.sql}
       GROUP BY a.status, a.section`,
  ).all({ ...rest.params, ...driving.param }) as Group[];
}

/** Counts for the filter controls; each facet ignores its own filter (see LibraryFacets). */
export function libraryFacets(db: Db, filters: LibraryFilters): LibraryFacets {
  const groups = statusSectionGroups(db, filters);
  const chosenStatuses = filters.statuses === undefined ? null : new Set(filters.statuses);
  const statusCounts = new Map<ArticleStatus, number>(ARTICLE_STATUSES.map((status) => [status, 0]));
  const sectionCounts = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    const sectionMatches = filters.section === undefined || group.section === filters.section;
    const statusMatches = chosenStatuses === null || chosenStatuses.has(group.status);
    if (sectionMatches) statusCounts.set(group.status, (statusCounts.get(group.status) ?? 0) + group.count);
    if (statusMatches) sectionCounts.set(group.section, (sectionCounts.get(group.section) ?? 0) + group.count);
    if (sectionMatches && statusMatches) total += group.count;
  }

  const sections = withChosen(
    [...sectionCounts]
      .map(([name, count]) => ({ name, count }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, FACET_LIMIT),
    filters.section,
    total,
  );

  const byTag = linkCounts('article_tags', 'tag', filters, 'tag');
  const tags = prepared(
    db,
    `SELECT key AS name, count FROM (${byTag.sql}) WHERE count > 0 ORDER BY count DESC, key LIMIT ${FACET_LIMIT}`,
  ).all(byTag.params) as CountRow[];

  const byAuthor = linkCounts('article_authors', 'author_id', filters, 'authorId');
  // Authors with as many articles are listed by name, so the same ones make the cut each time.
  const authors = prepared(
    db,
    `SELECT au.id, au.name, c.count FROM (${byAuthor.sql}) AS c JOIN authors AS au ON au.id = c.key
       WHERE c.count > 0 ORDER BY c.count DESC, au.name LIMIT ${FACET_LIMIT}`,
  ).all(byAuthor.params) as AuthorCountRow[];

  return {
    entities: entityFacets(db, filters.entity),
    assignees: assigneeFacets(db, filters, total),
    total,
    statuses: ARTICLE_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    sections,
    tags: withChosen(tags, filters.tag, total),
    authors: withChosenAuthor(db, authors, filters.authorId, total).map((row) => ({
      id: AuthorIdSchema.parse(row.id),
      name: row.name,
      count: row.count,
    })),
  };
}

/** Two names the library's index takes for one: the same but for the case of A to Z. */
function sameNameNoCase(a: string, b: string): boolean {
  const fold = (name: string) => name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return fold(a) === fold(b);
}

/**
 * The people stories are assigned to, with how many of the live stories matching every other
 * filter each has, most first (names differing only in case counted as one). Read from the
 * index of assigned stories; under other filters each is checked against the rowids those
 * filters let through. The chosen person is always listed, with the stories matching every
 * filter.
 */
function assigneeFacets(db: Db, filters: LibraryFilters, total: number): LibraryFacets['assignees'] {
  const others: LibraryFilters = { ...filters, assignedTo: undefined };
  const where = hasFilters(others) ? filterConditions(others, { mode: 'count' }) : undefined;
  const rows = prepared(
    db,
    `SELECT assignee AS name, count(*) AS count FROM articles INDEXED BY articles_by_assignee
       WHERE assignee <> '' AND trashed_at IS NULL
         ${where === undefined ? '' : `AND seq IN (SELECT seq FROM ${where.from} WHERE ${where.sql})`}
       GROUP BY assignee COLLATE NOCASE
       ORDER BY count DESC, name COLLATE NOCASE, name LIMIT ${FACET_LIMIT}`,
  ).all(where?.params ?? {}) as CountRow[];
  const chosen = assignedToFilter(filters);
  if (chosen === undefined || rows.some((row) => sameNameNoCase(row.name, chosen))) return rows;
  return [...rows, { name: chosen, count: total }];
}

type EntityRow = { key: string; label: string; df: number };

/**
 * The people, places and organisations most articles name, FACET_LIMIT of each kind, with how
 * many articles name them in the whole library (read from the related index's counts, which
 * are kept at every save: counting them under each filter would read every article's names).
 * The chosen one is always listed.
 */
function entityFacets(db: Db, chosen: LibraryFilters['entity']): LibraryFacets['entities'] {
  const out: LibraryFacets['entities'] = [];
  for (const kind of ENTITY_KINDS) {
    const rows = prepared(
      db,
      `SELECT key, label, df FROM related_features
         WHERE key >= @from AND key < @until AND df > 0
         ORDER BY df DESC, label LIMIT ${FACET_LIMIT}`,
    ).all({ from: `${kind}:`, until: `${kind};` }) as EntityRow[];
    for (const row of rows) out.push({ kind, name: row.label, count: row.df });
    if (chosen?.kind === kind && !rows.some((row) => row.label === chosen.name)) {
      const key = entityKey(kind, chosen.name).key;
      const known = prepared(db, 'SELECT key, label, df FROM related_features WHERE key = ?').get(key) as
        EntityRow | undefined;
      out.push({ kind, name: chosen.name, count: known?.df ?? 0 });
    }
  }
  return out;
}
