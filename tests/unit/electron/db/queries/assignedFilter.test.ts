import { describe, expect, it } from 'vitest';

import { filterConditions, libraryFacets, listArticles } from '../../../../../electron/db/queries/library';
import { searchArticles } from '../../../../../electron/db/queries/search';
import { createArticle, trashArticle } from '../../../../../electron/services/articles';
import { createAuthor } from '../../../../../electron/services/authors';
import { assignArticle } from '../../../../../electron/services/workflow';
import type { ArticlePatch } from '../../../../../shared/api';
import type { AssignedStep } from '../../../../../shared/domain';
import type { LibraryFilters } from '../../../../../shared/library';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { insertArticles } from '../../../../helpers/bulkLibrary';
import { libraryPerTest } from '../../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

/** A story about the ferry, assigned to `assignee` for `step` when given. */
function add(headline: string, patch: ArticlePatch, assignee?: [string, AssignedStep]): string {
  clock.advance(60_000);
  const { id } = createArticle(
    library.lib,
    { headline, body: bodyFromParagraphs([`${headline}: the ferry and the council.`]), ...patch },
    { clock },
  );
  if (assignee !== undefined) assignArticle(library.lib, id, assignee[0], assignee[1], { clock });
  return id;
}

/** A desk of six stories: three Rita's, one Omar's, one nobody's, and one of Rita's in the trash. */
function desk() {
  const maria = createAuthor(library.lib, 'Maria Okafor', '').id;
  add('Ferry trial approved', { section: 'Local', status: 'editing', tags: ['transport'], authorIds: [maria] }, [
    'Rita Okafor',
    'fact-check',
  ]);
  add('Budget vote delayed', { section: 'Politics', status: 'editing', tags: ['council'] }, ['rita okafor', 'review']);
  add('Harbour dredging', { section: 'Local', status: 'fact-check', tags: ['transport'] }, ['Rita Okafor', 'editing']);
  add('Council tax frozen', { section: 'Politics', status: 'draft', tags: ['council'] }, ['Omar Khan', 'editing']);
  add('Anthem contest', { section: 'Culture', status: 'draft', tags: [] });
  const trashed = add('Ferry fares frozen', { section: 'Local', status: 'draft', tags: ['transport'] }, [
    'Rita Okafor',
    'editing',
  ]);
  trashArticle(library.lib, trashed);
  return { maria };
}

const list = (filters: LibraryFilters, trashed = false) =>
  listArticles(library.lib.db, { offset: 0, limit: 50, trashed, filters });
const headlines = (filters: LibraryFilters, trashed = false) =>
  list(filters, trashed)
    .items.map((item) => item.headline)
    .sort();

