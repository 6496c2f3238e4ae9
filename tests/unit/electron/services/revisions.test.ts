import { describe, expect, it } from 'vitest';

import {
  createArticle,
  getArticle,
  saveArticle,
  statusHistory,
  trashArticle,
} from '../../../../electron/services/articles';
import { addImage } from '../../../../electron/services/assets';
import { createAuthor } from '../../../../electron/services/authors';
import {
  endEditingSession,
  getRevision,
  listRevisions,
  restoreRevision,
  saveVersion,
} from '../../../../electron/services/revisions';
import type { ArticlePatch } from '../../../../shared/api';
import type { Article } from '../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../shared/text';
import { pngImage } from '../../../helpers/images';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MISSING_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** What a restore brings back: everything a person edits except the status. */
function editedFields(article: Article) {
  return {
    headline: article.headline,
    dek: article.dek,
    body: article.body,
    bodyText: article.bodyText,
    wordCount: article.wordCount,
    byline: article.byline,
    authors: article.authors,
    dateline: article.dateline,
    datelineDate: article.datelineDate,
    leadImage: article.leadImage,
    syndicationCredit: article.syndicationCredit,
    language: article.language,
    lengthTarget: article.lengthTarget,
    section: article.section,
    tags: article.tags,
    related: article.related,
  };
}

function save(article: Article, patch: ArticlePatch, userName = ''): Article {
  clock.advance(60_000);
  return saveArticle(library.lib, article.id, article.version, patch, { clock, userName });
}

describe('the history of an article', () => {
  it('lists its revisions newest first, with kind, label, version, headline, word count and who kept them', () => {
    const created = createArticle(
      library.lib,
      { headline: 'Ferry', body: bodyFromParagraphs(['One two three.']) },
      { clock, userName: 'Maria Okafor' },
    );
    const editing = save(created, { status: 'editing' }, 'Omar Khan');
    clock.advance(60_000);
    const kept = saveVersion(library.lib, created.id, 'Sent to legal', clock(), ' Amna Riaz ');
    save(editing, { headline: 'Ferry trial', body: bodyFromParagraphs(['One two three four five.']) });
    clock.advance(1000);
    endEditingSession(library.lib, created.id, { clock });

    const listed = listRevisions(library.lib, created.id);
    expect(
      listed.map((r) => [r.kind, r.label, r.articleVersion, r.headline, r.wordCount, r.createdAt, r.createdBy]),
    ).toEqual([
      ['auto', 'On leaving the story', 3, 'Ferry trial', 5, '2026-03-02T09:03:01.000Z', ''],
      ['manual', 'Sent to legal', 2, 'Ferry', 3, '2026-03-02T09:02:00.000Z', 'Amna Riaz'],
      ['status', 'Status: editing', 2, 'Ferry', 3, '2026-03-02T09:01:00.000Z', 'Omar Khan'],
      ['created', '', 1, 'Ferry', 3, '2026-03-02T09:00:00.000Z', 'Maria Okafor'],
    ]);
    expect(listed[1]?.id).toBe(kept.id);
    expect(listed.every((r) => r.articleId === created.id)).toBe(true);
  });

  it('keeps the history of each article apart, and refuses an unknown article', () => {
    const a = createArticle(library.lib, { headline: 'A' }, { clock });
    createArticle(library.lib, { headline: 'B' }, { clock });
    expect(listRevisions(library.lib, a.id).map((r) => r.headline)).toEqual(['A']);
    expect(apiErrorFrom(() => listRevisions(library.lib, MISSING_ID)).code).toBe('not-found');
  });
});

describe('saving a version by hand', () => {
  it('keeps the article as it is now under the name given, with its text', () => {
    const article = createArticle(
      library.lib,
      { headline: 'Ferry', dek: 'A trial', body: bodyFromParagraphs(['First words.', 'Second paragraph.']) },
      { clock },
    );
    const editing = save(article, { status: 'editing' });
    clock.advance(1000);
    const kept = saveVersion(library.lib, article.id, 'Before the subs', clock());
    expect(kept).toMatchObject({
      articleId: article.id,
      articleVersion: editing.version,
      kind: 'manual',
      label: 'Before the subs',
      headline: 'Ferry',
      wordCount: 4,
      createdAt: '2026-03-02T09:01:01.000Z',
    });
    expect(getRevision(library.lib, kept.id)).toEqual({
      ...kept,
      dek: 'A trial',
      body: article.body,
      bodyText: 'First words.\n\nSecond paragraph.',
      status: 'editing',
    });
    expect(getArticle(library.lib, article.id)).toEqual(editing);
  });

  it('refuses an unknown article, and getting an unknown version', () => {
    expect(apiErrorFrom(() => saveVersion(library.lib, MISSING_ID, 'x')).code).toBe('not-found');
    expect(apiErrorFrom(() => getRevision(library.lib, MISSING_ID)).code).toBe('not-found');
  });
});

