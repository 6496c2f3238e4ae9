import { describe, expect, it } from 'vitest';

import {
  createArticle,
  getArticle,
  listArticles,
  restoreArticle,
  saveArticle,
  search,
  statusHistory,
  trashArticle,
} from '../../../../electron/services/articles';
import { addImage } from '../../../../electron/services/assets';
import { contentHash } from '../../../../electron/db/contentHash';
import { findByContentHash } from '../../../../electron/db/queries/imports';
import { ArticleIdSchema } from '../../../../shared/domain';
import { bodyFromParagraphs, emptyBody } from '../../../../shared/text';
import { pngImage } from '../../../helpers/images';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MISSING_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function revisionsOf(id: string): { kind: string; article_version: number; label: string; headline: string }[] {
  return library.lib.db
    .prepare(
      'SELECT kind, article_version, label, headline FROM revisions WHERE article_id = ? ORDER BY created_at, rowid',
    )
    .all(id) as { kind: string; article_version: number; label: string; headline: string }[];
}

describe('creating an article', () => {
  it('starts at version 1 as a draft, with derived text, word count and a "created" revision', () => {
    const article = createArticle(
      library.lib,
      {
        headline: 'Night Ferry Trial Approved',
        body: bodyFromParagraphs(['The council approved it.', 'A six-month trial.']),
      },
      { clock },
    );
    expect(article).toMatchObject({
      version: 1,
      status: 'draft',
      slug: 'night-ferry-trial-approved',
      bodyText: 'The council approved it.\n\nA six-month trial.',
      wordCount: 7,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      trashedAt: null,
    });
    expect(revisionsOf(article.id)).toEqual([
      { kind: 'created', article_version: 1, label: '', headline: 'Night Ferry Trial Approved' },
    ]);
    expect(getArticle(library.lib, article.id)).toEqual(article);
  });

  it('gives each article a slug of its own: "x", then "x-2", then "x-3"', () => {
    const slugs = [1, 2, 3].map(() => createArticle(library.lib, { headline: 'Night ferry' }, { clock }).slug);
    expect(slugs).toEqual(['night-ferry', 'night-ferry-2', 'night-ferry-3']);
  });

  it('calls an article without a headline "untitled", and still keeps slugs unique', () => {
    const first = createArticle(library.lib, {}, { clock });
    const second = createArticle(library.lib, { headline: '???' }, { clock });
    expect([first.slug, second.slug]).toEqual(['untitled', 'untitled-2']);
    expect(first.body).toEqual(emptyBody());
    expect(first.wordCount).toBe(0);
  });

  it('trims tags and drops duplicates and empty ones, keeping their order', () => {
    const article = createArticle(
      library.lib,
      { tags: ['transport', ' council ', 'transport', '  ', 'council'] },
      { clock },
    );
    expect(article.tags).toEqual(['transport', 'council']);
  });
});

