import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArticle, search } from '../../../../electron/services/articles';
import { createAuthor } from '../../../../electron/services/authors';
import { SAMPLE_AUTHOR, sampleArticle } from '../../../../electron/services/sampleArticle';
import { ArticlePatchSchema } from '../../../../shared/api';
import { openTempLibrary } from '../../../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const sampleAuthor = () => createAuthor(library.lib, SAMPLE_AUTHOR.name, SAMPLE_AUTHOR.bio);

describe('the sample article', () => {
  it('is a valid article patch', () => {
    expect(ArticlePatchSchema.safeParse(sampleArticle(sampleAuthor().id)).success).toBe(true);
  });

  it('becomes a searchable draft with its body text, a real word count and its author in the byline', () => {
    const author = sampleAuthor();
    const article = createArticle(library.lib, sampleArticle(author.id));
    expect(article.status).toBe('draft');
    expect(article.slug).toBe('harbour-council-approves-night-ferry-trial-after-commuter-petition');
    expect(article.bodyText).toContain('Maria Okafor');
    expect(article.wordCount).toBeGreaterThan(100);
    expect(article.authors).toEqual([author]);
    expect(article.byline).toBe('Copydesk Sample Desk');
    expect(search(library.lib, '"night ferry"', 5).hits.map((hit) => hit.id)).toEqual([article.id]);
  });
});