describe('restoring a version', () => {
  function storyWithHistory() {
    const maria = createAuthor(library.lib, 'Maria Okafor', '');
    const omar = createAuthor(library.lib, 'Omar Khan', '');
    const image = addImage(library.lib, 'quay.png', pngImage(3, 2));
    const original = createArticle(
      library.lib,
      {
        headline: 'Night ferry trial approved',
        dek: 'Crossings at 22:30.',
        body: bodyFromParagraphs(['The council approved the trial.']),
        authorIds: [maria.id, omar.id],
        dateline: 'PORT ELLIS',
        datelineDate: '2026-03-02',
        leadImage: { assetId: image.id, caption: 'The old quay.', credit: 'Amna Riaz' },
        syndicationCredit: 'With Reuters',
        language: 'en',
        lengthTarget: 400,
        section: 'Local',
        tags: ['transport', 'council'],
        related: [{ articleId: null, headline: 'Quay repairs begin', teaser: 'The old quay closes for a month.' }],
      },
      { clock },
    );
    clock.advance(1000);
    const kept = saveVersion(library.lib, original.id, 'As filed', clock());
    const rewritten = save(
      original,
      {
        headline: 'Ferry trial delayed',
        dek: 'No crossings before summer.',
        body: bodyFromParagraphs(['The trial is delayed.', 'Crews are short.']),
        authorIds: [omar.id],
        dateline: 'EASTPORT',
        datelineDate: '2026-03-09',
        leadImage: null,
        syndicationCredit: '',
        language: 'ur',
        lengthTarget: null,
        section: 'Transport',
        tags: ['ferry'],
        related: [],
        status: 'editing',
      },
      'Omar Khan',
    );
    return { original, kept, rewritten };
  }

  it('brings back the text and every structured field, keeps the status, and bumps the version', () => {
    const { original, kept, rewritten } = storyWithHistory();
    clock.advance(60_000);
    const restored = restoreRevision(library.lib, original.id, kept.id, rewritten.version, {
      clock,
      userName: 'Amna Riaz',
    });
    expect(editedFields(restored)).toEqual(editedFields(original));
    expect(restored).toMatchObject({
      status: 'editing',
      version: rewritten.version + 1,
      updatedAt: '2026-03-02T09:02:01.000Z',
    });
    expect(getArticle(library.lib, original.id)).toEqual(restored);
    expect(statusHistory(library.lib, original.id).map((c) => c.to)).toEqual(['editing']);
  });

  it('first keeps the text it replaces as a "restore" version, so the restore can be undone', () => {
    const { original, kept, rewritten } = storyWithHistory();
    clock.advance(60_000);
    const restored = restoreRevision(library.lib, original.id, kept.id, rewritten.version, { clock });

    const [newest] = listRevisions(library.lib, original.id);
    expect(newest).toMatchObject({
      kind: 'restore',
      articleVersion: rewritten.version,
      headline: 'Ferry trial delayed',
      createdAt: '2026-03-02T09:02:01.000Z',
    });
    expect(newest?.label).toContain('2026-03-02 09:00');
    const before = getRevision(library.lib, newest?.id ?? '');
    expect(before.body).toEqual(rewritten.body);
    expect(before.bodyText).toBe('The trial is delayed.\n\nCrews are short.');

    clock.advance(60_000);
    const undone = restoreRevision(library.lib, original.id, before.id, restored.version, { clock });
    expect(editedFields(undone)).toEqual(editedFields(rewritten));
  });

  it('refuses a version of the article that is out of date with a conflict, and changes nothing', () => {
    const { original, kept, rewritten } = storyWithHistory();
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() =>
      restoreRevision(library.lib, original.id, kept.id, rewritten.version - 1, { clock }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed elsewhere/);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('refuses a version of another article, or none, with not-found, and changes nothing', () => {
    const { original, rewritten } = storyWithHistory();
    const other = createArticle(library.lib, { headline: 'Lighthouse reopens' }, { clock });
    const [othersRevision] = listRevisions(library.lib, other.id);
    const before = dumpDatabase(library.lib.db);
    for (const revisionId of [othersRevision?.id ?? '', MISSING_ID]) {
      const error = apiErrorFrom(() =>
        restoreRevision(library.lib, original.id, revisionId, rewritten.version, { clock }),
      );
      expect(error.code).toBe('not-found');
    }
    expect(dumpDatabase(library.lib.db)).toEqual(before);
    expect(getArticle(library.lib, original.id)).toEqual(rewritten);
  });

  it('refuses an article in the trash', () => {
    const { original, kept, rewritten } = storyWithHistory();
    trashArticle(library.lib, original.id, clock);
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() => restoreRevision(library.lib, original.id, kept.id, rewritten.version, { clock }));
    expect(error.code).toBe('conflict');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});