describe('saving an article', () => {
  it('bumps the version and recomputes the body text and word count on the server', () => {
    const created = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    clock.advance(1000);
    const saved = saveArticle(
      library.lib,
      created.id,
      1,
      { body: bodyFromParagraphs(['One two three.', 'Four five.']), dek: 'A dek', tags: ['a', 'b'] },
      { clock },
    );
    expect(saved).toMatchObject({
      version: 2,
      bodyText: 'One two three.\n\nFour five.',
      wordCount: 5,
      dek: 'A dek',
      tags: ['a', 'b'],
      headline: 'Ferry',
      updatedAt: '2026-03-02T09:00:01.000Z',
      createdAt: created.createdAt,
    });
    expect(getArticle(library.lib, created.id)).toEqual(saved);
    expect(saveArticle(library.lib, created.id, 2, { headline: 'Ferry II' }, { clock }).version).toBe(3);
  });

  it('refuses a save based on an old version with a conflict, and leaves the stored article as it was', () => {
    const created = createArticle(
      library.lib,
      { headline: 'Ferry', body: bodyFromParagraphs(['Original text.']) },
      { clock },
    );
    const newer = saveArticle(library.lib, created.id, 1, { body: bodyFromParagraphs(['Newer text.']) }, { clock });
    const before = dumpDatabase(library.lib.db);

    const error = apiErrorFrom(() =>
      saveArticle(
        library.lib,
        created.id,
        1,
        { headline: 'Stale', body: bodyFromParagraphs(['Stale text.']) },
        { clock },
      ),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed elsewhere.*version 2.*version 1/);
    expect(getArticle(library.lib, created.id)).toEqual(newer);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('refuses to save an article that is in the trash', () => {
    const created = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    trashArticle(library.lib, created.id, clock);
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() => saveArticle(library.lib, created.id, 1, { headline: 'Edited' }, { clock }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/trash/);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('lets the slug follow the headline while a draft, and fixes it once the status leaves draft', () => {
    createArticle(library.lib, { headline: 'Ferry delayed' }, { clock });
    const article = createArticle(library.lib, { headline: 'Ferry trial' }, { clock });
    let saved = saveArticle(library.lib, article.id, 1, { headline: 'Night ferry trial approved' }, { clock });
    expect(saved.slug).toBe('night-ferry-trial-approved');
    saved = saveArticle(library.lib, article.id, saved.version, { headline: 'Ferry delayed' }, { clock });
    expect(saved.slug).toBe('ferry-delayed-2');
    saved = saveArticle(library.lib, article.id, saved.version, { dek: 'Same headline, same slug' }, { clock });
    expect(saved.slug).toBe('ferry-delayed-2');

    saved = saveArticle(library.lib, article.id, saved.version, { status: 'editing' }, { clock });
    saved = saveArticle(
      library.lib,
      article.id,
      saved.version,
      { headline: 'Ferry trial extended to summer' },
      { clock },
    );
    expect(saved.headline).toBe('Ferry trial extended to summer');
    expect(saved.slug).toBe('ferry-delayed-2');
  });

  it('writes a "status" revision when the status changes', () => {
    const article = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    clock.advance(1000);
    saveArticle(library.lib, article.id, 1, { status: 'fact-check' }, { clock });
    expect(revisionsOf(article.id).map((r) => [r.kind, r.article_version, r.label])).toEqual([
      ['created', 1, ''],
      ['status', 2, 'Status: fact-check'],
    ]);
  });
});

describe('duplicate detection', () => {
  it('knows the text of articles written in the app, and follows their edits', () => {
    const body = bodyFromParagraphs(['The harbour council approved the trial.']);
    const article = createArticle(library.lib, { headline: 'Night ferry', body }, { clock });
    const firstHash = contentHash('Night ferry', 'The harbour council approved the trial.');
    expect(findByContentHash(library.lib.db, firstHash)?.id).toBe(article.id);

    saveArticle(library.lib, article.id, 1, { headline: 'Night ferry trial' }, { clock });
    expect(findByContentHash(library.lib.db, firstHash)).toBeUndefined();
    const secondHash = contentHash('Night ferry trial', 'The harbour council approved the trial.');
    expect(findByContentHash(library.lib.db, secondHash)?.id).toBe(article.id);
  });
});

describe('the trash', () => {
  it('takes an article out of the library and search, and restores it', () => {
    const article = createArticle(
      library.lib,
      { headline: 'Ferry trial', body: bodyFromParagraphs(['ferry']) },
      { clock },
    );
    clock.advance(5000);
    const trashed = trashArticle(library.lib, article.id, clock);
    expect(trashed.trashedAt).toBe('2026-03-02T09:00:05.000Z');
    expect(listArticles(library.lib, { offset: 0, limit: 50, trashed: false })).toEqual({ items: [], total: 0 });
    expect(listArticles(library.lib, { offset: 0, limit: 50, trashed: true }).items.map((a) => a.id)).toEqual([
      article.id,
    ]);
    expect(search(library.lib, 'ferry', 20).hits).toEqual([]);

    const restored = restoreArticle(library.lib, article.id, clock);
    expect(restored.trashedAt).toBeNull();
    expect(listArticles(library.lib, { offset: 0, limit: 50, trashed: false }).total).toBe(1);
    expect(listArticles(library.lib, { offset: 0, limit: 50, trashed: true }).total).toBe(0);
    expect(search(library.lib, 'ferry', 20).hits.map((h) => h.id)).toEqual([article.id]);
    expect(saveArticle(library.lib, article.id, restored.version, { headline: 'Back' }, { clock }).headline).toBe(
      'Back',
    );
  });
});

describe('listing the library', () => {
  it('sorts by last update, newest first, and pages with offset, limit and total', () => {
    const a = createArticle(library.lib, { headline: 'A' }, { clock });
    clock.advance(60_000);
    const b = createArticle(library.lib, { headline: 'B' }, { clock });
    clock.advance(60_000);
    const c = createArticle(library.lib, { headline: 'C' }, { clock });
    clock.advance(60_000);
    saveArticle(library.lib, a.id, 1, { dek: 'touched' }, { clock });

    const page = (offset: number, limit: number) => listArticles(library.lib, { offset, limit, trashed: false });
    expect(page(0, 50).items.map((x) => x.headline)).toEqual(['A', 'C', 'B']);
    expect(page(1, 1)).toMatchObject({ items: [{ id: c.id }], total: 3 });
    expect(page(2, 5).items.map((x) => x.id)).toEqual([b.id]);
    expect(page(3, 5)).toEqual({ items: [], total: 3 });
  });

  it('keeps a stable order for articles updated at the same instant', () => {
    const ids = [1, 2, 3].map((n) => createArticle(library.lib, { headline: `Same time ${n}` }, { clock }).id);
    expect(listArticles(library.lib, { offset: 0, limit: 50, trashed: false }).items.map((a) => a.id)).toEqual(
      [...ids].reverse(),
    );
  });
});

describe('unknown articles', () => {
  it.each([
    ['get', () => getArticle(library.lib, MISSING_ID)],
    ['save', () => saveArticle(library.lib, MISSING_ID, 1, { headline: 'x' }, { clock })],
    ['trash', () => trashArticle(library.lib, MISSING_ID, clock)],
    ['restore', () => restoreArticle(library.lib, MISSING_ID, clock)],
  ])('%s refuses with not-found, naming the id', (_name, action) => {
    const error = apiErrorFrom(action);
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(MISSING_ID);
  });
});

describe('a slug set by hand', () => {
  it('is kept when the headline changes, even in a draft, and marks the article slugLocked', () => {
    const article = createArticle(library.lib, { headline: 'Ferry trial' }, { clock });
    expect(article.slugLocked).toBe(false);
    let saved = saveArticle(library.lib, article.id, 1, { slug: 'night-ferry' }, { clock });
    expect(saved).toMatchObject({ slug: 'night-ferry', slugLocked: true, status: 'draft' });
    saved = saveArticle(
      library.lib,
      article.id,
      saved.version,
      { headline: 'Council approves ferry trial' },
      { clock },
    );
    expect(saved).toMatchObject({ headline: 'Council approves ferry trial', slug: 'night-ferry', slugLocked: true });
    expect(getArticle(library.lib, article.id).slug).toBe('night-ferry');
  });

  it('can be given when the article is created', () => {
    const article = createArticle(library.lib, { headline: 'Ferry trial', slug: 'ferry' }, { clock });
    expect(article).toMatchObject({ slug: 'ferry', slugLocked: true });
  });

  it('may repeat the slug the article already has', () => {
    const article = createArticle(library.lib, { headline: 'Ferry trial' }, { clock });
    const saved = saveArticle(library.lib, article.id, 1, { slug: 'ferry-trial' }, { clock });
    expect(saved).toMatchObject({ slug: 'ferry-trial', slugLocked: true, version: 2 });
  });

  it('is refused with a conflict naming it when another article uses it, and nothing changes', () => {
    createArticle(library.lib, { headline: 'Night ferry' }, { clock });
    const article = createArticle(library.lib, { headline: 'Ferry trial' }, { clock });
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() =>
      saveArticle(library.lib, article.id, 1, { slug: 'night-ferry', headline: 'Changed' }, { clock }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"night-ferry" is already used by another article');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('stops a new article from taking it by headline', () => {
    const first = createArticle(library.lib, { headline: 'Ferry trial' }, { clock });
    saveArticle(library.lib, first.id, 1, { slug: 'night-ferry' }, { clock });
    expect(createArticle(library.lib, { headline: 'Night ferry' }, { clock }).slug).toBe('night-ferry-2');
  });
});

describe('status changes', () => {
  it('records who changed the status and when, oldest first', () => {
    const article = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    clock.advance(60_000);
    saveArticle(library.lib, article.id, 1, { status: 'editing' }, { clock, userName: 'Amna Riaz' });
    clock.advance(60_000);
    saveArticle(library.lib, article.id, 2, { headline: 'Ferry trial' }, { clock, userName: 'Omar Khan' });
    clock.advance(60_000);
    saveArticle(library.lib, article.id, 3, { status: 'fact-check' }, { clock, userName: 'Omar Khan' });
    clock.advance(60_000);
    saveArticle(library.lib, article.id, 4, { status: 'editing' }, { clock, userName: 'Maria Okafor' });
    clock.advance(60_000);
    saveArticle(library.lib, article.id, 5, { status: 'editing', dek: 'Same status' }, { clock, userName: 'X' });

    expect(statusHistory(library.lib, article.id)).toEqual([
      { from: 'draft', to: 'editing', changedBy: 'Amna Riaz', changedAt: '2026-03-02T09:01:00.000Z' },
      { from: 'editing', to: 'fact-check', changedBy: 'Omar Khan', changedAt: '2026-03-02T09:03:00.000Z' },
      { from: 'fact-check', to: 'editing', changedBy: 'Maria Okafor', changedAt: '2026-03-02T09:04:00.000Z' },
    ]);
  });

  it('lists nothing for an article whose status never changed, and refuses an unknown article', () => {
    const article = createArticle(library.lib, { headline: 'Ferry', status: 'editing' }, { clock });
    expect(statusHistory(library.lib, article.id)).toEqual([]);
    const error = apiErrorFrom(() => statusHistory(library.lib, MISSING_ID));
    expect(error.code).toBe('not-found');
  });

  it('leaves no record when the save that changes the status is refused', () => {
    const article = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    saveArticle(library.lib, article.id, 1, { dek: 'Newer' }, { clock });
    apiErrorFrom(() => saveArticle(library.lib, article.id, 1, { status: 'ready' }, { clock, userName: 'Amna Riaz' }));
    expect(statusHistory(library.lib, article.id)).toEqual([]);
    expect(getArticle(library.lib, article.id).status).toBe('draft');
  });
});

describe('the structured fields of a story', () => {
  it('start empty, in English, with no length target', () => {
    const article = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    expect(article).toMatchObject({
      byline: '',
      authors: [],
      dateline: '',
      datelineDate: '',
      leadImage: null,
      syndicationCredit: '',
      language: 'en',
      lengthTarget: null,
      slugLocked: false,
    });
  });

  it('are saved and read back, and a length target of null clears it', () => {
    const article = createArticle(library.lib, { headline: 'Ferry', lengthTarget: 400 }, { clock });
    expect(article.lengthTarget).toBe(400);
    const saved = saveArticle(
      library.lib,
      article.id,
      1,
      { dateline: 'ISLAMABAD', datelineDate: '2026-03-02', syndicationCredit: 'With AFP', language: 'ur' },
      { clock },
    );
    expect(saved).toMatchObject({
      dateline: 'ISLAMABAD',
      datelineDate: '2026-03-02',
      syndicationCredit: 'With AFP',
      language: 'ur',
      lengthTarget: 400,
    });
    const cleared = saveArticle(library.lib, article.id, 2, { lengthTarget: null }, { clock });
    expect(cleared.lengthTarget).toBeNull();
    expect(getArticle(library.lib, article.id)).toMatchObject({ lengthTarget: null, language: 'ur' });
    expect(saveArticle(library.lib, article.id, 3, { headline: 'Ferry trial' }, { clock }).lengthTarget).toBeNull();
  });
});

describe('the related list', () => {
  it('keeps its order, shows a linked article’s current headline, and marks one in the trash', () => {
    const earlier = createArticle(library.lib, { headline: 'Ferry strike ends' });
    const story = createArticle(library.lib, {
      headline: 'Ferries back on time',
      related: [
        { articleId: null, headline: 'Harbour dredging delayed', teaser: 'Work is pushed to spring.' },
        { articleId: earlier.id, headline: 'Ferry strike ends', teaser: 'Crews accept the offer.' },
      ],
    });
    saveArticle(library.lib, earlier.id, 1, { headline: 'Ferry strike ends after nine days' });
    trashArticle(library.lib, earlier.id);

    expect(getArticle(library.lib, story.id).related).toEqual([
      { articleId: null, headline: 'Harbour dredging delayed', teaser: 'Work is pushed to spring.', trashed: false },
      {
        articleId: earlier.id,
        headline: 'Ferry strike ends after nine days',
        teaser: 'Crews accept the offer.',
        trashed: true,
      },
    ]);

    const reordered = saveArticle(library.lib, story.id, 1, { related: [...story.related].reverse() });
    expect(reordered.related.map((item) => item.teaser)).toEqual([
      'Crews accept the offer.',
      'Work is pushed to spring.',
    ]);
  });

  it('refuses a link to an unknown article or to the article itself, and changes nothing', () => {
    const story = createArticle(library.lib, { headline: 'Ferries back on time' });
    const unknown = apiErrorFrom(() =>
      saveArticle(library.lib, story.id, 1, {
        related: [{ articleId: ArticleIdSchema.parse(MISSING_ID), headline: 'Gone', teaser: '' }],
      }),
    );
    expect(unknown.message).toBe(
      'A related article is not in this library any more. Remove it from the related list, or choose it again.',
    );
    const itself = apiErrorFrom(() =>
      saveArticle(library.lib, story.id, 1, { related: [{ articleId: story.id, headline: 'Itself', teaser: '' }] }),
    );
    expect(itself.message).toBe('An article cannot be related to itself.');
    expect(getArticle(library.lib, story.id)).toMatchObject({ version: 1, related: [] });
  });
});

describe('a lead image credit kept without its picture', () => {
  it('is kept on the article, goes to the picture added, and comes back to be kept when the picture is removed', () => {
    const article = createArticle(library.lib, { headline: 'Talks', leadImageCredit: 'MOFA Pakistan' }, { clock });
    expect(article).toMatchObject({ leadImage: null, leadImageCredit: 'MOFA Pakistan' });
    const asset = addImage(library.lib, 'talks.png', pngImage(40, 30));

    const pictured = saveArticle(
      library.lib,
      article.id,
      1,
      { leadImage: { assetId: asset.id, caption: 'Delegates in Moscow', credit: '' } },
      { clock },
    );
    expect(pictured.leadImage).toMatchObject({ caption: 'Delegates in Moscow', credit: 'MOFA Pakistan' });
    expect(pictured.leadImageCredit).toBe('');
    // While there is a picture, a kept credit is no separate thing.
    expect(saveArticle(library.lib, article.id, 2, { leadImageCredit: 'Other' }, { clock }).leadImageCredit).toBe('');

    const removed = saveArticle(library.lib, article.id, 3, { leadImage: null }, { clock });
    expect(removed).toMatchObject({ leadImage: null, leadImageCredit: 'MOFA Pakistan' });
    // A picture that comes with its own credit keeps it.
    const own = saveArticle(
      library.lib,
      article.id,
      4,
      { leadImage: { assetId: asset.id, caption: '', credit: 'AP' } },
      { clock },
    );
    expect(own).toMatchObject({ leadImage: { credit: 'AP' }, leadImageCredit: '' });
    expect(getArticle(library.lib, article.id)).toMatchObject({ leadImage: { credit: 'AP' }, leadImageCredit: '' });
  });
});
