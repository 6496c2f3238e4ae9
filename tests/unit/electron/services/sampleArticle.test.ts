import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArticle, search } from '../../../../electron/services/articles';
import { sampleArticle } from '../../../../electron/services/sampleArticle';
import { ArticlePatchSchema } from '../../../../shared/api';
import { openTempLibrary } from '../../../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

describe('the sample article', () => {
  it('is a valid article patch', () => {
    expect(ArticlePatchSchema.safeParse(sampleArticle()).success).toBe(true);
  });

  it('becomes a searchable draft with its body text and a real word count', () => {
    const article = createArticle(library.lib, sampleArticle());
    expect(article.status).toBe('draft');
    expect(article.slug).toBe('harbour-council-approves-night-ferry-trial-after-commuter-petition');
    expect(article.bodyText).toContain('Maria Okafor');
    expect(article.wordCount).toBeGreaterThan(100);
    expect(search(library.lib, '"night ferry"', 5).hits.map((hit) => hit.id)).toEqual([article.id]);
  });
});
