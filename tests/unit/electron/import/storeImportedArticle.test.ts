import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { contentHash } from '../../../../electron/db/contentHash';
import { blankImport } from '../../../../electron/import/importedArticle';
import type { ImportedArticle } from '../../../../electron/import/importedArticle';
import { storeImportedArticle } from '../../../../electron/import/storeImportedArticle';
import { findArticleByHeadline } from '../../../../electron/services/imports';
import { getImportRecord } from '../../../../electron/db/queries/imports';
import { createArticle, getArticle, trashArticle } from '../../../../electron/services/articles';
import { createAuthor } from '../../../../electron/services/authors';
import { bodyFromParagraphs } from '../../../../shared/text';
import { dumpDatabase, manualClock, openTempLibrary } from '../../../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

function imported(headline: string, paragraphs: string[], extra: Partial<ImportedArticle> = {}): ImportedArticle {
  return { ...blankImport('text', bodyFromParagraphs(paragraphs)), headline, ...extra };
}

/** Fields an importer reads that the article keeps as they are. */
const FIELDS = {
  dek: 'A trial.',
  dateline: 'PORT ELLIS',
  datelineDate: '2026-03-01',
  language: 'en-GB',
  section: 'Local',
  tags: ['transport'],
  syndicationCredit: 'Sourced from Arab News',
};

describe('storeImportedArticle', () => {
  it('creates the article with every field, its authors, content hash and import record', () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const outcome = storeImportedArticle(
      library.lib,
      imported('Night ferry trial approved', ['The council voted.'], {
        ...FIELDS,
        authors: [{ name: 'News Desk', bio: 'The desk.' }],
        leadImage: { url: '', caption: '', credit: 'MOFA Pakistan' },
        source: { url: 'https://news.example/a', siteName: 'News', publishedTime: '2026-03-01T08:00:00Z' },
      }),
      'ferry.txt',
      { clock, userName: 'Amna' },
    );
    expect(outcome.kind).toBe('imported');
    if (outcome.kind !== 'imported') return;
    const article = getArticle(library.lib, outcome.id);
    expect(article).toMatchObject({
      headline: 'Night ferry trial approved',
      ...FIELDS,
      byline: 'News Desk',
      authors: [{ name: 'News Desk', bio: 'The desk.' }],
      leadImage: null,
      leadImageCredit: 'MOFA Pakistan',
      bodyText: 'The council voted.',
      status: 'draft',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(getImportRecord(library.lib.db, outcome.id)).toEqual({
      articleId: outcome.id,
      fileName: 'ferry.txt',
      format: 'text',
      sourceUrl: 'https://news.example/a',
      siteName: 'News',
      publishedAt: '2026-03-01T08:00:00Z',
      leadImageUrl: '',
      leadImageCredit: 'MOFA Pakistan',
      leadImageCaption: '',
      importedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(outcome.notes.join(' ')).toMatch(/lead image credit \("MOFA Pakistan"\) but has no picture/);
    const stored = library.lib.db.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck().get(outcome.id);
    expect(stored).toBe(contentHash('Night ferry trial approved', 'The council voted.'));
  });

  it('uses the library’s author of that name, keeping their bio', () => {
    const existing = createAuthor(library.lib, 'News Desk', 'Our bio.');
    const outcome = storeImportedArticle(
      library.lib,
      imported('H', ['B'], { authors: [{ name: 'News Desk', bio: 'Another bio.' }] }),
      'f.txt',
    );
    if (outcome.kind !== 'imported') throw new Error('not imported');
    expect(getArticle(library.lib, outcome.id).authors).toEqual([existing]);
  });

  it('links "Also See" to the live article with exactly that headline, ignoring case, and reports the rest', () => {
    const target = createArticle(library.lib, { headline: 'Russia Warns UN: ISIS May Have Access to U.S. Weapons' });
    const longer = createArticle(library.lib, {
      headline: 'Russia Warns UN: ISIS May Have Access to U.S. Weapons Again',
    });
    const trashed = createArticle(library.lib, { headline: 'Ferry fares frozen' });
    trashArticle(library.lib, trashed.id);
    const outcome = storeImportedArticle(
      library.lib,
      imported('H', [
        'Before.',
        'Also See: russia warns un: isis may have access to u.s. weapons',
        'Also See: Ferry fares frozen',
        'Also See: Nothing like this',
        'After.',
      ]),
      'f.txt',
    );
    if (outcome.kind !== 'imported') throw new Error('not imported');
    expect(outcome.unlinkedAlsoSee).toEqual(['Ferry fares frozen', 'Nothing like this']);
    const body = getArticle(library.lib, outcome.id).body.root.children;
    expect(body[1]).toEqual({ type: 'also-see', version: 1, articleId: target.id });
    expect(body.map((node) => node.type)).toEqual(['paragraph', 'also-see', 'paragraph', 'paragraph', 'paragraph']);
    expect(findArticleByHeadline(library.lib, longer.headline.toUpperCase())).toBe(longer.id);
  });

  it('skips an article whose text is already in the library, even in the trash, changing nothing', () => {
    const first = storeImportedArticle(library.lib, imported('Ferry', ['One  two', 'Three']), 'a.txt');
    if (first.kind !== 'imported') throw new Error('not imported');
    trashArticle(library.lib, first.id);
    const before = dumpDatabase(library.lib.db);
    const again = storeImportedArticle(library.lib, imported('FERRY', ['one two', 'three']), 'b.txt');
    expect(again).toEqual({
      kind: 'duplicate',
      existingId: first.id,
      existingHeadline: 'Ferry',
      existingTrashed: true,
    });
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('uses a requested slug when it is free, and makes one when it is taken', () => {
    createArticle(library.lib, { headline: 'Other', slug: 'night-ferry' });
    const outcome = storeImportedArticle(library.lib, imported('Night ferry', ['B'], { slug: 'night-ferry' }), 'f.md');
    if (outcome.kind !== 'imported') throw new Error('not imported');
    expect(getArticle(library.lib, outcome.id).slug).toBe('night-ferry-2');
    expect(outcome.notes.join(' ')).toMatch(/slug "night-ferry" is used by another article/);
  });

  it('refuses an article too large for the editor and stores nothing of it', () => {
    const before = dumpDatabase(library.lib.db);
    const huge = Array.from({ length: 60_000 }, (_, i) => `Paragraph ${i} of a runaway file.`);
    expect(() =>
      storeImportedArticle(
        library.lib,
        imported('Huge', huge, { authors: [{ name: 'New Person', bio: '' }] }),
        'huge.txt',
      ),
    ).toThrow('huge.txt is too large to import: its text would be more than 8 MB of editor data.');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});
