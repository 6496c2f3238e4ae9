/**
 * Search and library-list benchmark at 10,000 and 100,000 articles of real news text (the BBC
 * corpus's paragraphs recombined into distinct articles). For a set of queries as people type
 * them, it measures p50/p95 of Copydesk's search (the same function the UI calls, without and
 * with filters), of the bare FTS5 query it is built on, and of MiniSearch over the same
 * documents; then the library list (sorted, filtered, deep pages) and the filter counts.
 * Prints its figures; asserts nothing.
 *
 *   npm run bench -- search
 *   npx tsx bench/search.ts [10000 100000]
 *
 * Built libraries are kept in the temporary folder (copydesk-bench-search/) and reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import MiniSearch from 'minisearch';

import type { Db } from '../electron/db/connection';
import { buildFtsQuery } from '../electron/db/queries/ftsQuery';
import { filterConditions, libraryFacets, listArticles } from '../electron/db/queries/library';
import { searchArticles } from '../electron/db/queries/search';
import { LibraryHost } from '../electron/services/LibraryHost';
import type { ArticleStatus } from '../shared/domain';
import type { LibraryFilters } from '../shared/library';
import { insertArticles, seededRandom, type BulkArticle } from '../tests/helpers/bulkLibrary';
import {
  buildLibraryFile,
  cachedLibraryFile,
  percentile,
  readCorpus,
  RECOMBINED_START,
  recombinedStories,
  type Doc,
} from './newsLibrary';

const CACHE = path.join(os.tmpdir(), 'copydesk-bench-search');
const SIZES = process.argv.slice(2).map(Number).filter(Number.isFinite);
const LIBRARY_SIZES = SIZES.length > 0 ? SIZES : [10_000, 100_000];
const RUNS = 30;
/** Copydesk's search with every match ranked, as it was before the newest-first cut. */
const RANK_EVERY_MATCH = { rankAllUpTo: Number.MAX_SAFE_INTEGER, rankAllPhrasesUpTo: Number.MAX_SAFE_INTEGER };
const LIMIT = 20;
/** Rows in a page of the library list, as the UI asks for them. */
const PAGE_ROWS = 100;

/** Queries as a desk editor types them: words, pairs, phrases, operators, and prefixes mid-word. */
const QUERIES = [
  'government',
  'film',
  'election',
  'economy',
  'chelsea',
  'broadband',
  'interest rates',
  'mobile phone',
  'world cup',
  'oil prices',
  '"prime minister"',
  '"chief executive"',
  'labour OR tory',
  'music -award',
  'gover',
  'elec',
  'mobile ph',
  'champions lea',
  'te',
];

/** A selective filter (one section, one status) and one that lets most articles through. */
const FILTERS: Record<string, LibraryFilters> = {
  selective: { section: 'Tech', statuses: ['ready'] },
  unselective: { statuses: ['draft', 'editing', 'fact-check', 'ready'] },
};

const STATUSES: readonly ArticleStatus[] = ['draft', 'editing', 'fact-check', 'ready', 'exported'];
const TAGS = Array.from({ length: 240 }, (_, index) => `topic-${index + 1}`);
const AUTHORS = Array.from({ length: 300 }, (_, index) => `Reporter ${index + 1}`);

/** Zipf-like: low indexes are common, as a desk's few big tags and prolific reporters are. */
function skewed(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(size * random() ** 2.5));
}

/** The recombined stories with a section, a status, tags, authors and dates drawn for each. */
function* recombined(docs: readonly Doc[], count: number): Generator<BulkArticle> {
  const random = seededRandom(20_260_302);
  const span = Date.parse('2026-11-01T00:00:00.000Z') - RECOMBINED_START;
  for (const story of recombinedStories(docs, count, random)) {
    const created = RECOMBINED_START + Math.floor(random() * span);
    const tags = new Set<string>();
    const tagCount = 1 + Math.floor(random() * 3);
    for (let i = 0; i < tagCount; i += 1) tags.add(TAGS[skewed(random, TAGS.length)] as string);
    const authors = new Set<number>([skewed(random, AUTHORS.length)]);
    if (random() < 0.2) authors.add(skewed(random, AUTHORS.length));
    yield {
      ...story,
      status: STATUSES[skewed(random, STATUSES.length)] as ArticleStatus,
      tags: [...tags],
      authors: [...authors],
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created + Math.floor(random() * 30 * 86_400_000)).toISOString(),
    };
  }
}

