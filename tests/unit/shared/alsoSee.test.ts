import { describe, expect, it } from 'vitest';

import { alsoSeeOf, isOutsideStory, siteOf, storyAddressProblem, storyHeadlineProblem } from '../../../shared/alsoSee';

describe('an Also See pointing outside the library', () => {
  it('takes a web page’s address, and says what is wrong with anything else', () => {
    expect(storyAddressProblem('https://www.example.org/news/ferries-2026')).toBeNull();
    expect(storyAddressProblem('  http://localhost:8080/draft  ')).toBeNull();
    expect(storyAddressProblem('')).toMatch(/^Type or paste the story’s web address/);
    expect(storyAddressProblem('www.example.org/news')).toMatch(
      /is not a web address: it should start with https:\/\//,
    );
    expect(storyAddressProblem('mailto:desk@example.org')).toMatch(/^Only a web page can be an Also See/);
    expect(storyAddressProblem('javascript:alert(1)')).toMatch(/^Only a web page/);
    expect(storyAddressProblem('https://intranet/story')).toBe('“intranet” is not a site’s name: check the address.');
    expect(storyAddressProblem(`https://example.org/${'x'.repeat(2000)}`)).toMatch(/at most 2000 characters/);
  });

  it('needs a headline of at most 300 characters', () => {
    expect(storyHeadlineProblem('Ferries across Europe cut night crossings')).toBeNull();
    expect(storyHeadlineProblem('   ')).toMatch(/^Give the story’s headline/);
    expect(storyHeadlineProblem('x'.repeat(301))).toMatch(/at most 300 characters/);
  });

  it('reads a block’s fields whatever the JSON holds, and names the site of an address', () => {
    expect(alsoSeeOf({ type: 'also-see', articleId: 'a' })).toEqual({ articleId: 'a', url: '', headline: '' });
    expect(alsoSeeOf({ articleId: 4, url: null })).toEqual({ articleId: '', url: '', headline: '' });
    expect(isOutsideStory(alsoSeeOf({ articleId: '', url: 'https://example.org/', headline: 'H' }))).toBe(true);
    expect(isOutsideStory(alsoSeeOf({ articleId: 'a' }))).toBe(false);
    expect(siteOf('https://www.example.org/news')).toBe('example.org');
    expect(siteOf('not an address')).toBe('');
  });
});
