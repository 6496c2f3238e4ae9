import { describe, expect, it } from 'vitest';

import { createArticle, saveArticle, search } from '../../../../electron/services/articles';
import { mergeSearchIndex, mergeSteps } from '../../../../electron/services/imports';
import { bodyFromParagraphs } from '../../../../shared/text';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library } = libraryPerTest();

const PLACES = ['harbour', 'ferry', 'bridge', 'dredger', 'terminal', 'quay', 'lighthouse', 'pier'];

/** Articles stored one transaction each, as many small segments of the search index as articles. */
function storeMany(count: number): { id: string; version: number }[] {
  return Array.from({ length: count }, (_, n) => {
    const place = PLACES[n % PLACES.length] as string;
    return createArticle(library.lib, {
      headline: `The ${place} council meets, session ${n}`,
      body: bodyFromParagraphs([
        `Item ${n}: the ${place} repairs run late and the ${place} budget grows.`,
        // Words of its own, so the index is many pages deep.
        Array.from({ length: 60 }, (_, w) => `word${n}x${w}`).join(' '),
      ]),
    });
  });
}

const found = () =>
  Object.fromEntries(
    PLACES.map((place) => [
      place,
      search(library.lib, place, 50)
        .hits.map((hit) => hit.id)
        .sort(),
    ]),
  );

function integrityHolds(): void {
  library.lib.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
}

describe('merging the search index after an import, a step at a time', () => {
  it('ends, with every search finding what it found before', () => {
    storeMany(120);
    const before = found();
    let steps = 0;
    for (let left = mergeSteps(library.lib); left > 0 && mergeSearchIndex(library.lib); left -= 1) steps += 1;
    expect(mergeSearchIndex(library.lib)).toBe(false);
    expect(steps).toBeGreaterThan(1);
    expect(found()).toEqual(before);
    expect(integrityHolds).not.toThrow();
  });

  it('stops within its steps while saves between them keep adding to the index', () => {
    const articles = storeMany(120);
    const allowed = mergeSteps(library.lib);
    let steps = 0;
    for (let left = allowed; left > 0 && mergeSearchIndex(library.lib); left -= 1) {
      steps += 1;
      const article = articles[steps % articles.length] as { id: string; version: number };
      const saved = saveArticle(library.lib, article.id, article.version, {
        body: bodyFromParagraphs([`Item ${steps}: the pier reopens after the storm.`]),
      });
      article.version = saved.version;
    }
    expect(steps).toBe(allowed);
    expect(search(library.lib, 'storm', 200).hits.length).toBe(Math.min(steps, articles.length));
    expect(integrityHolds).not.toThrow();
  });
});
