import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { filterConditions, libraryFacets, listArticles } from '../../../../../electron/db/queries/library';
import { searchArticles } from '../../../../../electron/db/queries/search';
import { createArticle, saveArticle, trashArticle } from '../../../../../electron/services/articles';
import { createAuthor } from '../../../../../electron/services/authors';
import type { ArticlePatch } from '../../../../../shared/api';
import type { AuthorId } from '../../../../../shared/domain';
import { FACET_LIMIT, type LibraryFilters } from '../../../../../shared/library';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { insertArticles } from '../../../../helpers/bulkLibrary';
import { manualClock, openTempLibrary } from '../../../../helpers/library';
import { withNameFinder } from '../../../../helpers/nameFinder';
import { BBC, PAGES } from '../../import/fixtures';

let library: ReturnType<typeof openTempLibrary>;
let clock: ReturnType<typeof manualClock>;
let maria: AuthorId;
let omar: AuthorId;

beforeEach(() => {
  library = openTempLibrary();
  clock = manualClock('2026-03-02T09:00:00.000Z');
  maria = createAuthor(library.lib, 'Maria Okafor', '').id;
  omar = createAuthor(library.lib, 'Omar Khan', '').id;
});
afterEach(() => library.close());

/** Creates an article at `at` (the clock then moves on an hour). */
function add(headline: string, patch: ArticlePatch = {}, at?: string): string {
  if (at !== undefined) clock.set(at);
  const id = createArticle(
    library.lib,
    { headline, body: bodyFromParagraphs([`${headline} in full.`]), ...patch },
    { clock },
  ).id;
  clock.advance(3_600_000);
  return id;
}

const list = (options: Partial<Parameters<typeof listArticles>[1]> = {}) =>
  listArticles(library.lib.db, { offset: 0, limit: 50, trashed: false, ...options });
const headlines = (options: Partial<Parameters<typeof listArticles>[1]> = {}) =>
  list(options).items.map((item) => item.headline);
const filtered = (filters: LibraryFilters) => headlines({ filters }).sort();

/** A small desk: three sections, four statuses, two reporters, tags, over three months. */
function desk(): void {
  add(
    'Ferry trial approved',
    { section: 'Local', status: 'draft', tags: ['transport'], authorIds: [maria] },
    '2026-01-05T10:00:00.000Z',
  );
  add(
    'budget vote delayed',
    { section: 'Politics', status: 'editing', tags: ['council'], authorIds: [omar] },
    '2026-01-20T10:00:00.000Z',
  );
  add(
    'Harbour dredging',
    { section: 'Local', status: 'ready', tags: ['transport', 'harbour'], authorIds: [maria, omar] },
    '2026-02-03T10:00:00.000Z',
  );
  add(
    'Anthem contest',
    { section: 'Culture', status: 'fact-check', tags: [], authorIds: [] },
    '2026-02-18T10:00:00.000Z',
  );
  add(
    'Council tax frozen',
    { section: '', status: 'ready', tags: ['council'], authorIds: [omar] },
    '2026-03-01T10:00:00.000Z',
  );
}

