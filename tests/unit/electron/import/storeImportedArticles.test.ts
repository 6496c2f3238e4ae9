import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Db } from '../../../../electron/db/connection';
import { blankImport } from '../../../../electron/import/importedArticle';
import type { ImportedArticle } from '../../../../electron/import/importedArticle';
import type { StoreOutcome } from '../../../../electron/import/storeImportedArticle';
import { storeImportedArticle, storeImportedArticles } from '../../../../electron/import/storeImportedArticle';
import { search } from '../../../../electron/services/articles';
import { listRevisions } from '../../../../electron/services/revisions';
import { bodyFromParagraphs } from '../../../../shared/text';
import { dumpDatabase, manualClock, openTempLibrary } from '../../../helpers/library';

let one: ReturnType<typeof openTempLibrary>;
let batch: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  one = openTempLibrary();
  batch = openTempLibrary();
});
afterEach(() => {
  one.close();
  batch.close();
});

function imported(headline: string, paragraphs: string[], extra: Partial<ImportedArticle> = {}): ImportedArticle {
  return { ...blankImport('text', bodyFromParagraphs(paragraphs)), headline, ...extra };
}

/**
 * A made-up archive: articles with authors and tags, one linking to an earlier one of the same
 * batch by an Also See line, one repeating an earlier one's text, and one refused (its headline
 * is too long) after it has added an author of its own.
 */
function archive(): { imported: ImportedArticle; fileName: string }[] {
  const files: [string, ImportedArticle][] = [
    [
      'ferry.txt',
      imported('Night ferry trial approved', ['The council voted for a night ferry.', 'Crossings start in May.'], {
        authors: [{ name: 'News Desk', bio: 'The desk.' }],
        tags: ['transport', 'council'],
        section: 'Local',
      }),
    ],
    [
      'bridge.txt',
      imported(
        'Bridge reopens after repairs',
        ['Traffic crossed the bridge again.', 'Also See: Night ferry trial approved'],
        {
          tags: ['transport'],
        },
      ),
    ],
    [
      'ferry-again.txt',
      imported('NIGHT FERRY TRIAL APPROVED', ['The council  voted for a night ferry.', 'Crossings start in May.']),
    ],
    [
      'runaway.txt',
      imported('A'.repeat(600), ['A headline far too long.'], { authors: [{ name: 'Stringer', bio: '' }] }),
    ],
    [
      'harbour.txt',
      imported('Harbour dredging to begin', ['Dredgers arrive on Monday.'], {
        authors: [
          { name: 'Stringer', bio: 'Freelance.' },
          { name: 'News Desk', bio: '' },
        ],
        dek: 'The channel is silting up.',
      }),
    ],
  ];
  return files.map(([fileName, article]) => ({ imported: article, fileName }));
}

/**
 * The library's rows with every generated identifier named after what it identifies (an article
 * by its place in the library, an author by name, a version by its article and number), the
 * search index's own tables left out: they hold the same words laid out in other segments.
 */
function rowsOf(db: Db): Record<string, string[]> {
  const names = new Map<string, string>();
  for (const row of db.prepare('SELECT id, seq FROM articles').all() as { id: string; seq: number }[]) {
    names.set(row.id, `article-${row.seq}`);
  }
  for (const row of db.prepare('SELECT id, name FROM authors').all() as { id: string; name: string }[]) {
    names.set(row.id, `author-${row.name}`);
  }
  const revisions = db.prepare('SELECT id, article_id, article_version FROM revisions').all() as {
    id: string;
    article_id: string;
    article_version: number;
  }[];
  for (const row of revisions) names.set(row.id, `version-${names.get(row.article_id)}-${row.article_version}`);
  const rename = (text: string) =>
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? id);
  // Authors are added at the time of the run, whatever the import's clock says.
  const runTime = (text: string) =>
    text.replace(/"(created|updated)_at":"(?!2026-03-02T09:00)[^"]*"/g, '"$1_at":"now"');
  const dump = dumpDatabase(db);
  return Object.fromEntries(
    Object.entries(dump)
      .filter(([table]) => !table.startsWith('articles_fts'))
      .map(([table, rows]) => [table, rows.map((row) => runTime(rename(row))).sort()]),
  );
}

/** An outcome as a person reads it in the import's report, with the article it names by headline. */
function described(outcome: StoreOutcome | Error, db: Db): string {
  if (outcome instanceof Error) return `failed: ${outcome.message}`;
  const headline = (id: string) => db.prepare('SELECT headline FROM articles WHERE id = ?').pluck().get(id) as string;
  if (outcome.kind === 'duplicate') return `duplicate of ${headline(outcome.existingId)}`;
  return `imported ${headline(outcome.id)}; unlinked ${outcome.unlinkedAlsoSee.join()}; ${outcome.notes.join(' ')}`;
}

