import { describe, expect, it } from 'vitest';

import { storyChangedBesideText } from '../../../../electron/desk/besideText';

const ARTICLE = '01a252f3-5f7e-72d0-a88c-95bc63362766';

describe('the story a desk call changed beside its text', () => {
  it('is read from the claim or thread answered, or else from the request', () => {
    expect(storyChangedBesideText('claims:setVerdict', { id: 'c1' }, { id: 'c1', articleId: ARTICLE })).toBe(ARTICLE);
    expect(storyChangedBesideText('comments:reply', { threadId: 't1' }, { id: 't1', articleId: ARTICLE })).toBe(
      ARTICLE,
    );
    // Sources attached answer with the article's sources, which belong to many articles.
    expect(storyChangedBesideText('sources:attach', { articleId: ARTICLE, sourceId: 's1' }, [{ id: 's1' }])).toBe(
      ARTICLE,
    );
  });

  it('is none for a call that changes nothing beside a text, or names no story', () => {
    expect(storyChangedBesideText('articles:save', { id: ARTICLE }, { id: ARTICLE, articleId: ARTICLE })).toBeNull();
    expect(storyChangedBesideText('claims:list', { articleId: ARTICLE }, [])).toBeNull();
    expect(storyChangedBesideText('claims:dismiss', { id: 'c1' }, null)).toBeNull();
  });
});