describe('the library list', () => {
  it('is in order of last update, newest first, unless another order is asked for', () => {
    desk();
    expect(headlines()).toEqual([
      'Council tax frozen',
      'Anthem contest',
      'Harbour dredging',
      'budget vote delayed',
      'Ferry trial approved',
    ]);
    expect(headlines({ sort: 'updated', direction: 'asc' })[0]).toBe('Ferry trial approved');
  });

  it('moves an article up when it is saved, in update order but not in creation order', () => {
    desk();
    const ferry = list({ sort: 'updated', direction: 'asc' }).items[0];
    clock.set('2026-03-10T10:00:00.000Z');
    saveArticle(library.lib, ferry?.id ?? '', 1, { dek: 'Now with a dek.' }, { clock });
    expect(headlines()[0]).toBe('Ferry trial approved');
    expect(headlines({ sort: 'created' })[0]).toBe('Council tax frozen');
    expect(headlines({ sort: 'created', direction: 'asc' })[0]).toBe('Ferry trial approved');
  });

  it('sorts headlines A to Z regardless of capitals, and Z to A when reversed', () => {
    desk();
    expect(headlines({ sort: 'headline' })).toEqual([
      'Anthem contest',
      'budget vote delayed',
      'Council tax frozen',
      'Ferry trial approved',
      'Harbour dredging',
    ]);
    expect(headlines({ sort: 'headline', direction: 'desc' })[0]).toBe('Harbour dredging');
  });

  it('pages through a sorted, filtered list without gaps or repeats, with the matching total', () => {
    for (let i = 0; i < 23; i += 1)
      add(`Story ${String(i).padStart(2, '0')}`, { section: i % 2 === 0 ? 'Even' : 'Odd' });
    const pages = [0, 5, 10].map((offset) =>
      list({ offset, limit: 5, sort: 'headline', filters: { section: 'Even' } }),
    );
    expect(pages.map((page) => page.total)).toEqual([12, 12, 12]);
    const seen = pages.flatMap((page) => page.items.map((item) => item.headline));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `Story ${String(i * 2).padStart(2, '0')}`));
  });

  it('filters by status, section (an empty one meaning none), tag, author and dates', () => {
    desk();
    expect(filtered({ statuses: ['ready'] })).toEqual(['Council tax frozen', 'Harbour dredging']);
    expect(filtered({ statuses: ['draft', 'editing'] })).toEqual(['Ferry trial approved', 'budget vote delayed']);
    expect(filtered({ statuses: [] })).toEqual([]);
    expect(filtered({ section: 'Local' })).toEqual(['Ferry trial approved', 'Harbour dredging']);
    expect(filtered({ section: '' })).toEqual(['Council tax frozen']);
    expect(filtered({ tag: 'transport' })).toEqual(['Ferry trial approved', 'Harbour dredging']);
    expect(filtered({ tag: 'Transport' })).toEqual([]);
    expect(filtered({ authorId: omar })).toEqual(['Council tax frozen', 'Harbour dredging', 'budget vote delayed']);
    // From is inclusive, until exclusive: exactly February.
    expect(
      filtered({ date: { field: 'created', from: '2026-02-01T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' } }),
    ).toEqual(['Anthem contest', 'Harbour dredging']);
    expect(filtered({ date: { field: 'updated', from: '2026-02-18T10:00:00Z' } })).toEqual([
      'Anthem contest',
      'Council tax frozen',
    ]);
  });

  it('combines filters: every one must hold, and the total counts only those articles', () => {
    desk();
    const page = list({ filters: { section: 'Local', statuses: ['ready'], tag: 'transport', authorId: omar } });
    expect(page.items.map((item) => item.headline)).toEqual(['Harbour dredging']);
    expect(page.total).toBe(1);
    expect(list({ filters: { section: 'Local', authorId: omar, tag: 'council' } }).total).toBe(0);
  });

  it('keeps trashed articles out of the list and its filters, and lists them in the trash', () => {
    desk();
    const harbour = list({ filters: { tag: 'harbour' } }).items[0];
    trashArticle(library.lib, harbour?.id ?? '', clock);
    expect(filtered({ tag: 'transport' })).toEqual(['Ferry trial approved']);
    expect(list({ trashed: true }).items.map((item) => item.headline)).toEqual(['Harbour dredging']);
    expect(libraryFacets(library.lib.db, {}).total).toBe(4);
  });

  it('reads filters and order from the library indexes, never scanning the articles table', () => {
    const plans = (sql: string, params: Record<string, string>) =>
      (library.lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
        (row) => row.detail,
      );
    const where = filterConditions({ tag: 'transport', statuses: ['ready'], authorId: maria });
    const steps = plans(
      `SELECT seq FROM articles WHERE ${where.sql} ORDER BY updated_at DESC, seq DESC LIMIT 50`,
      where.params,
    );
    expect(steps.join('\n')).toMatch(/USING (COVERING )?INDEX articles_live_/);
    expect(steps.join('\n')).not.toMatch(/SCAN articles$/m);
    expect(steps.join('\n')).not.toMatch(/SEARCH articles USING INTEGER PRIMARY KEY/);

    // Counting a tag looks its articles up by rowid in an index, not in the table.
    const counted = filterConditions({ tag: 'transport' }, { mode: 'count' });
    const countSteps = plans(`SELECT count(*) FROM ${counted.from} WHERE ${counted.sql}`, counted.params).join('\n');
    expect(countSteps).toMatch(/SEARCH articles USING (COVERING )?INDEX articles_live_by_seq \(seq=\?\)/);
    expect(countSteps).not.toMatch(/INTEGER PRIMARY KEY/);
  });
});

