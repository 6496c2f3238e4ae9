import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Article, ArticleId, Author, AuthorId } from '../../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../../shared/text';
import type { Unsaved } from '../../../../../renderer/features/article/ArticleSaver';
import {
  forgetKept,
  keptFrom,
  keptNewStories,
  mergeKept,
  readKept,
  stillUnsaved,
  writeKept,
  type KeptEdits,
  type ShownValues,
} from '../../../../../renderer/features/article/keptEdits';
import { newStoryArticle } from '../../../../../renderer/features/article/newStory';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as ArticleId;
const AMNA: Author = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as AuthorId, name: 'Amna Riaz', bio: '' };
const AT = new Date('2026-12-06T14:02:00Z');

function article(overrides: Partial<Article> = {}): Article {
  return { ...newStoryArticle(ID, 'ISLAMABAD'), version: 4, ...overrides };
}

function shown(overrides: Partial<ShownValues> = {}): ShownValues {
  const { headline, dek, authors, dateline, datelineDate, leadImage, section, tags, related } = article();
  return {
    headline,
    dek,
    authors,
    dateline,
    datelineDate,
    leadImage,
    leadImageCredit: '',
    section,
    tags,
    syndicationCredit: '',
    embargoUntil: null,
    publishAt: null,
    seoHeadline: '',
    socialHeadline: '',
    seoDescription: '',
    language: 'en',
    lengthTarget: null,
    slug: 'slug',
    slugLocked: false,
    status: 'draft',
    related,
    ...overrides,
  };
}

/** A window's storage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('keptFrom', () => {
  it('keeps every unsaved field as the window shows it, held text as typed, and the body', () => {
    const unsaved: Unsaved = {
      id: ID,
      version: 4,
      fields: { authorIds: [AMNA.id], dek: 'Ferries run again' },
      held: [
        { field: 'headline', path: [], label: 'the headline', message: 'The headline is too long.', text: null },
        { field: 'datelineDate', path: [], label: 'the dateline date', message: null, text: '6 Dec 20' },
      ],
      body: bodyFromParagraphs(['Typed while the disk was full.']),
    };
    const kept = keptFrom(unsaved, shown({ authors: [AMNA], dek: 'Ferries run again', headline: 'H'.repeat(600) }), AT);
    expect(kept).toEqual({
      articleId: ID,
      version: 4,
      at: '2026-12-06T14:02:00.000Z',
      values: { authors: [AMNA], dek: 'Ferries run again', headline: 'H'.repeat(600) },
      drafts: [{ field: 'datelineDate', text: '6 Dec 20', message: null }],
      body: bodyFromParagraphs(['Typed while the disk was full.']),
    });
  });
});

describe('mergeKept', () => {
  it('puts newer values over older ones and keeps what only the older had', () => {
    const older: KeptEdits = {
      articleId: ID,
      version: 4,
      at: '2026-12-06T14:02:00.000Z',
      values: { headline: 'Old', section: 'Local' },
      drafts: [{ field: 'slug', text: 'old-', message: null }],
      body: bodyFromParagraphs(['Older text.']),
    };
    const newer: KeptEdits = {
      ...older,
      at: '2026-12-06T14:10:00.000Z',
      values: { headline: 'New' },
      drafts: [],
      body: null,
    };
    expect(mergeKept(older, newer)).toEqual({
      ...newer,
      values: { headline: 'New', section: 'Local' },
      drafts: [{ field: 'slug', text: 'old-', message: null }],
      body: bodyFromParagraphs(['Older text.']),
    });
    expect(mergeKept(null, newer)).toBe(newer);
  });
});

describe('stillUnsaved', () => {
  const kept: KeptEdits = {
    articleId: ID,
    version: 4,
    at: AT.toISOString(),
    values: { headline: 'Harbour reopens', authors: [AMNA], section: 'Local' },
    drafts: [],
    body: bodyFromParagraphs(['Saved as the window closed.']),
  };

  it('offers only what the library does not have', () => {
    const stored = article({ headline: 'Harbour reopens', body: bodyFromParagraphs(['Saved as the window closed.']) });
    expect(stillUnsaved(kept, stored)).toEqual({ ...kept, values: { authors: [AMNA], section: 'Local' }, body: null });
  });

  it('offers nothing when a last save took it all', () => {
    const stored = article({
      headline: 'Harbour reopens',
      authors: [AMNA],
      section: 'Local',
      body: bodyFromParagraphs(['Saved as the window closed.']),
    });
    expect(stillUnsaved(kept, stored)).toBeNull();
    // Text typed in a box that never became a value is always offered.
    expect(stillUnsaved({ ...kept, drafts: [{ field: 'datelineDate', text: 'x', message: 'm' }] }, stored)).not.toBe(
      null,
    );
  });
});

describe('the window’s storage', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { localStorage: memoryStorage() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const kept = (articleId: string, version: number, at: string): KeptEdits => ({
    articleId,
    version,
    at,
    values: { headline: `Kept ${articleId}` },
    drafts: [],
    body: null,
  });

  it('keeps, reads back and forgets a story’s edits', () => {
    expect(writeKept(kept(ID, 4, AT.toISOString()))).toBe(true);
    expect(readKept(ID)).toEqual(kept(ID, 4, AT.toISOString()));
    forgetKept(ID);
    expect(readKept(ID)).toBeNull();
  });

  it('ignores what it cannot read rather than failing', () => {
    window.localStorage.setItem(`copydesk.unsaved.${ID}`, '{"not":"edits"}');
    expect(readKept(ID)).toBeNull();
    window.localStorage.setItem(`copydesk.unsaved.${ID}`, '{');
    expect(readKept(ID)).toBeNull();
  });

  it('says when the storage refuses (full)', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    vi.stubGlobal('window', { localStorage: full });
    expect(writeKept(kept(ID, 4, AT.toISOString()))).toBe(false);
  });

  it('lists new stories never stored, newest first', () => {
    writeKept(kept('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01', 0, '2026-12-06T10:00:00.000Z'));
    writeKept(kept('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02', 0, '2026-12-06T12:00:00.000Z'));
    writeKept(kept(ID, 4, '2026-12-06T13:00:00.000Z'));
    expect(keptNewStories()).toEqual(['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01']);
  });
});