describe('the stories assigned to a person', () => {
  it('are listed with who has them and for what, the name matched in any case', () => {
    desk();
    const mine = list({ assignedTo: 'RITA OKAFOR' });
    expect(mine.total).toBe(3);
    expect(mine.items.map((item) => [item.headline, item.assignee, item.assignedStep]).sort()).toEqual([
      ['Budget vote delayed', 'rita okafor', 'review'],
      ['Ferry trial approved', 'Rita Okafor', 'fact-check'],
      ['Harbour dredging', 'Rita Okafor', 'editing'],
    ]);
    expect(headlines({ assignedTo: ' Omar Khan ' })).toEqual(['Council tax frozen']);
    expect(list({ assignedTo: 'Nobody Here' })).toEqual({ items: [], total: 0 });
    // An empty name takes anyone's, and nobody's.
    expect(list({ assignedTo: '' }).total).toBe(5);
    expect(headlines({ assignedTo: 'Rita Okafor' }, true)).toEqual(['Ferry fares frozen']);
  });

  it('combine with the other filters', () => {
    const { maria } = desk();
    expect(headlines({ assignedTo: 'Rita Okafor', section: 'Local' })).toEqual([
      'Ferry trial approved',
      'Harbour dredging',
    ]);
    expect(headlines({ assignedTo: 'Rita Okafor', statuses: ['editing'], tag: 'council' })).toEqual([
      'Budget vote delayed',
    ]);
    expect(headlines({ assignedTo: 'Rita Okafor', authorId: maria })).toEqual(['Ferry trial approved']);
    expect(list({ assignedTo: 'Omar Khan', statuses: [] }).total).toBe(0);
  });

  it('are counted by every other filter, and the people assigned counted under the others', () => {
    const { maria } = desk();
    const facets = libraryFacets(library.lib.db, { assignedTo: 'Rita Okafor' });
    expect(facets.total).toBe(3);
    expect(facets.statuses).toEqual([
      { status: 'draft', count: 0 },
      { status: 'editing', count: 2 },
      { status: 'fact-check', count: 1 },
      { status: 'ready', count: 0 },
      { status: 'exported', count: 0 },
    ]);
    expect(facets.sections).toEqual([
      { name: 'Local', count: 2 },
      { name: 'Politics', count: 1 },
    ]);
    expect(facets.tags).toEqual([
      { name: 'transport', count: 2 },
      { name: 'council', count: 1 },
    ]);
    expect(facets.authors).toEqual([{ id: maria, name: 'Maria Okafor', count: 1 }]);
    // The people list ignores its own filter: it shows whose stories could be chosen.
    expect(facets.assignees).toEqual([
      { name: expect.stringMatching(/^rita okafor$/i) as string, count: 3 },
      { name: 'Omar Khan', count: 1 },
    ]);

    const editing = libraryFacets(library.lib.db, { statuses: ['editing'] });
    expect(editing.assignees.map((entry) => entry.count)).toEqual([2]);
    const underTag = libraryFacets(library.lib.db, { tag: 'council', assignedTo: 'omar khan' });
    expect(underTag.total).toBe(1);
    // As many stories each: listed by name.
    expect(underTag.assignees).toEqual([
      { name: 'Omar Khan', count: 1 },
      { name: 'rita okafor', count: 1 },
    ]);
    // A person nobody's story is assigned to is still listed when chosen, with nothing.
    expect(libraryFacets(library.lib.db, { assignedTo: 'Ed Park' }).assignees).toContainEqual({
      name: 'Ed Park',
      count: 0,
    });
  });

  it('narrow a search the same way', () => {
    desk();
    const found = (filters: LibraryFilters) =>
      searchArticles(library.lib.db, 'ferry', 20, filters)
        .hits.map((hit) => hit.headline)
        .sort();
    expect(found({ assignedTo: 'rita okafor' })).toEqual([
      'Budget vote delayed',
      'Ferry trial approved',
      'Harbour dredging',
    ]);
    expect(found({ assignedTo: 'Rita Okafor', tag: 'transport' })).toEqual([
      'Ferry trial approved',
      'Harbour dredging',
    ]);
    const hit = searchArticles(library.lib.db, 'budget', 5, { assignedTo: 'Rita Okafor' }).hits[0];
    expect(hit).toMatchObject({ assignee: 'rita okafor', assignedStep: 'review' });
    expect(searchArticles(library.lib.db, 'ferry', 20, { assignedTo: 'Ed Park' })).toEqual({
      hits: [],
      hint: 'Clear the filters or try fewer words.',
    });
  });

  it('are found in a large library where most stories are assigned to one person', () => {
    // Enough stories that a search checks the filters hit by hit instead of collecting them first.
    insertArticles(
      library.lib.db,
      ['Reporter'],
      Array.from({ length: 4500 }, (_, n) => ({
        headline: n === 7 ? 'Ferry timetable' : `Brief ${n}`,
        paragraphs: [n % 3 === 0 ? 'The ferry sails at noon.' : 'The tram is late.'],
        section: 'Local',
        status: n % 2 === 0 ? ('ready' as const) : ('draft' as const),
        tags: ['transport'],
        authors: [0],
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      })),
    );
    library.lib.db.exec(
      "UPDATE articles SET assignee = CASE WHEN seq % 10 = 1 THEN 'Omar Khan' ELSE 'Rita Okafor' END, assigned_step = 'editing'",
    );
    const hits = searchArticles(library.lib.db, 'ferry', 200, {
      assignedTo: 'Rita Okafor',
      statuses: ['draft', 'ready'],
    }).hits;
    expect(hits[0]?.headline).toBe('Ferry timetable');
    expect(hits).toHaveLength(200);
    expect(hits.every((hit) => hit.assignee === 'Rita Okafor')).toBe(true);
    expect(list({ assignedTo: 'Omar Khan' }).total).toBe(450);
    expect(libraryFacets(library.lib.db, { statuses: ['ready'] }).assignees).toEqual([
      { name: 'Rita Okafor', count: 1800 },
      { name: 'Omar Khan', count: 450 },
    ]);
  });

  it('are found through the index of assigned stories, never by reading the articles table', () => {
    desk();
    const plan = (sql: string, params: Record<string, string>) =>
      (library.lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    for (const mode of ['scan', 'count'] as const) {
      const where = filterConditions({ assignedTo: 'Rita Okafor', statuses: ['editing'] }, { mode });
      const steps = plan(
        `SELECT seq FROM ${where.from} WHERE ${where.sql} ORDER BY updated_at DESC, seq DESC LIMIT 50`,
        where.params,
      );
      expect(steps).toMatch(/USING COVERING INDEX articles_by_assignee/);
      expect(steps).not.toMatch(/SCAN articles$/m);
      expect(steps).not.toMatch(/INTEGER PRIMARY KEY/);
    }
    const counted = plan(
      "SELECT assignee, count(*) FROM articles WHERE assignee <> '' AND trashed_at IS NULL GROUP BY assignee COLLATE NOCASE",
      {},
    );
    expect(counted).toMatch(/USING COVERING INDEX articles_by_assignee/);
  });
});