function openLibrary(docs: readonly Doc[], size: number): LibraryHost {
  const file = cachedLibraryFile(CACHE, size);
  if (fs.existsSync(file)) return LibraryHost.open(file);
  const started = performance.now();
  buildLibraryFile(file, (host) => insertArticles(host.current.db, AUTHORS, recombined(docs, size)));
  const megabytes = fs.statSync(file).size / (1024 * 1024);
  console.log(
    `  built ${size.toLocaleString('en')} articles in ${((performance.now() - started) / 1000).toFixed(1)} s (${megabytes.toFixed(0)} MiB), kept at ${file}`,
  );
  return LibraryHost.open(file);
}

type Figures = { p50: number; p95: number };

/**
 * Times every runner on every query, RUNS times after one warm-up, taking the runners in turn
 * for each query so that load from elsewhere on the machine falls on all of them alike.
 * Returns each runner's figures pooled over the queries, and per query.
 */
function measure<K extends string>(
  queries: readonly string[],
  runners: Record<K, (query: string) => unknown>,
): Record<K, Figures & { perQuery: Map<string, Figures> }> {
  const names = Object.keys(runners) as K[];
  const samples = new Map<K, Map<string, number[]>>(
    names.map((name) => [name, new Map(queries.map((query) => [query, []]))]),
  );
  for (const query of queries) for (const name of names) runners[name](query);
  for (let round = 0; round < RUNS; round += 1) {
    for (const query of queries) {
      for (const name of names) {
        const started = performance.now();
        runners[name](query);
        samples
          .get(name)
          ?.get(query)
          ?.push(performance.now() - started);
      }
    }
  }
  const figures = (values: number[]): Figures => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  const result = {} as Record<K, Figures & { perQuery: Map<string, Figures> }>;
  for (const name of names) {
    const byQuery = samples.get(name) ?? new Map<string, number[]>();
    result[name] = {
      ...figures([...byQuery.values()].flat()),
      perQuery: new Map([...byQuery].map(([query, values]) => [query, figures(values)])),
    };
  }
  return result;
}

function ms(value: number): string {
  return value.toFixed(2).padStart(8);
}

function printTable(title: string, rows: [string, Figures, string?][]): void {
  console.log(`\n  ${title}`);
  console.log(`  ${'what'.padEnd(52)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}  note`);
  for (const [name, figures, note] of rows) {
    console.log(`  ${name.padEnd(52)}${ms(figures.p50)}${ms(figures.p95)}  ${note ?? ''}`);
  }
}

/** Filtered search with the filters joined to the table inside the ranked subquery. */
function joinedFilterSearch(db: Db, match: string, filters: LibraryFilters): void {
  const statuses = filters.statuses ?? [];
  db.prepare(
    `SELECT a.id, a.headline, f.snippet FROM (
       SELECT fts.rowid, fts.rank, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
       FROM articles_fts AS fts JOIN articles AS x ON x.seq = fts.rowid
       WHERE articles_fts MATCH @match AND x.trashed_at IS NULL
         ${statuses.length > 0 ? `AND x.status IN (${statuses.map((s) => `'${s}'`).join(', ')})` : ''}
         ${filters.section === undefined ? '' : 'AND x.section = @section'}
       ORDER BY fts.rank LIMIT ${LIMIT}) AS f
     JOIN articles AS a ON a.seq = f.rowid ORDER BY f.rank`,
  ).all(filters.section === undefined ? { match } : { match, section: filters.section });
}