describe('filter counts', () => {
  it('counts each status under the other filters, so a status not chosen still shows its number', () => {
    desk();
    const facets = libraryFacets(library.lib.db, { section: 'Local', statuses: ['ready'] });
    expect(facets.total).toBe(1);
    expect(facets.statuses).toEqual([
      { status: 'draft', count: 1 },
      { status: 'editing', count: 0 },
      { status: 'fact-check', count: 0 },
      { status: 'ready', count: 1 },
      { status: 'exported', count: 0 },
    ]);
    // Sections are counted under the status filter (ready), not the section filter.
    expect(facets.sections).toEqual([
      { name: '', count: 1 },
      { name: 'Local', count: 1 },
    ]);
  });

  it('counts tags and authors, most used first, under the other filters', () => {
    desk();
    const all = libraryFacets(library.lib.db, {});
    expect(all.total).toBe(5);
    expect(all.tags).toEqual([
      { name: 'council', count: 2 },
      { name: 'transport', count: 2 },
      { name: 'harbour', count: 1 },
    ]);
    expect(all.authors).toEqual([
      { id: omar, name: 'Omar Khan', count: 3 },
      { id: maria, name: 'Maria Okafor', count: 2 },
    ]);
    const local = libraryFacets(library.lib.db, { section: 'Local', tag: 'harbour' });
    expect(local.total).toBe(1);
    // The tag list ignores the tag filter (it shows what else could be chosen) but not the section.
    expect(local.tags).toEqual([
      { name: 'transport', count: 2 },
      { name: 'harbour', count: 1 },
    ]);
    expect(local.authors).toEqual([
      { id: maria, name: 'Maria Okafor', count: 1 },
      { id: omar, name: 'Omar Khan', count: 1 },
    ]);
  });

  it('counts with every status box unticked and a tag or author chosen: nothing matches, and no error', () => {
    desk();
    for (const filters of [
      { statuses: [], tag: 'transport' },
      { statuses: [], authorId: maria },
      { statuses: [], tag: 'council', authorId: omar },
    ] satisfies LibraryFilters[]) {
      const facets = libraryFacets(library.lib.db, filters);
      expect(facets.total, JSON.stringify(filters)).toBe(0);
      expect(facets.statuses.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThan(0);
    }
    expect(list({ filters: { statuses: [], tag: 'transport' } }).total).toBe(0);
  });

  it(`lists at most ${FACET_LIMIT} tags, and keeps a chosen tag that is not among them`, () => {
    for (let i = 0; i < FACET_LIMIT + 5; i += 1) {
      add(`Story ${i}`, {
        tags: [`common-${String(i % (FACET_LIMIT + 1)).padStart(2, '0')}`, ...(i === 0 ? ['rare'] : [])],
      });
    }
    expect(libraryFacets(library.lib.db, {}).tags).toHaveLength(FACET_LIMIT);
    const chosen = libraryFacets(library.lib.db, { tag: 'rare' });
    expect(chosen.tags).toHaveLength(FACET_LIMIT + 1);
    expect(chosen.tags).toContainEqual({ name: 'rare', count: 1 });
  });
});

describe('searching with filters', () => {
  it('keeps the ranking (headline above body) within the filtered articles', () => {
    add('Budget talks', { section: 'Politics', body: bodyFromParagraphs(['The ferry, the ferry, the ferry.']) });
    add('Ferry', { section: 'Politics', body: bodyFromParagraphs(['Councillors met on Monday about the roads.']) });
    add('Ferry fares rise', { section: 'Business', body: bodyFromParagraphs(['Fares rise.']) });
    const hits = searchArticles(library.lib.db, 'ferry', 20, { section: 'Politics' }).hits;
    expect(hits.map((hit) => hit.headline)).toEqual(['Ferry', 'Budget talks']);
  });

  it('applies every filter to the hits and says so when none are left', () => {
    desk();
    expect(
      searchArticles(library.lib.db, 'full', 20, { statuses: ['ready'], tag: 'council' }).hits.map(
        (hit) => hit.headline,
      ),
    ).toEqual(['Council tax frozen']);
    const none = searchArticles(library.lib.db, 'ferry', 20, { section: 'Culture' });
    expect(none.hits).toEqual([]);
    expect(none.hint).toBe('Clear the filters or try fewer words.');
  });

  it('fills the page with filtered articles however many others match better', () => {
    add('Weekly roundup', { section: 'Local', body: bodyFromParagraphs(['Also: a ferry.']) });
    for (let i = 0; i < 5; i += 1)
      add(`Ferry ferry ${i}`, { section: 'Sport', body: bodyFromParagraphs(['ferry ferry']) });
    expect(searchArticles(library.lib.db, 'ferry', 1, { section: 'Local' }).hits.map((hit) => hit.headline)).toEqual([
      'Weekly roundup',
    ]);
  });

  it('filters a search the same way when most of a large library passes the filters', () => {
    // Enough articles that the filters are checked hit by hit rather than collected first.
    insertArticles(
      library.lib.db,
      ['Reporter'],
      Array.from({ length: 4500 }, (_, n) => ({
        headline: n === 7 ? 'Ferry timetable' : `Brief ${n}`,
        paragraphs: [n % 3 === 0 ? 'The ferry sails at noon.' : 'The tram is late.'],
        section: n % 10 === 0 ? 'Sport' : 'Local',
        status: n % 2 === 0 ? ('ready' as const) : ('draft' as const),
        tags: n % 10 === 0 ? [] : ['transport'],
        authors: [0],
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      })),
    );
    const filters: LibraryFilters = { section: 'Local', tag: 'transport', statuses: ['draft', 'ready'] };
    const hits = searchArticles(library.lib.db, 'ferry', 200, filters).hits;
    // n % 3 === 0 and n % 10 !== 0: 1,350 articles; the best is the one with ferry in its headline.
    expect(hits[0]?.headline).toBe('Ferry timetable');
    expect(hits).toHaveLength(200);
    expect(hits.every((hit) => hit.section === 'Local')).toBe(true);
    expect(searchArticles(library.lib.db, 'ferry', 20, { ...filters, section: 'Sport' }).hits).toEqual([]);
    // Ranking only the newest 300 matches and the headline matches: still filtered, the
    // headline match (an old article, the eighth added) still first.
    const broad = searchArticles(library.lib.db, 'ferry', 50, filters, { rankAllUpTo: 300 }).hits;
    expect(broad[0]?.headline).toBe('Ferry timetable');
    expect(broad).toHaveLength(50);
    expect(broad.every((hit) => hit.section === 'Local')).toBe(true);

    // The list, too, checks a common tag entry by entry, with the same answer.
    const tagged = list({ limit: 3, sort: 'headline', filters: { tag: 'transport' } });
    expect(tagged.total).toBe(4050);
    expect(tagged.items.map((item) => item.headline)).toEqual(['Brief 1', 'Brief 1001', 'Brief 1002']);
  });

  it('never raises an SQLite error, whatever is typed, with or without filters', () => {
    desk();
    const inputs = [
      '"',
      '"ferry',
      'ferry OR',
      'OR',
      '-',
      '-"',
      'NEAR(a b)',
      'col:x',
      '*',
      '(',
      ')',
      '^a',
      'a AND',
      "'; DROP TABLE articles; --",
    ];
    for (const input of inputs) {
      for (const filters of [{}, { tag: 'council' }, { statuses: ['ready' as const], section: 'Local' }]) {
        expect(() => searchArticles(library.lib.db, input, 20, filters), JSON.stringify(input)).not.toThrow();
      }
    }
    expect(list().total).toBe(5);
  });
});

describe('the Names filter', () => {
  withNameFinder();
  const story = (file: string) => {
    const [headline = '', ...paragraphs] = readFileSync(path.join(BBC, file), 'latin1').split(/\n\s*\n/u);
    add(headline, { body: bodyFromParagraphs(paragraphs) });
  };
  const entries = (kind: string) =>
    libraryFacets(library.lib.db, {})
      .entities.filter((entity) => entity.kind === kind)
      .map((entity) => entity.name);

  it('lists no award or place as a person, and a dateline in capitals once, in its usual case', () => {
    for (const file of ['entertainment/035.txt', 'entertainment/086.txt', 'tech/101.txt', 'business/435.txt'])
      story(file);
    add('Markets close higher', {
      body: bodyFromParagraphs(['LONDON — Shares rose on Monday.', 'Traders in London were cheered.']),
    });
    expect(entries('person')).not.toContain('Oscar');
    expect(entries('person')).not.toContain('Sydney');
    expect(entries('place')).toContain('Sydney');
    expect(entries('place').filter((name) => name.toLowerCase() === 'london')).toEqual(['London']);
  });

  it('lists every article its count says names someone, however many names the article has', () => {
    story('tech/101.txt');
    // The New York Times page names more than forty people, places and bodies; London once, in its dateline.
    const nytimes = readFileSync(path.join(PAGES, 'nytimes-1', 'expected.html'), 'utf8')
      .split(/<\/p>/u)
      .map((paragraph) => paragraph.replace(/<[^>]+>/gu, '').trim())
      .filter((paragraph) => paragraph !== '');
    add('United States to Lift Sudan Sanctions', { body: bodyFromParagraphs(nytimes) });
    const london = libraryFacets(library.lib.db, {}).entities.find((entity) => entity.name === 'London');
    expect(london).toMatchObject({ kind: 'place', count: 2 });
    expect(filtered({ entity: { kind: 'place', name: 'London' } })).toEqual([
      'Bush website blocked outside US',
      'United States to Lift Sudan Sanctions',
    ]);
  });

  it('shows a name a library first met in capitals as an article writes it', () => {
    add('Talks', { body: bodyFromParagraphs(['Officials met in London on Monday.']) });
    // As analysed before the name rules folded capitals.
    library.lib.db.prepare("UPDATE related_features SET label = 'LONDON' WHERE key = 'place:london'").run();
    expect(entries('place')).toContain('LONDON');
    add('More talks', { body: bodyFromParagraphs(['Ministers flew to London on Tuesday.']) });
    expect(entries('place')).toContain('London');
    expect(entries('place')).not.toContain('LONDON');
  });
});