describe('storeImportedArticles', () => {
  it('stores the same rows, versions and search index as storing the articles one by one', () => {
    const items = archive();
    const context = { clock: manualClock('2026-03-02T09:00:00.000Z'), userName: 'Amna', analyseLater: true };
    const separately = items.map((item) => {
      try {
        return storeImportedArticle(one.lib, item.imported, item.fileName, context);
      } catch (error) {
        return error as Error;
      }
    });
    const together = storeImportedArticles(batch.lib, items, context);

    expect(together.map((outcome) => described(outcome, batch.lib.db))).toEqual(
      separately.map((outcome) => described(outcome, one.lib.db)),
    );
    expect(together.map((outcome) => (outcome instanceof Error ? 'failed' : outcome.kind))).toEqual([
      'imported',
      'imported',
      'duplicate',
      'failed',
      'imported',
    ]);
    expect(rowsOf(batch.lib.db)).toEqual(rowsOf(one.lib.db));

    // Each article's first version, as the History panel lists it.
    const versions = (lib: typeof one.lib, outcomes: (StoreOutcome | Error)[]) =>
      outcomes.flatMap((outcome) =>
        outcome instanceof Error || outcome.kind !== 'imported'
          ? []
          : listRevisions(lib, outcome.id).map((version) => [
              version.kind,
              version.headline,
              version.wordCount,
              version.createdBy,
            ]),
      );
    expect(versions(batch.lib, together)).toEqual(versions(one.lib, separately));
    expect(versions(batch.lib, together)).toHaveLength(3);

    // The search index: whole and finding the same articles in the same order.
    for (const db of [one.lib.db, batch.lib.db]) {
      expect(() =>
        db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"),
      ).not.toThrow();
    }
    for (const query of ['ferry', 'transport', 'dredg', 'bridge traffic', 'silting', 'runaway']) {
      const headlines = (lib: typeof one.lib) => search(lib, query, 20).hits.map((hit) => hit.headline);
      expect(headlines(batch.lib), query).toEqual(headlines(one.lib));
    }
    // The repeated text is not stored twice; the Also See line became a link to its article.
    expect(search(batch.lib, 'ferry', 20).hits.map((hit) => hit.headline)).toEqual(['Night ferry trial approved']);
    const body = (headline: string) =>
      JSON.parse(
        batch.lib.db.prepare('SELECT body_json FROM articles WHERE headline = ?').pluck().get(headline) as string,
      ) as { root: { children: { type: string; articleId?: string }[] } };
    const ferry = batch.lib.db.prepare("SELECT id FROM articles WHERE headline LIKE 'Night ferry%'").pluck().get();
    expect(body('Bridge reopens after repairs').root.children[1]).toEqual({
      type: 'also-see',
      version: 1,
      articleId: ferry,
    });
  });

  it('with a time to keep to, stores the front of the batch and leaves the rest for the next call, to the same end', () => {
    const items = archive();
    const context = { clock: manualClock('2026-03-02T09:00:00.000Z'), userName: 'Amna', analyseLater: true };
    const together = storeImportedArticles(one.lib, items, context);
    // No time at all: each call still takes one article, and the failed one only its own call.
    const inTurn: (StoreOutcome | Error)[] = [];
    const calls: number[] = [];
    while (inTurn.length < items.length) {
      const outcomes = storeImportedArticles(batch.lib, items.slice(inTurn.length), context, 0);
      calls.push(outcomes.length);
      inTurn.push(...outcomes);
    }
    expect(calls).toEqual(items.map(() => 1));
    expect(inTurn.map((outcome) => described(outcome, batch.lib.db))).toEqual(
      together.map((outcome) => described(outcome, one.lib.db)),
    );
    expect(rowsOf(batch.lib.db)).toEqual(rowsOf(one.lib.db));
  });

  it('lets a failure keep out only its own article, wherever it falls in the batch', () => {
    const items = archive();
    for (const failing of [0, 2, items.length - 1]) {
      const library = openTempLibrary();
      try {
        const refused = { ...items[3], imported: imported('B'.repeat(600), ['Too long a headline.']) };
        const mixed = items.filter((_, index) => index !== 3);
        mixed.splice(failing, 0, refused as (typeof items)[number]);
        const outcomes = storeImportedArticles(library.lib, mixed);
        expect(outcomes.map((outcome) => outcome instanceof Error)).toEqual(mixed.map((_, index) => index === failing));
        const stored = library.lib.db.prepare('SELECT headline FROM articles ORDER BY seq').pluck().all();
        expect(stored).toEqual(
          mixed.flatMap((item, index) =>
            index === failing || item.fileName === 'ferry-again.txt' ? [] : [item.imported.headline],
          ),
        );
      } finally {
        library.close();
      }
    }
  });
});