/** Filtered search collecting the matching rowids first: `+rowid IN (SELECT seq … WHERE filters)`. */
function rowidSetSearch(db: Db, match: string, filters: LibraryFilters): void {
  const where = filterConditions(filters);
  db.prepare(
    `SELECT a.id, a.headline, f.snippet FROM (
       SELECT rowid, rank, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
       FROM articles_fts
       WHERE articles_fts MATCH @match AND +rowid IN (SELECT seq FROM articles WHERE ${where.sql})
       ORDER BY rank LIMIT ${LIMIT}) AS f
     JOIN articles AS a ON a.seq = f.rowid ORDER BY f.rank`,
  ).all({ ...where.params, match });
}

function benchSize(docs: readonly Doc[], size: number): void {
  console.log(`\n▸ ${size.toLocaleString('en')} articles`);
  const host = openLibrary(docs, size);
  const db = host.current.db;
  const matches = new Map(QUERIES.map((query) => [query, buildFtsQuery(query).match ?? '']));
  const raw = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`);

  const started = performance.now();
  const mini = new MiniSearch<{ id: number; headline: string; dek: string; body_text: string }>({
    fields: ['headline', 'dek', 'body_text'],
    storeFields: [],
  });
  const batch = db.prepare(
    'SELECT seq AS id, headline, dek, body_text FROM articles WHERE seq > ? ORDER BY seq LIMIT 5000',
  );
  for (let after = 0; ;) {
    const rows = batch.all(after) as { id: number; headline: string; dek: string; body_text: string }[];
    if (rows.length === 0) break;
    mini.addAll(rows);
    after = rows[rows.length - 1]?.id ?? after;
  }
  const miniBuild = (performance.now() - started) / 1000;

  const miniSearch = (query: string) => {
    const words = query.replace(/["]/g, ' ').trim().split(/\s+/);
    return mini
      .search(words.filter((word) => word !== 'OR' && !word.startsWith('-')).join(' '), {
        boost: { headline: 10, dek: 4 },
        combineWith: query.includes(' OR ') ? 'OR' : 'AND',
        prefix: (_term, index, terms) => index === terms.length - 1 && !/\s$/.test(query),
      })
      .slice(0, LIMIT);
  };
  const selective = FILTERS.selective ?? {};
  const unselective = FILTERS.unselective ?? {};
  const search = measure(QUERIES, {
    copydesk: (query) => searchArticles(db, query, LIMIT),
    everyMatch: (query) => searchArticles(db, query, LIMIT, {}, RANK_EVERY_MATCH),
    raw: (query) => raw.all(matches.get(query)),
    mini: miniSearch,
    selective: (query) => searchArticles(db, query, LIMIT, selective),
    selectiveJoined: (query) => joinedFilterSearch(db, matches.get(query) ?? '', selective),
    selectiveSet: (query) => rowidSetSearch(db, matches.get(query) ?? '', selective),
    unselective: (query) => searchArticles(db, query, LIMIT, unselective),
    unselectiveJoined: (query) => joinedFilterSearch(db, matches.get(query) ?? '', unselective),
    unselectiveSet: (query) => rowidSetSearch(db, matches.get(query) ?? '', unselective),
  });
  const versus = (figures: Figures) => `${(figures.p95 / search.raw.p95).toFixed(2)}× raw FTS5 at p95`;
  printTable(`Search, ${QUERIES.length} queries × ${RUNS} runs, top ${LIMIT} (with snippets for Copydesk)`, [
    ['Copydesk search (searchArticles)', search.copydesk, versus(search.copydesk)],
    ['  ranking every match (no newest-first cut)', search.everyMatch, versus(search.everyMatch)],
    ['raw FTS5 (MATCH … ORDER BY rank LIMIT 20)', search.raw],
    ['MiniSearch 7.2 (in memory)', search.mini, `index built in ${miniBuild.toFixed(1)} s`],
    ['Copydesk search, selective filter', search.selective, versus(search.selective)],
    ['  alternative: rowid IN (matching rowids)', search.selectiveSet],
    ['  alternative: join to the table in the subquery', search.selectiveJoined],
    ['Copydesk search, unselective filter', search.unselective, versus(search.unselective)],
    ['  alternative: rowid IN (matching rowids)', search.unselectiveSet],
    ['  alternative: join to the table in the subquery', search.unselectiveJoined],
  ]);
  console.log(
    `\n  p50 / p95 per query (ms)   ${'Copydesk'.padStart(17)} ${'every match'.padStart(17)} ${'raw FTS5'.padStart(17)} ${'MiniSearch'.padStart(17)}  first ${LIMIT} shared`,
  );
  let identical = 0;
  for (const query of QUERIES) {
    const cell = (figures: Figures | undefined) =>
      `${(figures?.p50 ?? 0).toFixed(2).padStart(8)} ${(figures?.p95 ?? 0).toFixed(2).padStart(8)}`;
    // What the cut costs in results: the first page against the one ranking every match gives.
    const ids = (options: Parameters<typeof searchArticles>[4]) =>
      searchArticles(db, query, LIMIT, {}, options).hits.map((hit) => hit.id);
    const every = ids(RANK_EVERY_MATCH);
    const ours = ids({});
    if (ours.join() === every.join()) identical += 1;
    const shared = ours.filter((id) => every.includes(id)).length;
    console.log(
      `  ${query.padEnd(26)} ${cell(search.copydesk.perQuery.get(query))} ${cell(search.everyMatch.perQuery.get(query))} ${cell(search.raw.perQuery.get(query))} ${cell(search.mini.perQuery.get(query))}  ${shared}/${every.length}`,
    );
  }
  console.log(
    `  first ${LIMIT} hits identical, in order, to ranking every match: ${identical} of ${QUERIES.length} queries`,
  );

  const total = listArticles(db, { offset: 0, limit: 1, trashed: false }).total;
  const reporter2 = authorId(db, 'Reporter 2');
  const year2025 = { field: 'created', from: '2025-01-01T00:00:00.000Z', until: '2026-01-01T00:00:00.000Z' } as const;
  const page = (options: Omit<Parameters<typeof listArticles>[1], 'limit' | 'trashed'>) => () =>
    listArticles(db, { ...options, limit: PAGE_ROWS, trashed: false });
  const lists = measure(['-'], {
    'first page, by last update': page({ offset: 0 }),
    'last page, by last update': page({ offset: total - PAGE_ROWS }),
    'middle page, by headline': page({ offset: Math.floor(total / 2), sort: 'headline' }),
    'first page, by creation, oldest first': page({ offset: 0, sort: 'created', direction: 'asc' }),
    'first page, section + status': page({ offset: 0, filters: selective }),
    'first page, tag (common)': page({ offset: 0, filters: { tag: 'topic-1' } }),
    'first page, tag (rare), by headline': page({ offset: 0, sort: 'headline', filters: { tag: 'topic-200' } }),
    'first page, author, by headline': page({ offset: 0, sort: 'headline', filters: { authorId: reporter2 } }),
    'first page, created in 2025': page({ offset: 0, filters: { date: year2025 } }),
    'filter counts, no filters': () => libraryFacets(db, {}),
    'filter counts, section + status': () => libraryFacets(db, selective),
    'filter counts, common tag': () => libraryFacets(db, { tag: 'topic-1' }),
    'filter counts, author + date': () => libraryFacets(db, { authorId: reporter2, date: year2025 }),
  });
  printTable(
    `Library list (${PAGE_ROWS} rows and the matching total) and filter counts, ${RUNS} runs`,
    Object.entries<Figures>(lists).map(([name, figures]) => [name, figures]),
  );
  host.close();
}

function authorId(db: Db, name: string): LibraryFilters['authorId'] {
  return db.prepare('SELECT id FROM authors WHERE name = ?').pluck().get(name) as LibraryFilters['authorId'];
}

const docs = readCorpus('latin1', (category) => `${category.slice(0, 1).toUpperCase()}${category.slice(1)}`);
console.log(`Corpus: ${docs.length} BBC articles; libraries cached in ${CACHE}`);
for (const size of LIBRARY_SIZES) benchSize(docs, size);
