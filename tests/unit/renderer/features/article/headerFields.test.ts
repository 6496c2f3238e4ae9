import { describe, expect, it } from 'vitest';

import type { ArticleId, Asset, AssetId, Author, AuthorId, LeadImage } from '../../../../../shared/domain';
import { headerValuesOf } from '../../../../../renderer/features/article/ArticleHeader';
import {
  headerFieldsReducer,
  initialHeaderFields,
  isDiscrete,
  relatedPatch,
  toFieldPatch,
  type HeaderFields,
} from '../../../../../renderer/features/article/headerFields';
import { newStoryArticle } from '../../../../../renderer/features/article/newStory';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as ArticleId;
const AMNA: Author = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as AuthorId, name: 'Amna Riaz', bio: '' };
const BILAL: Author = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d' as AuthorId, name: 'Bilal Khan', bio: '' };

function picture(id: string): LeadImage {
  const asset: Asset = {
    id: id as AssetId,
    sha256: 'a'.repeat(64),
    mimeType: 'image/jpeg',
    byteLength: 2048,
    width: 1200,
    height: 800,
    originalName: 'ferry.jpg',
    createdAt: '2026-12-06T14:02:00.000Z',
  };
  return {
    asset,
    caption: 'The ferry at dawn',
    credit: 'Reuters',
    altText: 'A white ferry at a quay under a pale sky',
  };
}

function opened(): HeaderFields {
  const article = { ...newStoryArticle(ID, 'ISLAMABAD'), headline: 'Ferry capsizes', slug: 'ferry-capsizes' };
  return initialHeaderFields(headerValuesOf(article), []);
}

describe('the header fields as a save sends them', () => {
  it('sends the authors by id, the lead picture by its asset, and plain fields as they are', () => {
    const image = picture('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60');
    expect(toFieldPatch({ headline: 'Ferry capsizes', authors: [AMNA, BILAL], leadImage: image })).toEqual({
      headline: 'Ferry capsizes',
      authorIds: [AMNA.id, BILAL.id],
      leadImage: {
        assetId: image.asset.id,
        caption: 'The ferry at dawn',
        credit: 'Reuters',
        altText: 'A white ferry at a quay under a pale sky',
      },
    });
    expect(toFieldPatch({ leadImage: null })).toEqual({ leadImage: null });
    expect(toFieldPatch({ dek: 'Twelve rescued' })).toEqual({ dek: 'Twelve rescued' });
  });

  it('sends the related list without what only the window shows (whether an article is in the trash)', () => {
    expect(relatedPatch([{ articleId: ID, headline: 'Earlier ferry', teaser: 'In March', trashed: true }])).toEqual({
      related: [{ articleId: ID, headline: 'Earlier ferry', teaser: 'In March' }],
    });
  });

  it('saves at once what one action changes, and typing after its pause', () => {
    const values = opened().values;
    expect(isDiscrete({ authors: [AMNA] }, values)).toBe(true);
    expect(isDiscrete({ tags: ['ferries'] }, values)).toBe(true);
    expect(isDiscrete({ language: 'ur' }, values)).toBe(true);
    expect(isDiscrete({ datelineDate: '2026-12-06' }, values)).toBe(true);
    expect(isDiscrete({ headline: 'Ferry capsizes off Karachi' }, values)).toBe(false);

    const image = picture('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60');
    // A picture chosen or taken away is one action; its caption and credit are typed.
    expect(isDiscrete({ leadImage: image }, values)).toBe(true);
    const withImage = { ...values, leadImage: image };
    expect(isDiscrete({ leadImage: { ...image, caption: 'The ferry at noon' } }, withImage)).toBe(false);
    expect(isDiscrete({ leadImage: null }, withImage)).toBe(true);
  });
});

describe('the header fields as the person edits and the library answers', () => {
  it('takes the slug the library gave a draft, and stays the same state when it is unchanged', () => {
    const state = opened();
    const same = headerFieldsReducer(state, { type: 'saved', article: { slug: 'ferry-capsizes', slugLocked: false } });
    expect(same).toBe(state);
    const renamed = headerFieldsReducer(state, {
      type: 'saved',
      article: { slug: 'ferry-capsizes-off-karachi', slugLocked: false },
    });
    expect(renamed.values.slug).toBe('ferry-capsizes-off-karachi');
    expect(renamed.values.headline).toBe(state.values.headline);
  });

  it('shows why a slug was refused until the person types another', () => {
    const refused = headerFieldsReducer(opened(), { type: 'slug-refused', message: 'Another article has this slug.' });
    expect(refused.slugProblem).toBe('Another article has this slug.');
    expect(headerFieldsReducer(refused, { type: 'slug-typed' }).slugProblem).toBeNull();
  });

  it('counts the status changes saved, an export among them', () => {
    let state = headerFieldsReducer(opened(), { type: 'status', status: 'editing' });
    expect(state.values.status).toBe('editing');
    expect(state.statusSaves).toBe(0);
    state = headerFieldsReducer(state, { type: 'status-saved' });
    state = headerFieldsReducer(state, { type: 'exported', status: 'exported' });
    expect(state.values.status).toBe('exported');
    expect(state.statusSaves).toBe(2);
  });

  it('gives a new story the default byline only while it has none, and shows an author edited elsewhere', () => {
    const withDefault = headerFieldsReducer(opened(), { type: 'default-authors', authors: [AMNA] });
    expect(withDefault.values.authors).toEqual([AMNA]);
    const typedFirst = headerFieldsReducer(
      headerFieldsReducer(opened(), { type: 'edited', patch: { authors: [BILAL] } }),
      { type: 'default-authors', authors: [AMNA] },
    );
    expect(typedFirst.values.authors).toEqual([BILAL]);

    const renamed = headerFieldsReducer(withDefault, { type: 'author-updated', author: { ...AMNA, bio: 'Karachi' } });
    expect(renamed.values.authors).toEqual([{ ...AMNA, bio: 'Karachi' }]);
  });
});
