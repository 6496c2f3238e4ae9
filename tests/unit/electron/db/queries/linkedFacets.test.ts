import { describe, expect, it } from 'vitest';

import { libraryFacets } from '../../../../../electron/db/queries/library';
import { createArticle, trashArticle } from '../../../../../electron/services/articles';
import { createAuthor } from '../../../../../electron/services/authors';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../../../shared/domain';
import type { LibraryFilters } from '../../../../../shared/library';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { libraryPerTest } from '../../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const TAGS = ['harbour', 'ferry', 'budget', 'schools'];
const SECTIONS = ['Local', 'Sport', 'Politics'];

describe('filter counts under a tag or an author', () => {
  it('count the live articles that have the tag or the author, by tag, author, section and status, as counting them one by one does', () => {
    const authors = ['Amna Shah', 'Tom Reed', 'Lea Park'].map((name) => createAuthor(library.lib, name, '').id);
    const live: { tags: string[]; authorIds: string[]; section: string; status: ArticleStatus }[] = [];
    for (let n = 0; n < 40; n += 1) {
      clock.advance(60_000);
      const tags = TAGS.filter((_, index) => (n + index) % (index + 2) === 0);
      const authorIds = authors.filter((_, index) => (n * (index + 1)) % 3 !== 1);
      const section = SECTIONS[n % SECTIONS.length] ?? '';
      const status = ARTICLE_STATUSES[(n * 7) % ARTICLE_STATUSES.length] ?? 'draft';
      const article = createArticle(
        library.lib,
        { headline: `Story ${n}`, body: bodyFromParagraphs([`Text ${n}.`]), tags, authorIds, section, status },
        { clock },
      );
      if (n % 6 === 0) trashArticle(library.lib, article.id, clock);
      else live.push({ tags, authorIds, section, status });
    }
    const keeps = (article: (typeof live)[number], filters: LibraryFilters) =>
      (filters.tag === undefined || article.tags.includes(filters.tag)) &&
      (filters.authorId === undefined || article.authorIds.includes(filters.authorId)) &&
      (filters.section === undefined || article.section === filters.section) &&
      (filters.statuses === undefined || filters.statuses.includes(article.status));
    const countBy = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const cases: LibraryFilters[] = [
      { tag: 'harbour' },
      { tag: 'schools' },
      { authorId: authors[1] },
      { tag: 'ferry', authorId: authors[0] },
      { tag: 'harbour', section: 'Sport' },
      { authorId: authors[2], statuses: ['draft', 'ready'] },
      { tag: 'budget', authorId: authors[1], section: 'Local', statuses: ['editing'] },
    ];
    // A chosen value is listed even when nothing matches (with 0); counting one by one omits it.
    const listed = <T extends { count: number }>(entries: T[]) => entries.filter((entry) => entry.count > 0);
    for (const filters of cases) {
      const facets = libraryFacets(library.lib.db, filters);
      // Tags counted under every filter but the tag; authors under every filter but the author.
      const tagged = countBy(
        live.filter((article) => keeps(article, { ...filters, tag: undefined })).flatMap((a) => a.tags),
      );
      const signed = countBy(
        live.filter((article) => keeps(article, { ...filters, authorId: undefined })).flatMap((a) => a.authorIds),
      );
      expect(new Map(listed(facets.tags).map((tag) => [tag.name, tag.count])), JSON.stringify(filters)).toEqual(tagged);
      expect(
        new Map(listed(facets.authors).map((author) => [author.id as string, author.count])),
        JSON.stringify(filters),
      ).toEqual(signed);
      expect(facets.total).toBe(live.filter((article) => keeps(article, filters)).length);
      // Sections counted under every filter but the section; statuses under every filter but theirs.
      const bySection = countBy(
        live.filter((article) => keeps(article, { ...filters, section: undefined })).map((a) => a.section),
      );
      const byStatus = countBy(
        live.filter((article) => keeps(article, { ...filters, statuses: undefined })).map((a) => a.status),
      );
      expect(
        new Map(listed(facets.sections).map((entry) => [entry.name, entry.count])),
        JSON.stringify(filters),
      ).toEqual(bySection);
      expect(
        new Map(listed(facets.statuses).map((entry) => [entry.status, entry.count])),
        JSON.stringify(filters),
      ).toEqual(byStatus);
    }
  });
});
